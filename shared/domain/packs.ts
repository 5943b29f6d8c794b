/** A preset rule pack shipped with Ladder. */
export interface PresetInfo {
  id: string;
  name: string;
  description: string;
}

/** How a preset fits the open workspace: the inputs it reads that have no data there. */
export interface PresetFit {
  id: string;
  inputs: number;
  missing: string[];
  /** One line for the start panel, or null when every input has data. */
  line: string | null;
}
