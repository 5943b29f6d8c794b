// Slides part: a model-review deck of about 20 slides (a 25-signal pack, so the model takes three slides, a
// baseline to compare with, a slide per play in use) on a large demo workspace. `ms` is the deck alone —
// deck data from the engine, the heatmap picture, the PPTX written — with the features computed beforehand,
// as the issue asks; the median of several runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { approaches, type RulePack } from '#shared/pack/schema';
import { checkPack } from '#shared/pack/validate';
import { demoDefaults, writeDemoWorkspace } from '../../electron/backend/demo/write-demo';
import { loadPreset } from '../../electron/backend/packs/presets';
import { scoreWorkspace } from '../../electron/backend/scoring/score-workspace';
import { deckCalibration } from '../../electron/backend/slides/calibration-slides';
import { writeDecks } from '../../electron/backend/slides/slides-service';
import { openWorkspace } from '../../electron/backend/store/open-workspace';
import { benchDir, log, median, option, round } from './common';

const accounts = option('accounts', 1_000_000);
const runs = option('runs', 3);
const dir = benchDir('ladder-bench-slides-');

/** The preset with 18 looser variants of its signals, each with its own approach: 25 signals, every play in use. */
function benchPack(): RulePack {
  const pack = structuredClone(loadPreset('emerging-ready-filters').pack);
  const base = pack.signals.slice();
  for (let k = 0; k < 18; k++) {
    const s = base[k % base.length]!;
    const threshold = typeof s.threshold === 'number' ? s.threshold * (0.9 - 0.02 * k) : s.threshold;
    pack.signals.push({
      ...s,
      id: `${s.id}_v${k}`,
      label: `${s.label} (variant ${k + 1})`,
      threshold,
      weight: s.weight + 1,
      approach: approaches[(k * 3 + Math.floor(k / base.length)) % approaches.length]!,
    });
  }
  return pack;
}

try {
  const path = process.env.LADDER_BENCH_WORKSPACE ?? join(dir.path, 'demo.ladder');
  if (!existsSync(path)) {
    log(`generating a ${accounts.toLocaleString('en-US')}-account demo workspace…`);
    await writeDemoWorkspace(path, demoDefaults({ accounts, seed: 1, endDate: '2026-11-16' }));
  }
  const ws = await openWorkspace(path);
  const checked = checkPack(benchPack());
  if (!checked.ok) throw new Error(`bench pack: ${checked.issues.map((i) => i.message).join('; ')}`);
  const valid = checked.value;
  log('computing features…');
  const scored = scoreWorkspace(ws, valid);
  log('calibrating (the calibration slides; feature work, outside the deck time)…');
  const calibration = await deckCalibration(ws, valid);
  const times: number[] = [];
  let slides = 0;
  for (let r = 0; r < runs; r++) {
    const { decks, deckMs } = await writeDecks(
      ws,
      valid,
      { out: join(dir.path, 'deck.pptx'), compare: 'preset:seven-signal-table' },
      scored,
      calibration,
    );
    slides = decks[0]!.slides;
    times.push(deckMs);
    log(`deck ${r + 1}: ${slides} slides in ${round(deckMs, 0)} ms`);
  }
  ws.db.close();
  console.log(JSON.stringify({ accounts: scored.build.table.accounts, slides, ms: round(median(times), 0) }));
} finally {
  dir.cleanup();
}
