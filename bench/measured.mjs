// Runs the goalpost executable in this process and reports its peak memory (max RSS, in KB)
// on file descriptor 3, for bench/index.ts.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(3, `${process.resourceUsage().maxRSS}\n`));
process.argv.splice(1, 1);
await import(process.argv[1]);
