// Layer rules, enforced the way VS Code does: each folder may import only what
// its layer allows (see docs/ARCHITECTURE.md). The per-layer tsconfigs back this
// up on the type side (the renderer has no Node typings at all).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const node = { group: ['node:*'], message: 'Node built-ins belong to src-main.' };
const electron = { group: ['electron', 'electron/*'], message: 'Only src-main/electron and the preload import electron.' };
const dockerode = { group: ['dockerode', 'docker-modem'], message: 'Only src-main/engine/connection/docker-client.ts imports dockerode.' };
const main = { group: ['**/src-main/**'], message: 'src-main is reached only through the contract.' };
const renderer = { group: ['**/src-renderer/**', 'react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'UI code stays in src-renderer.' };
const nodeBareBuiltins = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'events', 'util', 'url', 'tls'];

export default tseslint.config(
  { ignores: ['dist/**', '.berth-test/**', '.test-reports/**', '**/*.tmp.mjs', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Build, start and test scripts run in Node.
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-common/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBareBuiltins, patterns: [node, electron, dockerode, main, renderer] }],
    },
  },
  {
    // The renderer's first screen reads these before the contract's schemas load (see
    // keepZodOffFirstScreen in vite.config.ts, which checks the built chunks): no zod here,
    // and no schema module (type imports are erased, so they stay allowed).
    files: [
      'src-common/type-agreement.ts',
      'src-common/contract/api-error.ts',
      'src-common/contract/wire-format.ts',
      'src-common/contract/server-message.ts',
      'src-common/models/settings-defaults.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBareBuiltins, { name: 'zod', message: 'This module is zod-free: the first screen loads it before the schemas.' }],
          patterns: [
            node,
            electron,
            dockerode,
            main,
            renderer,
            {
              group: ['./errors', './wire', './stream-end', './index', './settings', '../contract/index'],
              allowTypeImports: true,
              message: 'A schema module: import its zod-free counterpart (api-error, wire-format, settings-defaults).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...nodeBareBuiltins, 'ws'], patterns: [node, electron, dockerode, main] }],
    },
  },
  {
    // The design system (src-renderer/ui/) draws every control; feature code uses its
    // components, never a bare native control (docs/ARCHITECTURE.md, "Design system").
    files: ['src-renderer/**/*.tsx'],
    ignores: ['src-renderer/ui/**', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXOpeningElement[name.name=/^(button|input|select|textarea)$/]',
          message: 'Use the design system (src-renderer/ui/: Button, IconButton, Input, TextField, Select, Checkbox, Switch…), not a bare native control.',
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/engine/connection/docker-client.ts', 'src-main/electron/**', 'src-main/preload/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, dockerode, renderer] }] },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dockerode, renderer] }] },
  },
  {
    files: ['src-main/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBareBuiltins,
          patterns: [node, dockerode, renderer, { group: ['**/engine/**', '**/server/**', '**/api/**'], message: 'The preload only bridges.' }],
        },
      ],
    },
  },
);
