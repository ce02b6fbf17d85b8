// Running node for the benchmarks: a whole process timed, with its peak memory.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export interface Run {
  ms: number;
  maxRssMb: number;
  code: number;
  stdout: string;
}

/** Runs node with arguments, timing the whole process and reading its peak memory from bench/measured.mjs. */
export function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let rss = '';
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdio[3]!.on('data', (chunk: Buffer) => (rss += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ ms: performance.now() - start, maxRssMb: Number(rss.trim() || 0) / 1024, code: code ?? 0, stdout });
    });
  });
}

export const measured = (args: string[], env: Record<string, string> = {}): Promise<Run> => run([path.join(repoRoot, 'bench/measured.mjs'), ...args], env);

export async function median(times: number, task: () => Promise<Run>): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) runs.push(await task());
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)]!;
}

export const fmt = (ms: number): string => ms.toLocaleString('en-US', { maximumFractionDigits: 0 });
export const ratio = (ms: number, floor: number): string => (ms / floor).toFixed(2);
