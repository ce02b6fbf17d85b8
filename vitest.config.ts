import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // One temporary folder for the run, removed at its end (see the helper); then lib/ is built once.
    globalSetup: ['tests/helpers/temporary-folder.ts', 'tests/global-setup.ts'],
    // Many tests start real processes (the executable, git, language servers): allow a slow machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
