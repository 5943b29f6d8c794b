// The dispatcher is every transport's entry point: it must validate, look up only real methods,
// and turn failures into the envelope without leaking stacks.
import { createDispatcher, type Handlers } from '#shared/api/dispatch';
import { createClient, ApiCallError } from '#shared/api/client';
import { methodNames, contract } from '#shared/api/contract';
import { LadderError } from '#shared/api/result';

const stubHandlers = (overrides: Partial<Handlers<null>> = {}): Handlers<null> =>
  ({
    'app.status': () => ({ version: 'test', workspace: null }),
    'workspace.open': ({ path }) => ({ path, name: path }),
    'workspace.createDemo': () => {
      throw new LadderError('conflict', 'demo.ladder already exists.');
    },
    'workspace.overview': () => {
      throw new Error('disk on fire');
    },
    'workspace.info': () => {
      throw new LadderError('no_workspace', 'No workspace is open.');
    },
    'workspace.recent': () => [],
    ...overrides,
  }) as Handlers<null>;

describe('createDispatcher', () => {
  const logged: unknown[] = [];
  const dispatch = createDispatcher(stubHandlers(), null, (e) => logged.push(e));

  it('runs a handler with validated arguments', async () => {
    await expect(dispatch('workspace.open', { path: '/tmp/a.ladder' })).resolves.toEqual({
      ok: true,
      value: { path: '/tmp/a.ladder', name: '/tmp/a.ladder' },
    });
  });

  it('rejects unknown methods, including prototype names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const result = await dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('refuses the desktop-only dialogs with what to do instead (no backend handler exists for them)', async () => {
    await expect(dispatch('dialog.openWorkspace', {})).resolves.toEqual({
      ok: false,
      error: {
        code: 'unsupported',
        message: 'Native file dialogs are only available in the desktop app; type the workspace path instead.',
      },
    });
    // Arguments are still checked first, against the dialog's own schema.
    await expect(dispatch('dialog.saveFile', {})).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('rejects bad arguments with the field and the reason', async () => {
    const result = await dispatch('workspace.open', { path: '' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'workspace.open: path: A file path is required.' },
    });
    const extra = await dispatch('app.status', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const wrongType = await dispatch('workspace.createDemo', { accounts: 'lots' });
    expect(wrongType).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('accounts') },
    });
  });

  it('passes expected errors through and reports unexpected ones without a stack', async () => {
    await expect(dispatch('workspace.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'no_workspace', message: 'No workspace is open.' },
    });
    const result = await dispatch('workspace.overview', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Ladder: disk on fire' },
    });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
    expect(logged).toHaveLength(1);
  });

  it('declares every method in the contract with a schema', () => {
    expect(Object.keys(contract).sort()).toEqual([...methodNames].sort());
  });
});

describe('createClient', () => {
  it('returns values and throws ApiCallError with the backend sentence', async () => {
    const dispatch = createDispatcher(stubHandlers(), null, () => {});
    const client = createClient((name, args) => dispatch(name, args));
    await expect(client.call('app.status', {})).resolves.toEqual({ version: 'test', workspace: null });
    const error = await client.call('workspace.createDemo', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).error).toEqual({ code: 'conflict', message: 'demo.ladder already exists.' });
  });

  it('turns transport failures and malformed replies into errors', async () => {
    const broken = createClient(async () => {
      throw new Error('connection refused');
    });
    await expect(broken.request('app.status', {})).resolves.toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('connection refused') },
    });
    const garbage = createClient(async () => ({ hello: 'world' }));
    await expect(garbage.request('app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
