// The Calibrate tab's store with a real backend in this process and the validation handler run
// in-process: a run fills the report; the live cards equal the report for the pack as calibrated;
// applying the suggestion (one undoable edit) moves the draft to the suggestion's held-out numbers;
// a weight edit is answered in the same call; an edit reading a new metric fetches its columns.
import { createInProcessValidationClient } from '../../../renderer/src/views/workbench/calibrate/validation-client';
import { validationSession } from '../../../renderer/src/views/workbench/calibrate/validation-session';
import { requestOf, useCalibrateStore } from '../../../renderer/src/views/workbench/calibrate/calibrate-store';
import { useModelStore } from '../../../renderer/src/store/model-store';
import { applySuggestion } from '#shared/calibrate/suggest';
import { connectRendererToDemo, type RendererBackend } from '../../helpers/renderer-backend';

let backend: RendererBackend;
beforeAll(async () => {
  backend = await connectRendererToDemo(1500);
  validationSession.useClientFactory(createInProcessValidationClient);
  await useModelStore.getState().startFromPreset('seven-signal-table');
});
afterAll(() => {
  validationSession.reset();
  backend?.close();
});

const settle = async () => {
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 10));
};

describe('calibrate store', () => {
  it('reads the run settings into a request, refusing bad ones with a sentence', () => {
    const base = useCalibrateStore.getState().settings;
    expect(requestOf(base)).toEqual({});
    expect(requestOf({ ...base, mode: 'every', every: '4w' })).toEqual({ every: '4w' });
    expect(requestOf({ ...base, mode: 'every', every: 'weekly' })).toMatch(/number and d, w or m/);
    expect(requestOf({ ...base, mode: 'dates', dates: '2026-05-18, 2026-06-15' })).toEqual({
      asOf: ['2026-05-18', '2026-06-15'],
    });
    expect(requestOf({ ...base, mode: 'dates', dates: '18/05/2026' })).toBe(
      '"18/05/2026" is not a date; use YYYY-MM-DD.',
    );
  });

  it('runs, then shows baseline and draft on the held-out accounts exactly as the report measured them', async () => {
    const draft = useModelStore.getState().draft!;
    await useCalibrateStore.getState().run(draft);
    const { status, result } = useCalibrateStore.getState();
    expect(status).toBe('done');
    const report = result!.report;
    useCalibrateStore.getState().validate('baseline', useModelStore.getState().baseline!);
    useCalibrateStore.getState().validate('draft', draft);
    await settle();
    const { live } = useCalibrateStore.getState();
    expect(live.draft!.auc).toBeCloseTo(report.model.auc, 12);
    expect(live.baseline!.auc).toBeCloseTo(report.model.auc, 12);
    expect(live.draft!.liftTopDecile).toBeCloseTo(report.model.liftTopDecile, 12);
    expect(live.draft!.readyPrecision).toBeCloseTo(report.model.readyPrecision, 12);
    expect(live.draft!.accounts).toBe(report.model.accounts);
  });

  it('applying the suggestion is one undoable edit and lands on the suggestion’s held-out AUC', async () => {
    const report = useCalibrateStore.getState().result!.report;
    const before = useModelStore.getState().past.length;
    useModelStore.getState().edit((d) => applySuggestion(d, report.suggested.weights));
    const draft = useModelStore.getState().draft!;
    expect(useModelStore.getState().past.length).toBe(before + 1);
    for (const s of draft.signals) expect(s.weight).toBe(report.suggested.weights[s.id]);
    // Weights only: the same-frame answer is there before the worker replies.
    const fast = validationSession.fast('draft', draft);
    expect(fast!.auc).toBeCloseTo(report.suggested.heldOut.auc, 12);
    useCalibrateStore.getState().validate('draft', draft);
    await settle();
    expect(useCalibrateStore.getState().live.draft!.auc).toBeCloseTo(report.suggested.heldOut.auc, 12);
    useModelStore.getState().undo();
    useCalibrateStore.getState().validate('draft', useModelStore.getState().draft!);
    await settle();
    expect(useCalibrateStore.getState().live.draft!.auc).toBeCloseTo(report.model.auc, 12);
  });

  it('a draft reading a metric the run did not compute fetches its columns for the held-out accounts', async () => {
    const d = useModelStore.getState().draft!;
    const extra = {
      ...d,
      signals: [
        ...d.signals,
        { ...d.signals[0]!, id: 'happy', metric: 'nps', operator: '>=' as const, threshold: 40, weight: 3 },
      ],
    };
    expect(validationSession.fast('draft', extra)).toBeNull(); // other classes: the worker must answer
    const reply = await validationSession.update('draft', extra);
    expect(reply?.status).toBe('ok');
    if (reply?.status === 'ok')
      expect(reply.metrics.accounts).toBe(useCalibrateStore.getState().result!.report.model.accounts);
  });

  it('drills into the accounts of a stage', async () => {
    const report = useCalibrateStore.getState().result!.report;
    const ready = report.model.stages.find((s) => s.id === 'ready')!;
    await useCalibrateStore.getState().openDrill('Ready', { kind: 'stage', stage: 'ready' });
    const drill = useCalibrateStore.getState().drill!;
    expect(drill.loading).toBe(false);
    expect(drill.total).toBe(ready.accounts);
    expect(drill.rows.every((r) => r.stage === 'Ready' && r.part === 'held out')).toBe(true);
  });
});
