// ESLint (flat config). Besides the usual TypeScript and React-hooks rules, it holds the process
// boundary that the type-checker cannot: apache-arrow's typings pull @types/node into every project,
// so Node globals type-check in shared/ and renderer/; these rules refuse them there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'stream'];
const nodeGlobals = ['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'global', 'setImmediate'];
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement'];
const noNode = (where) => ({
  patterns: [{ group: nodeModules, message: `${where} runs without Node: no Node modules here.` }],
  paths: [
    { name: 'electron', message: `Only electron/main imports 'electron'.` },
    { name: 'better-sqlite3', message: `Only the backend touches SQLite.` },
  ],
});
const restrictedGlobals = (names, why) => names.map((name) => ({ name, message: why }));
// Conventions with one shared helper each, so the wording and the edge cases stay in one place.
const conventions = [
  {
    selector:
      "ConditionalExpression[test.operator='instanceof'][test.right.name='Error'][consequent.property.name='message']",
    message: "Use messageOf(error) from '#shared/error-message'.",
  },
];

export default tseslint.config(
  {
    ignores: ['dist/', 'release/', '.cache/', 'node_modules/', 'test-artifacts/', 'test/fixtures/', 'types/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-syntax': ['error', ...conventions],
      // A missing number is NaN; isSet(x) from '#shared/missing' says so instead of `x === x`.
      'no-self-compare': 'error',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Tests and benchmarks read CLI JSON and poke at fakes; `any` there is the honest type.
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noNode('The renderer')],
      'no-restricted-globals': ['error', ...restrictedGlobals(nodeGlobals, 'The renderer runs without Node.')],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', noNode('shared/')],
      'no-restricted-globals': [
        'error',
        ...restrictedGlobals(nodeGlobals, 'shared/ is pure TypeScript: no Node globals.'),
        ...restrictedGlobals(domGlobals, 'shared/ is pure TypeScript: no DOM.'),
      ],
    },
  },
);
