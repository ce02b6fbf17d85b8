import { Worker } from 'node:worker_threads';
import { decodeFile } from './decode.js';
import { isYamlPath, loadFile, loadSource, type LoadedFile, type LoadOptions, type RepositoryFile } from './load-file.js';
import type { SourceText } from './source-text.js';
import type { YamlWorkerMessage, YamlWorkerTask } from './yaml-worker.js';


/** A worker that reads YAML (`workerUrl`, the bundle's yaml-worker.js); undefined when it cannot be started, and everything is then read here. */
export function startYamlWorker(workerUrl: URL): Worker | undefined {
  try {
    const worker = new Worker(workerUrl);
    // A worker that fails (its script missing or broken) reads nothing, and this thread reads it all: the failure is not an error of the run.
    worker.on('error', () => undefined);
    return worker;
  } catch {
    return undefined;
  }
}

export interface ParallelLoad {
  /** The loaded files, in the order of their paths (as `loadRepository` loads them). */
  loaded: LoadedFile[];
  /** How many YAML files the worker read. */
  readOnWorker: number;
}

/**
 * Loads files as `loadFile` does, on two threads: a worker (`startYamlWorker`)
 * reads YAML files with js-yaml, the costly part, while this thread reads the
 * CSV and then the YAML files the worker has not got to yet; the two take
 * files from one shared counter, so neither waits while the other has files
 * left. What the worker read is used as this thread would have read it; a
 * file it did not send back (it failed, or could not start) is read here, so
 * the result is the same in every case.
 */
export async function loadInParallel(
  files: readonly RepositoryFile[],
  options: LoadOptions,
  worker: Worker | undefined,
  /** False leaves every YAML file to the worker (for a test that needs to know which thread read what). */
  shareWork = true,
): Promise<ParallelLoad> {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const loaded: (LoadedFile | undefined)[] = new Array<LoadedFile | undefined>(sorted.length);
  const yaml: { at: number; source: SourceText }[] = [];
  sorted.forEach((file, at) => {
    if (!isYamlPath(file.path)) return;
    const decoded = decodeFile(file.path, file.bytes, options.maxFileBytes, file.size);
    if (decoded.source) yaml.push({ at, source: decoded.source });
    else loaded[at] = loadFile(file, options);
  });

  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const readAhead = new Map<number, unknown[] | undefined>();
  const finished = new Promise<void>((resolve) => {
    // A worker that has already ended (threadId -1) sends nothing.
    if (!worker || worker.threadId === -1) {
      resolve();
      return;
    }
    worker.postMessage({ texts: yaml.map(({ source }) => source.text), next } satisfies YamlWorkerTask);
    worker.on('message', (message: YamlWorkerMessage) => {
      if (message === 'done') resolve();
      else for (const [index, values] of message) readAhead.set(index, values);
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });

  sorted.forEach((file, at) => {
    if (!isYamlPath(file.path)) loaded[at] = loadFile(file, options);
  });
  for (let index = shareWork ? Atomics.add(next, 0, 1) : yaml.length; index < yaml.length; index = Atomics.add(next, 0, 1)) {
    const { at, source } = yaml[index]!;
    loaded[at] = loadSource(source);
  }
  await finished;
  await worker?.terminate();

  yaml.forEach(({ at, source }, index) => {
    if (loaded[at]) return;
    loaded[at] = readAhead.has(index) ? loadSource(source, { values: readAhead.get(index) }) : loadSource(source);
  });
  return { loaded: loaded as LoadedFile[], readOnWorker: readAhead.size };
}
