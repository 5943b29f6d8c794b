// The signals sheet: one row per signal with the threshold and weight each segment really uses,
// category share and cap, and labels neutralised against formula injection.
import { compileSignalsCsv } from '#shared/compile/signals-csv';
import { parseCsv } from '../../helpers/sql-engines';
import { basicStages, signal, valid } from '../engine/fixtures';

describe('signals CSV', () => {
  it('lists per-segment thresholds and weights, shares and caps; formula-like labels are neutralised', () => {
    const pack = valid({
      schemaVersion: 1,
      name: 'Sheet',
      signals: [
        signal('seats', 'health_score', '>=', 0.8, 3, {
          label: '=HYPERLINK("http://x.example","go")',
          segmentOverrides: { SMB: { threshold: 0.7 }, Enterprise: { weight: 5 } },
        }),
        signal('window', 'days_to_renewal', 'between', [-30, 90], 2, {
          category: 'timing',
          sustainedPeriods: undefined,
          description: 'Renewal, "soon", within a quarter',
        }),
        signal('tiers', 'tier', 'in', ['Growth', 'Enterprise'], 1, { category: 'timing', enabled: false }),
      ],
      scoring: { categoryWeights: { usage: 0.6, timing: 0.4 }, categoryCaps: { timing: 2.5 } },
      ladder: { stages: basicStages },
    });
    const [header, ...rows] = parseCsv(compileSignalsCsv(pack).replace(/\r\n/g, '\n'));
    const at = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(rows).toHaveLength(3);
    const [seats, window, tiers] = rows as [string[], string[], string[]];
    expect(at(seats, 'label')).toBe('\'=HYPERLINK("http://x.example","go")');
    expect([
      at(seats, 'threshold'),
      at(seats, 'threshold_smb'),
      at(seats, 'threshold_mid_market'),
      at(seats, 'threshold_enterprise'),
    ]).toEqual(['0.8', '0.7', '0.8', '0.8']);
    expect([at(seats, 'weight'), at(seats, 'weight_smb'), at(seats, 'weight_enterprise')]).toEqual(['3', '3', '5']);
    expect([at(seats, 'category_share'), at(seats, 'category_cap')]).toEqual(['0.6', '']);
    expect(at(window, 'threshold')).toBe("'-30..90");
    expect(at(window, 'description')).toBe('Renewal, "soon", within a quarter');
    expect([at(window, 'category_share'), at(window, 'category_cap')]).toEqual(['0.4', '2.5']);
    expect([at(tiers, 'threshold'), at(tiers, 'enabled')]).toEqual(['Growth|Enterprise', '0']);
  });
});
