// The floor on two threads: the same work as floor.mjs (read every file, load the YAML with
// js-yaml), with the YAML files shared between this thread and a worker thread that sends back
// what it loaded, as a tool that uses the data must have it on one thread.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { URL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CORE_SCHEMA, loadAll } from 'js-yaml';

if (isMainThread) {
  const texts = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(entry.name)) texts.push(readFileSync(file, 'utf8'));
      else if (entry.name.endsWith('.csv')) readFileSync(file, 'utf8');
    }
  };
  walk(process.argv[2]);
  const half = Math.floor(texts.length / 2);
  const worker = new Worker(new URL(import.meta.url), { workerData: texts.slice(half) });
  const received = new Promise((resolve) => worker.once('message', resolve));
  for (const text of texts.slice(0, half)) loadAll(text, { schema: CORE_SCHEMA });
  await received;
  await worker.terminate();
} else {
  parentPort.postMessage(workerData.map((text) => loadAll(text, { schema: CORE_SCHEMA })));
}
