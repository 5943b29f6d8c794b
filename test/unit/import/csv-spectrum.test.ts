// The csv-spectrum acceptance cases, read through the real delimited reader.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Cell } from '#shared/import/profile';
import { readDelimited } from '../../../electron/backend/import/sources/delimited';

const root = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));

async function readObjects(path: string): Promise<Record<string, Cell>[]> {
  let headers: string[] = [];
  const rows: Record<string, Cell>[] = [];
  await readDelimited(
    { path, fileName: path, bytes: statSync(path).size },
    {
      header: (names) => (headers = names),
      row: (cells) => rows.push(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']))),
    },
  );
  return rows;
}

const cases = readdirSync(join(root, 'csvs')).map((f) => f.replace(/\.csv$/, ''));

describe('csv-spectrum', () => {
  it('has the cases we expect', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of cases.filter((c) => c !== 'location_coordinates')) {
    it(`${name} parses to its reference JSON`, async () => {
      const expected = JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8'));
      expect(await readObjects(join(root, 'csvs', `${name}.csv`))).toEqual(expected);
    });
  }

  it('location_coordinates parses to the corrected expectation', async () => {
    // The package's reference is wrong twice over: it is a bare object rather than an array of
    // rows, and its phone number (1234567890) is not the one in the CSV (2095257564). The U+FFFD
    // characters are in the CSV itself (a mis-encoded degree sign) and are kept as they are; the
    // quote after 37.8 sits inside an unquoted field and is an ordinary character.
    const expected = [
      {
        'Contact Phone Number': '2095257564',
        'Location Coordinates': '37\uFFFD36\'37.8"N 121\uFFFD2\'17.9"W',
        Cities: 'Modesto',
        Counties: 'Stanislaus',
      },
    ];
    expect(await readObjects(join(root, 'csvs', 'location_coordinates.csv'))).toEqual(expected);
  });
});
