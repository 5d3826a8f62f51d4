/**
 * The reader's own setup (site domain, upstream address, proxy software, error-log path),
 * shared by every page that fills commands with it. Stored in localStorage (and nowhere
 * else); values are validated before they are stored and again before they are shown
 * (see validate.ts), because other code and other tabs may write here too.
 */
// Installs the guarded storage engine before the stores below are created.
import '../components/storage';
import { persistentMap } from '@nanostores/persistent';
import { setupValidators, type Validation } from './validate';

/**
 * Keys of the reader's setup. An empty string means "not set: show the default".
 * A type, not an interface: nanostores' map needs the implicit index signature.
 */
export type ReaderSetup = {
  domain: string;
  upstreamHost: string;
  upstreamPort: string;
  socket: string;
  server: string;
  errorLog: string;
};

/** Every key unset: what "Clear" restores. */
export const emptySetup: Readonly<ReaderSetup> = {
  domain: '',
  upstreamHost: '',
  upstreamPort: '',
  socket: '',
  server: '',
  errorLog: '',
};

/** The reader's setup; `502guide:setup:<key>` in localStorage. */
export const $setup = persistentMap<ReaderSetup>('502guide:setup:', { ...emptySetup });

/** Forgets every value, so commands show the examples again. */
export function clearSetup(): void {
  $setup.set({ ...emptySetup });
}

/**
 * Stores `raw` under `key` when it validates (normalised, e.g. `[::1]` → `::1`) and leaves
 * the store alone when it does not. Returns the validation, whose message says why.
 */
export function setSetupValue(key: keyof ReaderSetup, raw: string): Validation {
  const result = setupValidators[key](raw);
  if (result.ok) $setup.setKey(key, result.value);
  return result;
}
