// Browser mode cannot read or write arbitrary files: over real HTTP, with the real token, every
// path-taking method is confined to what the user chose (the data folder, the command line,
// uploads), symbolic links included; Ladder's own files are refused as targets.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createBackendDispatch } from '../../../electron/backend/api/backend-dispatch';
import { startBrowserServer, type BrowserServer } from '../../../electron/backend/http/server';
import { closeWorkspace, createSession, switchWorkspace, type Session } from '../../../electron/backend/session';
import { openWorkspace } from '../../../electron/backend/store/open-workspace';
import { grantFolder } from '../../../electron/backend/path-grants';
import { contract, methodNames } from '#shared/api/contract';
import { pathFieldsOf } from '#shared/api/user-path';
import { loadPreset } from '../../../electron/backend/packs/presets';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();
const data = join(dir.path, 'data');
const outside = join(dir.path, 'outside');
const chosen = join(dir.path, 'chosen');
let server: BrowserServer;
let session: Session;
const pack = loadPreset('seven-signal-table').pack;

function call(
  method: string,
  args: unknown,
): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Ladder-Token': server.token },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(JSON.parse(body)));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

async function analyze(path: string) {
  const started = await call('import.analyze', { path, kind: 'accounts' });
  if (!started.ok) return started;
  for (;;) {
    const status = await call('import.job', { jobId: started.value.jobId });
    const phase = status.value?.progress.phase;
    if (phase !== 'analysing' && phase !== 'reading') return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  for (const d of [data, outside, chosen]) mkdirSync(d, { recursive: true });
  writeFileSync(join(outside, 'accounts.csv'), 'account_id,name\nA1,Secret Co\n');
  writeFileSync(join(outside, 'victim.txt'), 'keep me');
  writeFileSync(join(data, 'accounts.csv'), 'account_id,name\nA1,Acme\n');
  writeFileSync(join(chosen, 'accounts.csv'), 'account_id,name\nA2,Beta\n');
  symlinkSync('/etc/passwd', join(data, 'passwd.csv'));
  symlinkSync(outside, join(data, 'elsewhere'));
  session = createSession(data);
  grantFolder(session.grants, chosen); // as `ladder serve --allow chosen` does
  const ws = join(data, 'w.ladder');
  (await openWorkspace(ws, { create: true })).db.close();
  await switchWorkspace(session, ws);
  server = await startBrowserServer({
    dispatch: createBackendDispatch(session),
    staticDir: data,
    uploadDir: join(data, 'uploads'),
  });
});

afterAll(async () => {
  await server?.close();
  closeWorkspace(session);
  dir.cleanup();
});

const refusal = { ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Ladder will not /) } };

describe('path confinement over HTTP', () => {
  it('refuses import.analyze on /etc/passwd with a sentence, and shows none of its lines', async () => {
    const reply = await analyze('/etc/passwd');
    expect(reply).toMatchObject(refusal);
    expect(reply.error!.message).toBe(
      'Ladder will not read /etc/passwd: it only uses files you chose (in a file dialog, by upload or on the ' +
        'command line) and its own data folder.',
    );
    expect(JSON.stringify(reply)).not.toContain('root:');
  });

  it('refuses reads outside, through "..", and through symbolic links in the data folder', async () => {
    expect(await analyze(join(outside, 'accounts.csv'))).toMatchObject(refusal);
    expect(await analyze(join(data, '..', 'outside', 'accounts.csv'))).toMatchObject(refusal);
    expect(await analyze(join(data, 'passwd.csv'))).toMatchObject(refusal);
    expect(await analyze(join(data, 'elsewhere', 'accounts.csv'))).toMatchObject(refusal);
  });

  it('reads files in the data folder and in folders given on the command line', async () => {
    expect(await analyze(join(data, 'accounts.csv'))).toMatchObject({ ok: true, value: { error: null } });
    expect(await analyze(join(chosen, 'accounts.csv'))).toMatchObject({ ok: true, value: { error: null } });
  });

  it('refuses export.save outside (nothing written) and over Ladder’s own files', async () => {
    const target = join(outside, 'victim.txt');
    expect(await call('export.save', { format: 'sql', pack, path: target })).toMatchObject(refusal);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(await call('export.save', { format: 'sql', pack, path: join(outside, 'new.sql') })).toMatchObject(refusal);
    expect(existsSync(join(outside, 'new.sql'))).toBe(false);
    for (const own of ['w.ladder', 'w.ladder-wal', 'settings.json', join('uploads', 'x.csv')]) {
      expect(await call('export.save', { format: 'sql', pack, path: join(data, own) })).toMatchObject(refusal);
    }
    const allowed = await call('export.save', { format: 'sql', pack, path: join(chosen, 'model.sql') });
    expect(allowed).toMatchObject({ ok: true });
    expect(readFileSync(join(chosen, 'model.sql'), 'utf8')).toMatch(/^-- /);
  });

  it('refuses workspace.createDemo over a file outside and workspace.open outside', async () => {
    const target = join(outside, 'victim.txt');
    const demo = await call('workspace.createDemo', { path: target, overwrite: true, accounts: 10 });
    expect(demo).toMatchObject(refusal);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(await call('workspace.open', { path: '/etc/passwd' })).toMatchObject(refusal);
    expect(await call('workspace.open', { path: join(outside, 'victim.txt') })).toMatchObject(refusal);
  });
});

describe('the contract marks every path', () => {
  it('declares each path-like argument with userPath, so it is confined', () => {
    for (const name of methodNames) {
      const shape = (contract[name].args as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      const marked = new Set(pathFieldsOf(contract[name].args).map((f) => f.key));
      for (const key of Object.keys(shape)) {
        if (/path|dir$|folder|^file$|^out$|target/i.test(key))
          expect({ name, key, marked: marked.has(key) }).toEqual({
            name,
            key,
            marked: true,
          });
      }
    }
  });
});
