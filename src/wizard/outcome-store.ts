/**
 * What the reader did on fix pages, kept in this browser: the steps ticked per outcome
 * and the order in which outcomes were tried. Stored values are checked on every read,
 * so tampered or stale storage is dropped without an error.
 */
// Installs the guarded storage engine before the stores below are created.
import '../components/storage';
import { persistentAtom } from '@nanostores/persistent';

/** Step anchors ticked, per outcome id. */
export type Ticks = Record<string, string[]>;

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const maxEntries = 100;

/** Parses stored ticks; anything that is not `{ outcome: [anchor, …] }` of safe ids is dropped. */
export function decodeTicks(raw: string): Ticks {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const ticks: Ticks = {};
    for (const [outcome, anchors] of Object.entries(value).slice(0, maxEntries)) {
      if (!idPattern.test(outcome) || !Array.isArray(anchors)) continue;
      ticks[outcome] = anchors
        .filter((anchor): anchor is string => typeof anchor === 'string' && idPattern.test(anchor))
        .slice(0, maxEntries);
    }
    return ticks;
  } catch {
    return {};
  }
}

/** Parses the stored "tried" list; keeps safe, distinct outcome ids in order. */
export function decodeTried(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    const ids = value.filter((id): id is string => typeof id === 'string' && idPattern.test(id));
    return [...new Set(ids)].slice(0, maxEntries);
  } catch {
    return [];
  }
}

/** Steps ticked per outcome; `502guide:ticks` in localStorage. */
export const $ticks = persistentAtom<Ticks>('502guide:ticks', {}, { encode: JSON.stringify, decode: decodeTicks });

/** Outcomes the reader ticked a step of or said did not fix it, oldest first; `502guide:tried` in localStorage. */
export const $tried = persistentAtom<string[]>('502guide:tried', [], { encode: JSON.stringify, decode: decodeTried });

/** Ticks or unticks a step of an outcome; the first tick adds the outcome to `$tried`. */
export function setTick(outcome: string, anchor: string, done: boolean): void {
  const current = $ticks.get()[outcome] ?? [];
  const next = done ? [...new Set([...current, anchor])] : current.filter((entry) => entry !== anchor);
  $ticks.set({ ...$ticks.get(), [outcome]: next });
  if (done) markTried(outcome);
}

/** Adds an outcome to the end of `$tried` ("No, still 502", or a first tick); once only. */
export function markTried(outcome: string): void {
  if (!$tried.get().includes(outcome)) $tried.set([...$tried.get(), outcome]);
}

/** Clears the ticks of one outcome (its "Reset" button); it stays in the tried list. */
export function resetTicks(outcome: string): void {
  const { [outcome]: _cleared, ...rest } = $ticks.get();
  $ticks.set(rest);
}

/** Forgets everything tried in this browser. */
export function clearTried(): void {
  $tried.set([]);
  $ticks.set({});
}

/**
 * Where the paste box keeps the last log line it recognised (src/components/diagnose/
 * fill-setup.ts), for Copy summary and the escalation report of the fix page the reader
 * goes on to (outcome-tools.ts). Read and written through src/components/storage.ts.
 */
export const pastedLineKey = '502guide:pasted-line';
