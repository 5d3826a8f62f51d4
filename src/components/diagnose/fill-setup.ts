/**
 * Saves the domain, upstream or socket a recognised log line names into the reader's setup. Loaded
 * with the recogniser on the first paste (log-paste.ts), so the setup store and its
 * validators are not part of the wizard's first load.
 */
import { setupValuesFrom } from '../../diagnose/setup-values';
import type { Finding } from '../../diagnose/types';
import { $setup, setSetupValue, type ReaderSetup } from '../../setup/store';
import { pastedLineKey } from '../../wizard/outcome-store';
import { writeItem } from '../storage';

/** What a paste did to the reader's setup. */
export interface FilledSetup {
  /** Values written, as short phrases for the reader (`socket /run/…`, `upstream 127.0.0.1:8080`). */
  readonly saved: string[];
  /** Values the paste named but the setup already had another value for: left alone. */
  readonly kept: string[];
  /** The setup keys written, for {@link clearFilled}. */
  readonly keys: (keyof ReaderSetup)[];
}

/**
 * Stores the values `finding` extracted into the fields of the reader's setup that are
 * still empty, each through the setup store's validation. A field the reader (or an
 * earlier paste) filled is never replaced: the paste names it in `kept` instead.
 *
 * It also keeps the recognised line itself (at most 2,000 characters) for Copy summary and
 * the escalation report of the fix page the reader goes on to (outcome-tools.ts).
 *
 * @param finding - The primary finding of a paste.
 * @param text - The pasted text the finding's `line` (1-based) points into.
 * @returns What was written and what was left alone; empty lists when the paste named
 *   nothing or nothing passed validation.
 */
export function fillSetupFrom(finding: Finding, text: string): FilledSetup {
  writeItem(pastedLineKey, (text.split('\n')[finding.line - 1] ?? '').trim().slice(0, 2000));
  const values = setupValuesFrom(finding.fields);
  const current = $setup.get();
  const filled: FilledSetup = { saved: [], kept: [], keys: [] };
  const isEmpty = (key: keyof ReaderSetup) => (current[key] ?? '') === '';
  if (values.domain !== undefined) {
    if (!isEmpty('domain')) {
      if (current.domain !== values.domain) filled.kept.push(`domain ${current.domain}`);
    } else if (setSetupValue('domain', values.domain).ok) {
      filled.saved.push(`domain ${values.domain}`);
      filled.keys.push('domain');
    }
  }
  if (values.socket !== undefined) {
    if (!isEmpty('socket')) {
      if (current.socket !== values.socket) filled.kept.push(`socket ${current.socket}`);
    } else if (setSetupValue('socket', values.socket).ok) {
      filled.saved.push(`socket ${values.socket}`);
      filled.keys.push('socket');
    }
  }
  if (values.upstreamHost !== undefined && values.upstreamPort !== undefined) {
    const named = `${values.upstreamHost}:${values.upstreamPort}`;
    if (!isEmpty('upstreamHost') || !isEmpty('upstreamPort')) {
      const existing = `${current.upstreamHost ?? ''}:${current.upstreamPort ?? ''}`;
      if (existing !== named) filled.kept.push(`upstream ${existing}`);
    } else {
      const host = setSetupValue('upstreamHost', values.upstreamHost).ok;
      const port = host && setSetupValue('upstreamPort', values.upstreamPort).ok;
      if (host && port) {
        filled.saved.push(`upstream ${named}`);
        filled.keys.push('upstreamHost', 'upstreamPort');
      } else if (host) {
        $setup.setKey('upstreamHost', '');
      }
    }
  }
  return filled;
}

/** Empties the setup fields a paste wrote (Undo); an empty field shows the example again. */
export function clearFilled(keys: readonly (keyof ReaderSetup)[]): void {
  for (const key of keys) $setup.setKey(key, '');
}
