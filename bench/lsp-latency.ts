// How long goalpost lsp takes to publish diagnostics after an edit, on the worked example: after a
// single edit, and after the last of a burst of edits sent back to back, with how many validations
// each burst caused. The aim: within 100 ms after the last change, and far fewer validations than edits.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../tests/helpers/lsp-client.js';

export interface Latencies {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface LatencyResult extends Latencies {
  /** Single edits, each answered before the next. */
  edits: number;
  bursts: Latencies & {
    count: number;
    editsPerBurst: number;
    /** Diagnostics published for the edited file during a burst: one per validation. */
    validationsMedian: number;
    validationsMax: number;
  };
}

function summarise(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { medianMs: at(0.5), p95Ms: at(0.95), maxMs: sorted[sorted.length - 1]! };
}

export async function measureLspLatency(repoRoot: string, edits = 40, bursts = 10, editsPerBurst = 1000): Promise<LatencyResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'goalpost-bench-lsp-'));
  cpSync(path.join(repoRoot, 'goals'), path.join(dir, 'goals'), { recursive: true });
  const client = new LspClient(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), 'lsp', '--stdio'], () => null);
  try {
    await client.initialize(pathToFileURL(dir).href);
    const file = pathToFileURL(path.join(dir, 'goals/2026-Q4/marketing.yaml')).href;
    const valid = readFileSync(path.join(dir, 'goals/2026-Q4/marketing.yaml'), 'utf8');
    // Each edit changes one owner's share of the revenue breakdown, so that every text has its own diagnostics.
    const edited = (version: number): string => valid.replace('zhang.min: 5000000', `zhang.min: ${4_000_000 + version}`);
    let version = 1;
    const answered = (v: number): Promise<unknown> => client.diagnosticsFor(file, (p) => p.version === v);

    const first = answered(version);
    await client.open(file, valid);
    await first;

    const single: number[] = [];
    for (let i = 0; i < edits; i++) {
      version++;
      const published = answered(version);
      const start = performance.now();
      await client.change(file, version, edited(version));
      await published;
      single.push(performance.now() - start);
    }

    const afterLast: number[] = [];
    const validations: number[] = [];
    for (let b = 0; b < bursts; b++) {
      const firstOfBurst = version + 1;
      const last = version + editsPerBurst;
      const publishedBefore = client.publishedFor(file).length;
      const published = answered(last);
      for (version = firstOfBurst; version < last; version++) await client.change(file, version, edited(version));
      const start = performance.now();
      await client.change(file, last, edited(last));
      await published;
      afterLast.push(performance.now() - start);
      validations.push(client.publishedFor(file).length - publishedBefore);
    }

    validations.sort((a, b) => a - b);
    return {
      edits,
      ...summarise(single),
      bursts: {
        count: bursts,
        editsPerBurst,
        ...summarise(afterLast),
        validationsMedian: validations[Math.floor(validations.length / 2)]!,
        validationsMax: validations[validations.length - 1]!,
      },
    };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same on a generated company (its goals folder `goalsDir`, in a folder of its own): 50 edits of
 * one team's files that change diagnostics, taking turns: a target and a KPI id in its goal set, and
 * a member of its team renamed and back in its team file (the goal set then names a person who is
 * not a member). Each edit is timed until the diagnostics of every file it changes are published:
 * the edited file's, and for a member, the goal set's. Each is answered before the next is sent;
 * the first validation, at open, is not counted.
 */
export async function measureLspOnCompany(repoRoot: string, goalsDir: string, edits = 50): Promise<Latencies & { edits: number; firstMs: number; answeredMeanwhileMs: number }> {
  const client = new LspClient(process.execPath, [path.join(repoRoot, 'bin/goalpost.js'), 'lsp', '--stdio'], () => null);
  try {
    await client.initialize(pathToFileURL(path.dirname(goalsDir)).href);
    const goalSetFile = path.join(goalsDir, '2026/t00001.yaml');
    const teamFile = path.join(goalsDir, 'teams/t00001.yaml');
    const goalSet = pathToFileURL(goalSetFile).href;
    const team = pathToFileURL(teamFile).href;
    const valid = readFileSync(goalSetFile, 'utf8');
    const validTeam = readFileSync(teamFile, 'utf8');
    const target = /target: (\d+)/.exec(valid)![1]!;
    const kpi = /kpi: (\w+)/.exec(valid)![1]!;
    const owner = /owner: ([\w.]+)/.exec(valid)![1]!;
    const versions = { goalSet: 1, team: 1 };
    let renamed = false;
    const opened = Promise.all([client.diagnosticsFor(goalSet, (p) => p.version === 1), client.diagnosticsFor(team, (p) => p.version === 1)]);
    const start = performance.now();
    await client.open(goalSet, valid);
    await client.open(team, validTeam);
    // The first validation reads and checks the whole repository in steps, and the editor is answered meanwhile: a request sent during it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const asked = performance.now();
    await client.completion(goalSet, 0, 0);
    const answeredMeanwhileMs = performance.now() - asked;
    await opened;
    const firstMs = performance.now() - start;
    if (answeredMeanwhileMs + 500 > firstMs) throw new Error('The first validation ended before the request was sent: the request does not measure an answer during it.');
    const namesUnknownPerson = (p: { diagnostics: { code?: unknown }[] }): boolean => p.diagnostics.some((d) => d.code === 'unknown-person');
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const sent = performance.now();
      if (i % 3 === 2) {
        renamed = !renamed;
        const version = ++versions.team;
        const published = Promise.all([
          client.diagnosticsFor(team, (p) => p.version === version),
          client.diagnosticsFor(goalSet, (p) => p.version === versions.goalSet && namesUnknownPerson(p) === renamed),
        ]);
        await client.change(team, version, renamed ? validTeam.replace(`${owner}:`, `${owner}x:`) : validTeam);
        await published;
      } else {
        const version = ++versions.goalSet;
        const text = i % 3 === 0 ? valid.replace(`target: ${target}`, `target: ${Number(target) + version}`) : valid.replace(`kpi: ${kpi}`, `kpi: ${kpi}x${version}`);
        const published = client.diagnosticsFor(goalSet, (p) => p.version === version);
        await client.change(goalSet, version, text);
        await published;
      }
      times.push(performance.now() - sent);
    }
    return { edits, firstMs, answeredMeanwhileMs, ...summarise(times) };
  } finally {
    await client.stop();
  }
}
