// The act feature's method names (alerts, digest, funnel, slides, templates), without schemas.
export const actMethodNames = [
  'act.alerts',
  'act.funnel',
  'act.slides',
  'act.renderSlides',
  'act.templates',
  'act.setTemplate',
  'act.resetTemplate',
] as const;

export type ActMethodName = (typeof actMethodNames)[number];
