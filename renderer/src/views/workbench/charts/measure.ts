// Whether the workbench's charts count accounts or sum their ARR (the "Show" control).
export type Measure = 'accounts' | 'arr';
