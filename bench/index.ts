// npm run bench: measures goalpost on this machine and prints the figures (see BENCHMARKS.md).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureLspLatency } from './lsp-latency.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
execFileSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit' });

const lsp = await measureLspLatency(repoRoot);
console.log(`goalpost lsp, ${lsp.edits} edits of the example: median ${lsp.medianMs.toFixed(1)} ms, p95 ${lsp.p95Ms.toFixed(1)} ms, max ${lsp.maxMs.toFixed(1)} ms (aim: 100 ms)`);
