import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/helpers/temporary-folder.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
