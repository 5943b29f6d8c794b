// The calibration methods' names, without schemas (see method-names.ts).
export const calibrateMethodNames = [
  'calibrate.run',
  'calibrate.progress',
  'calibrate.cancel',
  'calibrate.accounts',
  'calibrate.validation',
  'calibrate.validationColumns',
] as const;

export type CalibrateMethodName = (typeof calibrateMethodNames)[number];
