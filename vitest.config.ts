import { defineConfig } from 'vitest/config';

// Two projects: unit tests need nothing; integration tests (*.int.test.ts) talk to
// the real engine, one file at a time so they do not fight over it.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src-*/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**', 'dist/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src-*/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
