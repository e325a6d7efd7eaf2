// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pureRestrictions = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['node:fs*', 'node:net', 'node:http*', 'node:child_process', 'fs', 'http', 'net'],
          message: 'The pure core does no I/O: take it through a port.',
        },
        {
          group: ['postgres', 'drizzle-orm*', '@electric-sql/*', 'bullmq', 'ioredis', 'nodemailer'],
          message: 'Vendors live in adapters, not in the pure core.',
        },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'No ambient time in pure code: use the Clock port.',
    },
    {
      selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
      message: 'No ambient time in pure code: use the Clock port.',
    },
    {
      selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
      message: 'No ambient randomness in pure code: take ids as arguments.',
    },
    {
      selector: "CallExpression[callee.name='randomUUID']",
      message: 'No ambient randomness in pure code: use the IdGenerator port.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/drizzle/**',
      '**/.certflow/**',
      // StrykerJS's sandboxes and reports (docs/mutation-testing.md), git-ignored.
      '**/.stryker-tmp/**',
      '**/reports/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Port implementations are async by contract even when an adapter needs no await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/engine/src/**/*.ts', 'packages/pilot/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: pureRestrictions,
  },
  {
    files: ['**/*.test.ts', '**/testing.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
