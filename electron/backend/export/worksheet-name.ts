// A worksheet name Excel (and exceljs) accepts, from text a pack or a file supplied: no \ / * ? : [ ], at
// most 31 characters, not starting or ending with an apostrophe, never empty.
export function worksheetName(text: string, fallback: string): string {
  const name = text
    .replace(/[\\/*?:[\]]/g, ' ')
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim();
  return name || fallback;
}
