// The entry point of the GitHub Action (bundled into dist/index.js by scripts/build-action.ts).
import * as core from '@actions/core';
import { run } from './main.js';

run().catch((error: unknown) => {
  core.setFailed(`goalpost: ${error instanceof Error ? error.message : String(error)}`);
});
