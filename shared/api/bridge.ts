/** What the Electron preload exposes on `window.ladder`. */
export interface LadderBridge {
  invoke(name: string, args: unknown): Promise<unknown>;
}
