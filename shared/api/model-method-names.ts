// Methods about how models fit the workspace's data (metric catalogue, diagnostics, presets' fit,
// a model from the workspace's own columns), without schemas.
export const modelMethodNames = ['workspace.metrics', 'packs.diagnose', 'packs.fit', 'packs.fromColumns'] as const;

export type ModelMethodName = (typeof modelMethodNames)[number];
