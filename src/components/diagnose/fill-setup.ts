/**
 * Saves the upstream or socket a recognised log line names into the reader's setup. Loaded
 * with the recogniser on the first paste (log-paste.ts), so the setup store and its
 * validators are not part of the wizard's first load.
 */
import { setupValuesFrom } from '../../diagnose/setup-values';
import type { Finding } from '../../diagnose/types';
import { setSetupValue } from '../../setup/store';

/**
 * Stores the values `finding` extracted, each through the setup store's validation.
 *
 * @param finding - The primary finding of a paste.
 * @returns What was saved, as short phrases for the reader (`socket /run/…`,
 *   `upstream 127.0.0.1:8080`); empty when nothing was, or nothing passed validation.
 */
export function fillSetupFrom(finding: Finding): string[] {
  const values = setupValuesFrom(finding.fields);
  const saved: string[] = [];
  if (values.socket !== undefined && setSetupValue('socket', values.socket).ok) saved.push(`socket ${values.socket}`);
  if (values.upstreamHost !== undefined && values.upstreamPort !== undefined) {
    const host = setSetupValue('upstreamHost', values.upstreamHost).ok;
    const port = host && setSetupValue('upstreamPort', values.upstreamPort).ok;
    if (host && port) saved.push(`upstream ${values.upstreamHost}:${values.upstreamPort}`);
  }
  return saved;
}
