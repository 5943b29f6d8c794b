// `ladder slides`: the deck opens in LibreOffice (headless → PDF) and pdftoppm renders every slide to a PNG
// in test-artifacts/slides/ (look at them); the numbers on the ladder and top-accounts slides are the ones
// `ladder score` gives; hostile account names stay text in the slide XML; one deck per owner.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { ladder } from '../helpers/cli';
import { repoRoot, tempDir } from '../helpers/temp';
import { formatCount, formatDecimal, formatMoney } from '#shared/act/format';

const dir = tempDir();
const workspace = join(dir.path, 'w.ladder');
const pack = 'preset:emerging-ready-filters';
const asOf = '2026-06-01';
const artifacts = join(repoRoot, 'test-artifacts', 'slides');
// Breaks out of an <a:t> element if it were written unescaped; the control character is invalid XML.
const hostile = '</a:t></a:r><a:r><a:t>pwned & "q" <!channel> =HYPERLINK("x")\u0001';
afterAll(() => dir.cleanup());

interface ScoredAccount {
  account_id: string;
  score: number;
  stage: string;
}
let score: {
  aggregates: { stages: { id: string; label: string; accounts: number; arr: number }[] };
  accounts: ScoredAccount[];
};

beforeAll(() => {
  expect(ladder(['demo', '--workspace', workspace, '--accounts', '500', '--end-date', asOf]).status).toBe(0);
  const run = ladder(['score', '--workspace', workspace, '--pack', pack, '--json']);
  expect(run.status).toBe(0);
  score = JSON.parse(run.stdout);
  // The best Ready account gets the hostile name (ties broken by ARR, as the deck does).
  const db = new Database(workspace);
  const arr = new Map(
    (db.prepare('SELECT id, arr FROM accounts').all() as { id: string; arr: number }[]).map((r) => [r.id, r.arr]),
  );
  const best = score.accounts
    .filter((a) => a.stage === 'ready')
    .sort((a, b) => b.score - a.score || arr.get(b.account_id)! - arr.get(a.account_id)!)[0]!;
  db.prepare('UPDATE accounts SET name = ? WHERE id = ?').run(hostile, best.account_id);
  db.close();
});

async function slideTexts(path: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return Promise.all(
    names.map(async (n) => {
      const xml = await zip.file(n)!.async('string');
      return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1]!));
    }),
  );
}

describe('ladder slides', () => {
  const deck = () => join(dir.path, 'deck.pptx');

  it('writes a deck whose ladder and top-accounts numbers are the engine’s', async () => {
    const run = ladder([
      'slides',
      '--workspace',
      workspace,
      '--pack',
      pack,
      '--compare',
      'preset:seven-signal-table',
      '--out',
      deck(),
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = JSON.parse(run.stdout).decks;
    expect(written).toHaveLength(1);
    const slides = await slideTexts(deck());
    expect(slides).toHaveLength(written[0].slides);
    const ladderSlide = slides.find((texts) => texts[0]!.startsWith('Readiness ladder'))!;
    for (const stage of score.aggregates.stages) {
      const at = ladderSlide.indexOf(stage.label, 2);
      expect(at).toBeGreaterThan(0);
      // Stage, baseline, accounts, ARR.
      expect(ladderSlide.slice(at + 2, at + 4)).toEqual([formatCount(stage.accounts), formatMoney(stage.arr)]);
    }
    const topSlide = slides.find((texts) => texts[0]!.startsWith('Top Ready accounts'))!;
    const db = new Database(workspace, { readonly: true });
    const facts = new Map(
      (db.prepare('SELECT id, name, arr FROM accounts').all() as { id: string; name: string; arr: number }[]).map(
        (r) => [r.id, r],
      ),
    );
    db.close();
    const expected = score.accounts
      .filter((a) => a.stage === 'ready')
      .sort((a, b) => b.score - a.score || facts.get(b.account_id)!.arr - facts.get(a.account_id)!.arr)
      .slice(0, 10);
    const rows = topSlide.slice(topSlide.indexOf('Play') + 1);
    expect(rows).toHaveLength(expected.length * 6);
    expected.forEach((a, i) => {
      const row = rows.slice(i * 6, i * 6 + 6);
      // Control characters are dropped; everything else is the name, as text.
      expect(row[0]).toBe(facts.get(a.account_id)!.name.replaceAll('\u0001', ''));
      expect(row[2]).toBe(formatDecimal(a.score));
      expect(row[3]).toBe(formatMoney(facts.get(a.account_id)!.arr));
    });
    expect(rows[0]).toContain('pwned & "q" <!channel>');
  });

  it('opens in LibreOffice and renders every slide to a PNG', () => {
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    const profile = join(dir.path, 'lo-profile');
    const convert = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', artifacts, deck()],
      { encoding: 'utf8' },
    );
    expect(convert.status, convert.stderr).toBe(0);
    const pdf = join(artifacts, 'deck.pdf');
    const render = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(artifacts, 'slide')], { encoding: 'utf8' });
    expect(render.status, render.stderr).toBe(0);
    const pngs = readdirSync(artifacts).filter((f) => f.endsWith('.png'));
    const pages = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)?.[1];
    expect(pngs.length).toBeGreaterThanOrEqual(10);
    if (pages) expect(pngs).toHaveLength(Number(pages));
  });

  it('--per-owner writes one deck per owner, each counting only that owner’s accounts', async () => {
    const run = ladder([
      'slides',
      '--workspace',
      workspace,
      '--pack',
      pack,
      '--per-owner',
      '--out',
      join(dir.path, 'team.pptx'),
      '--json',
    ]);
    expect(run.status).toBe(0);
    const decks = JSON.parse(run.stdout).decks as { path: string; owner: string }[];
    const db = new Database(workspace, { readonly: true });
    const owners = db
      .prepare("SELECT DISTINCT owner_csm FROM accounts WHERE owner_csm IS NOT NULL AND owner_csm <> '' ORDER BY 1")
      .pluck()
      .all();
    const ownerOf = new Map(
      (db.prepare('SELECT id, owner_csm FROM accounts').all() as { id: string; owner_csm: string }[]).map((r) => [
        r.id,
        r.owner_csm,
      ]),
    );
    db.close();
    expect(decks.map((d) => d.owner).sort()).toEqual([...owners].sort());
    const first = decks[0]!;
    expect(first.path).toMatch(/team-[\p{L}\p{N}-]+\.pptx$/u);
    const cover = (await slideTexts(first.path))[0]!;
    const mine = score.accounts.filter((a) => ownerOf.get(a.account_id) === first.owner).length;
    expect(cover.join(' ')).toContain(`${formatCount(mine)} accounts`);
  });

  it('refuses a missing baseline version and a wrong file name', () => {
    const missing = ladder([
      'slides',
      '--workspace',
      workspace,
      '--pack',
      pack,
      '--compare',
      'Nope@3',
      '--out',
      deck(),
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no saved version 3 of a model "Nope"/);
    expect(ladder(['slides', '--workspace', workspace, '--pack', pack, '--out', join(dir.path, 'x.pdf')]).status).toBe(
      2,
    );
  });
});
