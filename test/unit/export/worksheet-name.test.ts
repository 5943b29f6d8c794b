// Worksheet names from pack names that exceljs would refuse (found by the pack fuzz target, seed 1 case 940).
import { worksheetName } from '../../../electron/backend/export/worksheet-name';

describe('worksheetName', () => {
  it.each([
    ["'", 'Scored accounts'],
    ["'quoted'", 'quoted'],
    ['a/b:c', 'a b c'],
    ['', 'Scored accounts'],
    ['x'.repeat(40), 'x'.repeat(31)],
  ])('%j → %j', (text, name) => {
    expect(worksheetName(text, 'Scored accounts')).toBe(name);
  });
});
