// The steps of `npm test`, in the order that fails fastest. Each is a command run in the project root; the
// gate tests run the lint and format steps exactly as listed here on a copy with a planted violation.
import { join } from 'node:path';

/** @typedef {{ name: string, command: string, args: string[] }} Step */

/** @param {string} root the project root @param {string[]} testArgs extra arguments for vitest @returns {Step[]} */
export function testSteps(root, testArgs = []) {
  const bin = (/** @type {string} */ name) => join(root, 'node_modules', '.bin', name);
  return [
    // One project per side of the process boundary: shared/ (no Node, no DOM), renderer (DOM, no
    // Node or Electron), node (electron/ and scripts), tests.
    ...['shared', 'web', 'node', 'test'].map((p) => ({
      name: `typecheck (${p})`,
      command: bin('tsc'),
      args: ['-p', `tsconfig.${p}.json`],
    })),
    { name: 'lint', command: bin('eslint'), args: ['.', '--max-warnings', '0'] },
    { name: 'format', command: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
    { name: 'build', command: process.execPath, args: [join(root, 'scripts', 'build.js')] },
    { name: 'security scan', command: process.execPath, args: [join(root, 'scripts', 'security-scan.js')] },
    { name: 'tests', command: bin('vitest'), args: ['run', ...testArgs] },
  ];
}
