import { makeApi } from './client';
import { bridgeTransport } from './bridge-client';
import { httpTransport } from './http-client';

/** In the desktop app the preload bridge; in a browser the web host. */
export const api = makeApi(window.uketsuke ? bridgeTransport(window.uketsuke) : httpTransport);
export { ApiError } from './client';
