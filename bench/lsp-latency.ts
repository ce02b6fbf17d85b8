// How long goalpost lsp takes to publish diagnostics after an edit, on the worked example.
// The aim: within 100 ms after each change.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../tests/helpers/lsp-client.js';

export interface LatencyResult {
  edits: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export async function measureLspLatency(repoRoot: string, edits = 40): Promise<LatencyResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-bench-lsp-'));
  cpSync(path.join(repoRoot, 'goals'), path.join(dir, 'goals'), { recursive: true });
  const client = new LspClient(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), 'lsp', '--stdio'], () => null);
  try {
    await client.initialize(pathToFileURL(dir).href);
    const file = pathToFileURL(path.join(dir, 'goals/2026-Q4/marketing.yaml')).href;
    const valid = readFileSync(path.join(dir, 'goals/2026-Q4/marketing.yaml'), 'utf8');
    const broken = valid.replace('zhang.min: 5000000', 'zhang.min: 4900000');
    const first = client.diagnosticsFor(file);
    await client.open(file, valid);
    await first;
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const breaking = i % 2 === 0;
      const published = client.diagnosticsFor(file, (p) => (breaking ? p.diagnostics.length > 0 : p.diagnostics.length === 0));
      const start = performance.now();
      await client.change(file, i + 2, breaking ? broken : valid);
      await published;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    return { edits, medianMs: at(0.5), p95Ms: at(0.95), maxMs: times[times.length - 1]! };
  } finally {
    await client.stop();
  }
}
