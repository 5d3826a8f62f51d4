/**
 * With `LAB_RECORD=1`, the lab writes what the servers really logged to
 * test/fixtures/lab/, for the recogniser's unit tests: `<server>-<case>.log` (every line
 * the server wrote for the failing request) and `<server>.json` (per case: the key line,
 * the status, the wizard answers and their outcome, and the server's version).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

/** One recorded case, as listed in `<server>.json`. */
export interface RecordedCase {
  readonly case: string;
  /** The fixture file with every line written for the request. */
  readonly file: string;
  /** The line the lab asserts on; null when the server logs nothing the recogniser blames. */
  readonly line: string | null;
  /** What the client got: a status code or `not HTTP`; absent for a line not tied to a request. */
  readonly status?: number | 'not HTTP';
  /** The wizard answers for that line, from the root, and the outcome they lead to. */
  readonly answers?: readonly string[];
  readonly outcome?: string;
  /** Why `diagnose()` does not give `outcome` for `line` yet, when it does not. */
  readonly knownGap?: string;
}

const fixtureDir = new URL('../../fixtures/lab/', import.meta.url).pathname;

/** Whether this run records fixtures. */
export const recording = process.env['LAB_RECORD'] === '1';

/** Collects one server's cases and writes them (only when {@link recording}). */
export class FixtureRecorder {
  private readonly cases: RecordedCase[] = [];
  private readonly server: string;
  private readonly version: () => string;

  /** @param version - Reads the server's version line, called only when writing. */
  constructor(server: string, version: () => string) {
    this.server = server;
    this.version = version;
  }

  /** Writes `<server>-<case>.log` and remembers the case for the manifest. */
  add(caseId: string, lines: readonly string[], entry: Omit<RecordedCase, 'case' | 'file'>): void {
    if (!recording) return;
    const file = `${this.server}-${caseId}.log`;
    mkdirSync(fixtureDir, { recursive: true });
    writeFileSync(join(fixtureDir, file), `${lines.join('\n')}\n`);
    this.cases.push({ case: caseId, file, ...entry });
  }

  /** Writes `<server>.json` with the cases added so far, formatted as `npm run lint` wants it. */
  async writeManifest(): Promise<void> {
    if (!recording || this.cases.length === 0) return;
    const path = join(fixtureDir, `${this.server}.json`);
    const manifest = { server: this.server, version: this.version(), cases: this.cases };
    const options = (await resolveConfig(path)) ?? {};
    writeFileSync(path, await format(JSON.stringify(manifest), { ...options, filepath: path }));
  }
}
