import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in headless Chromium. One file at a time (each owns a browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
