import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/src/**/*.test.ts', 'test/**/*.test.ts', 'web/e2e/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**', 'runs/**', 'web/dist/**'],
    // Docker tests share one daemon on a 2-core machine: run files one at a time there.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    globalSetup: ['./vitest.global-setup.ts'],
  },
});
