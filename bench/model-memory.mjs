// The memory the model of a repository keeps: the heap after loading and checking it, less the
// heap before, each after a full garbage collection (run with --expose-gc). Prints megabytes.
import { readGoalsDirectory, validateRepository } from '../lib/index.js';

const files = await readGoalsDirectory(process.argv[2]);
const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const result = validateRepository(files);
globalThis.gc();
const after = process.memoryUsage().heapUsed;
process.stdout.write(`${JSON.stringify({ filesMb: bytes / 2 ** 20, modelMb: (after - before) / 2 ** 20, diagnostics: result.diagnostics.length })}\n`);
