// Starts the app the way a user does (`npm start` or `ladder serve`) and waits for its address.
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './temp';

export interface RunningApp {
  url: string;
  origin: string;
  port: number;
  token: string;
  output(): string;
  stop(): Promise<void>;
}

const urlPattern = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/;

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
      const port = Number(match[2]);
      resolve({
        url: match[1]!,
        origin: `http://127.0.0.1:${port}`,
        port,
        token: match[3]!,
        output: () => output,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            process.kill(-child.pid!, 'SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited early with code ${code}:\n${output}`));
    });
  });
}
