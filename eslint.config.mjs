import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

/** Pure modules stay pure: the rules and the workflow table import no framework and no database. */
const pureModuleImports = {
  patterns: [
    {
      group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'next-intl', 'next-intl/*'],
      message: 'lib/rules and lib/cases/workflow.ts are pure: no framework imports.',
    },
    { group: ['react', 'react-dom', 'react/*'], message: 'lib/rules and lib/cases/workflow.ts are pure: no React.' },
    {
      group: ['@/db', '@/db/*', '**/db/*', 'postgres', 'drizzle-orm', 'drizzle-orm/*', 'node:fs', 'fs'],
      message: 'lib/rules and lib/cases/workflow.ts are pure: no I/O.',
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'db/migrations/**', 'bench/out/**']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['warn', { allow: ['error', 'warn', 'info'] }],
    },
  },
  {
    // A delete or update without `.where(...)` touches every row; an intended one says so with an explicit where.
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    files: ['lib/rules/**/*.ts', 'lib/cases/workflow.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', pureModuleImports] },
  },
  {
    files: ['next.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'db/seed/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
]);
