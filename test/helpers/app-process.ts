// Starts the app the way a user does (`npm start` or `ladder serve`) and waits for its address.
// The printed link carries a one-time launch code; the harness redeems it (as the page would) so
// that `url` opens the app in any number of pages and `token` authorises direct API calls.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { repoRoot } from './temp';

export interface RunningApp {
  /**
   * Opens the app, already authorised (`#token=…`), as often as a test likes: each read differs in
   * its query, so `page.goto(app.url)` always loads the page afresh (never a same-page jump).
   */
  readonly url: string;
  /** The one-time link the app printed (already spent by the harness). */
  printedUrl: string;
  origin: string;
  port: number;
  token: string;
  output(): string;
  stop(): Promise<void>;
}

const urlPattern = /(http:\/\/127\.0\.0\.1:(\d+)\/#launch=([A-Za-z0-9_-]+))/;

/** Trades a launch code for the session token, the way the page does (POST /session). */
export function redeemLaunchCode(port: number, code: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const origin = `http://127.0.0.1:${port}`;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/session',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          const reply = JSON.parse(body) as { ok: boolean; value?: { token: string } };
          if (reply.ok && reply.value) resolve(reply.value.token);
          else reject(new Error(`the launch code was refused: ${body}`));
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ code }));
  });
}

export function startApp(
  command: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<RunningApp> {
  const child: ChildProcess = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() also ends npm's children
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`app did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = urlPattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      const port = Number(match[2]);
      const origin = `http://127.0.0.1:${port}`;
      let opened = 0;
      redeemLaunchCode(port, match[3]!).then(
        (token) =>
          resolve({
            get url() {
              return `${origin}/?page=${++opened}#token=${token}`;
            },
            printedUrl: match[1]!,
            origin,
            port,
            token,
            output: () => output,
            stop: () =>
              new Promise<void>((done) => {
                if (child.exitCode !== null) return done();
                child.once('exit', () => done());
                process.kill(-child.pid!, 'SIGTERM');
              }),
          }),
        reject,
      );
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited early with code ${code}:\n${output}`));
    });
  });
}
