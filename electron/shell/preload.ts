// The renderer's only door to the app: one function, typed by the contract. No Node, no ipcRenderer leaks.
import { contextBridge, ipcRenderer } from 'electron';
import type { UketsukeBridge } from '../../renderer/src/api/bridge-client.js';

const bridge = {
  call: (method, input) => ipcRenderer.invoke('uketsuke:call', method, input),
  onCloseRequested: (listener) => {
    ipcRenderer.on('uketsuke:close-requested', () => listener());
  },
  closeWithSecret: (secret) => ipcRenderer.invoke('uketsuke:close-with-secret', String(secret).slice(0, 600)),
} satisfies UketsukeBridge;

contextBridge.exposeInMainWorld('uketsuke', bridge);
