// The entry point of the GitHub Action (bundled into dist/index.js by scripts/build-action.ts).
import * as core from '@actions/core';
import { describeFailure } from '../load/file-system-error.js';
import { run } from './main.js';

// What stops the run before its report (a folder without goal files, a bad input, a file that
// cannot be read or written) fails the step with one line, as the command line would.
run().catch((error: unknown) => {
  core.setOutput('status', 'failure');
  core.setFailed(`goalpost: ${describeFailure(error, process.env['GITHUB_WORKSPACE'])}`);
});
