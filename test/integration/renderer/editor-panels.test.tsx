// @vitest-environment jsdom
// The editor panels, rendered, driven like a user would, with the real store, engine and backend.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { EditorPanel } from '../../../renderer/src/views/workbench/editor/EditorPanel';
import { useModelStore } from '../../../renderer/src/store/model-store';
import { connectRendererToDemo, type RendererBackend } from '../../helpers/renderer-backend';

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

let backend: RendererBackend;
beforeAll(async () => {
  backend = await connectRendererToDemo(300);
});
afterAll(() => backend?.close());
afterEach(cleanup);

const store = () => useModelStore.getState();
const Editor = () => {
  const draft = useModelStore((s) => s.draft);
  return draft ? <EditorPanel pack={draft} /> : null;
};
async function settle() {
  for (let i = 0; i < 100; i++) {
    const revision = store().engineRevision;
    await act(() => new Promise((r) => setTimeout(r, 15)));
    if (store().engineRevision === revision) return;
  }
}

describe('editor panels', () => {
  beforeAll(async () => {
    await store().startFromPreset('emerging-ready-filters');
    await settle();
  });

  it('lists signals grouped by category, each with a weight slider explained in plain words', () => {
    render(<Editor />);
    const usage = screen.getByRole('region', { name: 'usage signals' });
    expect(within(usage).getAllByRole('slider', { name: /^Weight of / }).length).toBe(5);
    expect(screen.getByRole('region', { name: 'timing signals' })).toBeTruthy();
    expect(screen.getByTestId('signal-team_spread').querySelector('.signal-weight')?.getAttribute('title')).toMatch(
      /Points the signal adds/,
    );
  });

  it('dragging a weight updates the draft and the ladder at once', async () => {
    render(<Editor />);
    const before = store().snapshot!.draft;
    fireEvent.change(screen.getByRole('slider', { name: 'Weight of Used across departments' }), {
      target: { value: '9' },
    });
    expect(store().draft!.signals[0]!.weight).toBe(9);
    expect(store().snapshot!.draft).not.toEqual(before); // answered without waiting for the engine worker
    await settle();
    expect(
      (screen.getByRole('spinbutton', { name: 'Weight of Used across departments (number)' }) as HTMLInputElement)
        .value,
    ).toBe('9');
  });

  it('switching a signal off and a filter off changes the draft and its funnel', async () => {
    render(<Editor />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'API use above 80 % of the limit on' }));
    expect(store().draft!.signals.find((s) => s.id === 'api_pressure')!.enabled).toBe(false);
    const removedBefore = store().snapshot!.draft.funnel.removed.find((r) => r.id === 'no_buying_path')!.accounts;
    expect(removedBefore).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('checkbox', { name: 'No buying path on' }));
    await settle();
    expect(store().snapshot!.draft.funnel.removed.find((r) => r.id === 'no_buying_path')!.accounts).toBe(0);
  });

  it('shows an expression error under the derived metric, with its position', async () => {
    render(<Editor />);
    fireEvent.click(screen.getByText('Derived metrics'));
    const expression = screen.getByRole('textbox', { name: 'Expression of Top-user share' });
    fireEvent.change(expression, { target: { value: 'top_user_sessions / total_sesions' } });
    await settle();
    await waitFor(() => expect(screen.getByText('Unknown metric "total_sesions". (at column 21)')).toBeTruthy());
    expect(expression.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(expression, { target: { value: 'top_user_sessions / total_sessions' } });
    await settle();
    expect(store().issues).toEqual([]);
  });

  it('edits a stage threshold and picks another metric through the searchable picker', async () => {
    render(<Editor />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Minimum score for Ready' }), { target: { value: '12' } });
    expect(store().draft!.ladder.stages.find((s) => s.id === 'ready')!.minScore).toBe(12);
    const card = screen.getByTestId('signal-workflow_depth');
    fireEvent.click(within(card).getByRole('button', { name: /^Metric of Three or more advanced features/ }));
    fireEvent.change(within(card).getByRole('searchbox', { name: 'Search metrics' }), { target: { value: 'power' } });
    const options = within(card).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('Power users')]));
    fireEvent.mouseDown(options.find((o) => o.querySelector('.option-label')?.textContent === 'Power users')!);
    expect(store().draft!.signals.find((s) => s.id === 'workflow_depth')!.metric).toBe('power_users');
    await settle();
    expect(store().issues).toEqual([]);
  });
});
