import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const IO_MODULES = [
  'fs',
  'fs/promises',
  'child_process',
  'http',
  'https',
  'net',
  'tls',
  'dns',
  'dgram',
  'readline',
].flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/**/node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The runner is the GitHub host's business: it alone imports @actions/core and reads the run's context.
    files: ['src/**/*.ts'],
    ignores: ['src/host/github.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'Only src/host/github.ts talks to the runner.' },
            {
              name: '@actions/github',
              importNames: ['context'],
              message: 'The run context comes from the Host (host.context).',
            },
          ],
        },
      ],
    },
  },
  {
    // Commands and the CLI reach the outside world through the Host and src/io, never @actions/* directly.
    files: ['src/commands/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@actions/*'], message: 'Commands use the Host and src/io, not @actions/*.' }],
        },
      ],
    },
  },
  {
    // Domain modules work on plain data: no runner API, no I/O, nothing from the layers above them.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({
            name,
            message: 'Domain modules do no I/O; take it as a port.',
          })),
          patterns: [
            { group: ['@actions/*'], message: 'Domain modules must not import @actions/*.' },
            {
              group: ['**/io/*', '**/host/*', '**/commands/*', '**/cli/*'],
              message: 'The domain is the bottom layer: it imports nothing from io, host, commands or cli.',
            },
          ],
        },
      ],
    },
  },
);
