// `ladder`: the command-line interface (docs/ARCHITECTURE.md §5). Exit 0 on success, 1 on a failure with one
// sentence on stderr, 2 on a usage error.
import { LadderError } from '#shared/api/result';
import { helpText, UsageError, type CommandSpec } from './args';
import { processIo, type CliIo } from './io';
import { demoSpec, runDemo } from './commands/demo';
import { infoSpec, runInfo } from './commands/info';
import { importSpec, runImportCommand } from './commands/import';
import { serveSpec, runServe } from './commands/serve';
import { scoreSpec, runScore } from './commands/score';
import { exportSpec, runExport } from './commands/export';
import { calibrateSpec, runCalibrate } from './commands/calibrate';
import { bookSpec, runBook } from './commands/book';
import { appVersion } from '../version';
import { messageOf } from '#shared/error-message';

interface Command {
  spec: CommandSpec;
  run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

const commands: Record<string, Command> = {
  demo: { spec: demoSpec, run: runDemo },
  info: { spec: infoSpec, run: runInfo },
  import: { spec: importSpec, run: runImportCommand },
  score: { spec: scoreSpec, run: runScore },
  export: { spec: exportSpec, run: runExport },
  calibrate: { spec: calibrateSpec, run: runCalibrate },
  book: { spec: bookSpec, run: runBook },
  serve: { spec: serveSpec, run: runServe },
};

function overview(): string {
  const lines = Object.values(commands).map((c) => `  ${c.spec.name.padEnd(10)}${c.spec.summary}`);
  return `Ladder ${appVersion}: design, calibrate and export expansion-readiness models.\n\nUsage: ladder <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "ladder <command> --help" for a command's options.\n`;
}

export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out(appVersion);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`ladder: unknown command "${name}". Run "ladder --help" to see the commands.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(helpText(command.spec));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: ${command.spec.usage}`);
      return 2;
    }
    if (error instanceof LadderError) {
      io.err(error.message);
      return 1;
    }
    io.err(`ladder ${name} failed: ${messageOf(error)}`);
    return 1;
  }
}
