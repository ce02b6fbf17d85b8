// A worker thread that reads YAML files with js-yaml for the thread that started it (see
// read-in-parallel.ts): it gets the texts of the files, takes the next unread file from a counter
// the two threads share, and sends back what it read in batches. It is an entry of the bundle of its own
// (lib/yaml-worker.js).
import { parentPort } from 'node:worker_threads';
import { readYamlFast } from './read-yaml-fast.js';

/** The one message the worker gets. */
export interface YamlWorkerTask {
  texts: readonly string[];
  /** The index of the next file to read, shared with the other thread. */
  next: Int32Array;
}

/** Sent back: [index of the file, what readYamlFast returned], then `done`. */
export type YamlWorkerMessage = readonly (readonly [number, unknown[] | undefined])[] | 'done';

/** Files per message: each message costs a little, and a batch lets the other thread start using them early. */
const batchSize = 64;

parentPort?.once('message', ({ texts, next }: YamlWorkerTask) => {
  const port = parentPort!;
  let batch: [number, unknown[] | undefined][] = [];
  for (let index = Atomics.add(next, 0, 1); index < texts.length; index = Atomics.add(next, 0, 1)) {
    batch.push([index, readYamlFast(texts[index]!)]);
    if (batch.length === batchSize) {
      port.postMessage(batch satisfies YamlWorkerMessage);
      batch = [];
    }
  }
  if (batch.length > 0) port.postMessage(batch satisfies YamlWorkerMessage);
  port.postMessage('done' satisfies YamlWorkerMessage);
});
