// The import feature's method names, without schemas (the preload imports them; no zod there).
export const importMethodNames = [
  'import.analyze',
  'import.plan',
  'import.run',
  'import.job',
  'import.cancel',
  'import.history',
  'import.undo',
  'import.phrases',
  'import.setPhrases',
  'import.outcomeWords',
  'import.setOutcomeWords',
] as const;

export type ImportMethodName = (typeof importMethodNames)[number];
