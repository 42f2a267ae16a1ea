// The renderer's only door to the app: one function, typed by the contract. No Node, no ipcRenderer leaks.
import { contextBridge, ipcRenderer } from 'electron';
import type { UketsukeBridge } from '../../renderer/src/api/bridge-client.js';

const bridge = {
  call: (method, input) => ipcRenderer.invoke('uketsuke:call', method, input),
} satisfies UketsukeBridge;

contextBridge.exposeInMainWorld('uketsuke', bridge);
