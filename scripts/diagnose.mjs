/**
 * Entry point of `npm run diagnose` (see `diagnose-cli.ts` for what it does). It turns on
 * Node's module compile cache before loading the CLI, so from the second run on Node
 * reuses the TypeScript it stripped and the code it compiled (in `os.tmpdir()`, shared
 * with other Node programs; `NODE_DISABLE_COMPILE_CACHE=1` turns it off). It is plain
 * JavaScript: an entry in TypeScript is stripped before the cache is on, which loads
 * Node's TypeScript stripper (a WebAssembly module) on every run. Measured on a 300-byte
 * log (Node 24, this machine, fastest of 7): 0.10 s and 77 MB with a `.ts` entry, 0.09 s
 * and 62 MB with this one. This file imports nothing else, since whatever it imports
 * statically is loaded before the cache is on. `module.enableCompileCache` exists from
 * Node 22.1; older Nodes skip it.
 */
import module from 'node:module';

module.enableCompileCache?.();
await import('./diagnose-cli.ts');
