/**
 * Entry of the diagnose CLI's worker thread (see `diagnose-range.ts`): plain JavaScript
 * that turns on Node's compile cache, as `diagnose.mjs` does, then loads the worker.
 */
import module from 'node:module';

module.enableCompileCache?.();
await import('./diagnose-worker.ts');
