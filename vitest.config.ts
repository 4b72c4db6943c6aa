import { defineConfig } from 'vitest/config';
import path from 'node:path';

const alias = { '@': path.resolve(__dirname), 'server-only': path.resolve(__dirname, 'scripts/server-only-stub.ts') };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['lib/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['db/**/*.itest.ts', 'lib/**/*.itest.ts', 'app/**/*.itest.ts'],
          environment: 'node',
          globalSetup: ['db/test/global-setup.ts'],
          setupFiles: ['db/test/setup-db.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
