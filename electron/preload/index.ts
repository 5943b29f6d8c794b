// The renderer's only door to the backend: `window.ladder.invoke(name, args)` for the methods of
// the API contract, and nothing else (no ipcRenderer, no Node).
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '#shared/api/method-names';
import type { LadderBridge } from '#shared/api/bridge';

const allowed = new Set<string>(methodNames);

const bridge: LadderBridge = {
  invoke(name, args) {
    if (!allowed.has(name))
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_method', message: `There is no API method called "${String(name).slice(0, 80)}".` },
      });
    return ipcRenderer.invoke('ladder:invoke', name, args);
  },
};

contextBridge.exposeInMainWorld('ladder', bridge);
