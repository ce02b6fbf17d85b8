#!/usr/bin/env node
import module from 'node:module';

// On Node 22 and later, the compiled code of the bundle is kept between runs (in the system's
// temporary folder, or NODE_COMPILE_CACHE), so that starting again skips compiling it; Node 20
// has no such cache and starts without one. The bundle is imported after, so that it is cached.
module.enableCompileCache?.();
const { main } = await import('../lib/goalpost.js');
await main();
