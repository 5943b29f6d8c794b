/** A preset rule pack shipped with Ladder. */
export interface PresetInfo {
  id: string;
  name: string;
  description: string;
}
