import { defineConfig } from 'vitest/config';

/**
 * The lab (`npm run test:lab`): real nginx, Apache httpd, HAProxy, PHP-FPM and Caddy on
 * 127.0.0.1. Files run one after another (each starts its own servers), with timeouts
 * that allow for the 1 s proxy timeouts and HAProxy's retries.
 */
export default defineConfig({
  test: {
    include: ['test/lab/**/*.test.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['verbose'],
  },
});
