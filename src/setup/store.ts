/**
 * The reader's own setup (site domain, upstream address, proxy software, error-log path),
 * shared by every page that fills commands with it. Stored in localStorage; values are
 * validated before they are stored or substituted (see validate.ts).
 */
import { persistentMap } from '@nanostores/persistent';

/** Keys of the reader's setup. An empty string means "not set: show the default". */
export type ReaderSetup = {
  domain: string;
  upstreamHost: string;
  upstreamPort: string;
  socket: string;
  server: string;
  errorLog: string;
};

/** The reader's setup; `502guide:setup:<key>` in localStorage. */
export const $setup = persistentMap<ReaderSetup>('502guide:setup:', {
  domain: '',
  upstreamHost: '',
  upstreamPort: '',
  socket: '',
  server: '',
  errorLog: '',
});
