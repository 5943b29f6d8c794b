// What every per-workspace store registers, so nothing from one workspace survives into another
// and nothing stale stays on screen after the data changes. See renderer/src/store/README.md.
//
//   registerWorkspaceStore({ name, reset, refresh?, unsavedWork? })
//
// - reset():       the open workspace is being replaced by another (open, new, demo): drop
//                  everything that belongs to the old one. Called before the new one is shown.
// - refresh():     the same workspace's data changed (an import, an undone import): re-read what
//                  depends on it. Awaited, in registration order.
// - unsavedWork(): a sentence naming work a switch would lose ("The model “X” has unsaved
//                  changes."), or null. The user is asked once, listing every sentence.

export interface WorkspaceStoreHooks {
  /** Unique per store; registering the same name again replaces the earlier hooks (hot reload, tests). */
  name: string;
  reset(): void;
  refresh?(): void | Promise<void>;
  unsavedWork?(): string | null;
}

const stores = new Map<string, WorkspaceStoreHooks>();

export function registerWorkspaceStore(hooks: WorkspaceStoreHooks): () => void {
  stores.set(hooks.name, hooks);
  return () => {
    if (stores.get(hooks.name) === hooks) stores.delete(hooks.name);
  };
}

/** Sentences about work a workspace switch would lose (empty when nothing would be lost). */
export function unsavedWork(): string[] {
  return [...stores.values()].flatMap((s) => s.unsavedWork?.() ?? []).filter((s): s is string => !!s);
}

/** How the user is asked; tests and embedders may answer differently. */
let ask = (question: string): boolean => window.confirm(question);
export function setLeaveConfirmation(next: (question: string) => boolean): void {
  ask = next;
}

/** True when nothing would be lost, or the user agreed to lose it. */
export function confirmLeavingWorkspace(action: string): boolean {
  const lost = unsavedWork();
  if (lost.length === 0) return true;
  return ask(`${lost.join('\n')}\n\n${action} anyway? These changes will be lost.`);
}

export function resetWorkspaceStores(): void {
  for (const store of stores.values()) store.reset();
}

export async function refreshWorkspaceStores(): Promise<void> {
  for (const store of [...stores.values()]) await store.refresh?.();
}
