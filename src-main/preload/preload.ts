import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// The sandboxed preload's whole job: one object on window.berth, nothing else.
contextBridge.exposeInMainWorld('berth', createBridge(ipcRenderer));
