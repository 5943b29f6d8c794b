// Browser mode's launch token stays with Ladder's own page: another service on 127.0.0.1 (another
// port, same host: one "site" for cookies) receives none of it, cannot read it from script, and the
// browser's history keeps nothing that opens Ladder again.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from '../helpers/browser';
import { repoRoot, tempDir } from '../helpers/temp';

const dir = tempDir();
const profile = join(dir.path, 'profile');
let ladder: ChildProcess;
let printed = '';
let other: Server;
const otherRequests: IncomingHttpHeaders[] = [];
let context: BrowserContext | undefined;

function startLadder(): Promise<string> {
  ladder = spawn(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), 'serve', '--port', '0'], {
    env: { ...process.env, LADDER_DATA_DIR: join(dir.path, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Whatever form the printed address takes (query, fragment…).
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (match) resolve(match[1]!);
    };
    ladder.stdout!.on('data', onData);
    ladder.stderr!.on('data', onData);
    ladder.once('exit', (code) => reject(new Error(`ladder serve exited with ${code}:\n${output}`)));
  });
}

/** What a script on the other port can see, and everything the browser sent it. */
const otherPage = `<!doctype html><title>other</title><script>
  fetch('/probe', { credentials: 'include' }).then(() => {
    document.title = JSON.stringify({ cookie: document.cookie, session: { ...sessionStorage }, local: { ...localStorage } });
  });
</script>`;

beforeAll(async () => {
  printed = await startLadder();
  other = createServer((req, res) => {
    otherRequests.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(req.url === '/' ? otherPage : 'ok');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await context?.close();
  ladder?.kill('SIGTERM');
  other?.close();
  dir.cleanup();
});

function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode token isolation (real Chromium)', () => {
  it('a page on another 127.0.0.1 port receives no token, and history keeps nothing usable', async () => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const page = await context.newPage();
    await page.goto(printed);
    await page.getByTestId('stat-accounts').waitFor({ timeout: 120_000 });
    const ours = new URL(printed).origin;

    // Every secret our tab holds: cookies for 127.0.0.1, its sessionStorage, the printed URL's token.
    const cookies = (await context.cookies(ours)).map((c) => c.value);
    const session = Object.values(await page.evaluate(() => ({ ...sessionStorage })));
    const inUrl = [
      ...new URL(printed).searchParams.values(),
      ...new URLSearchParams(new URL(printed).hash.slice(1)).values(),
    ];
    const secrets = [...cookies, ...session, ...inUrl].filter((s) => s.length >= 16);
    expect(secrets.length).toBeGreaterThan(0);
    expect(page.url()).not.toMatch(/token|launch/);

    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const probe = await context.newPage();
    await probe.goto(`${otherOrigin}/`);
    await probe.waitForFunction(() => document.title.startsWith('{'));
    const seen = await probe.title();
    const received = JSON.stringify(otherRequests);
    expect(otherRequests.length).toBeGreaterThanOrEqual(2);
    for (const secret of secrets) {
      expect(received).not.toContain(secret);
      expect(seen).not.toContain(secret);
    }

    // The history file: the address we opened is there, but it no longer opens anything.
    await context.close();
    context = undefined;
    const history = new Database(join(profile, 'Default', 'History'), { readonly: true });
    const urls = history.prepare('SELECT url FROM urls').pluck().all() as string[];
    history.close();
    const ladderUrls = urls.filter((u) => u.startsWith(ours));
    expect(ladderUrls.length).toBeGreaterThan(0);
    // And no API call goes through with what the history holds.
    for (const url of ladderUrls) {
      const token =
        new URL(url).searchParams.get('token') ?? new URLSearchParams(new URL(url).hash.slice(1)).get('launch');
      if (!token) continue;
      const status = await post(`${ours}/api/app.status`, '{}', {
        'Content-Type': 'application/json',
        'X-Ladder-Token': token,
        Host: new URL(ours).host,
      });
      expect(status).toBe(403);
    }
  });
});
