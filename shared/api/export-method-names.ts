// The export feature's method names, without schemas (the preload imports them; no zod there).
export const exportMethodNames = [
  'export.render',
  'export.save',
  'export.readPack',
  'export.progress',
  'export.cancel',
] as const;

export type ExportMethodName = (typeof exportMethodNames)[number];
