/**
 * The one way this site reads and writes `localStorage`. Storage may fail: a browser with
 * site data blocked throws a `SecurityError` as soon as `window.localStorage` is touched,
 * and a full quota (or Safari's private mode of old) throws a `QuotaExceededError` from
 * `setItem` (HTML Living Standard, "The Storage interface"). Here every failure is caught:
 * the value is kept in memory for the rest of the page's life, so the wizard, the setup
 * panel, step ticks and "already tried" work the same and only persistence is lost, and
 * the page says so once, politely, in a status message.
 *
 * Importing this module installs it as the storage engine of `@nanostores/persistent`
 * (`setPersistentEngine`), so the stores in `src/wizard/` and `src/setup/` go through it
 * too; they import it before creating their stores.
 */
import { setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';

/** What the page says, once, when a value could not be stored. */
export const storageFailedMessage = 'Your progress will not be saved in this browser: site data is blocked or full.';

/** Values whose write failed (or that were written while storage is unavailable). */
const memory = new Map<string, string>();
/** Keys removed while storage failed, so a stale stored value does not come back. */
const removed = new Set<string>();
let told = false;

/** `window.localStorage`, or undefined where touching it throws or there is no window. */
function realStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** Shows {@link storageFailedMessage} once per page, as a polite status message. */
function tellOnce(): void {
  if (told || typeof document === 'undefined') return;
  told = true;
  const show = () => {
    const note = document.createElement('p');
    note.setAttribute('role', 'status');
    note.dataset.storageNote = '';
    note.className = 'storage-note';
    note.textContent = storageFailedMessage;
    const main = document.querySelector('main');
    if (main) main.prepend(note);
    else document.body.prepend(note);
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show, { once: true });
}

/**
 * The stored value of `key`, or null when there is none or storage cannot be read. A
 * value kept in memory after a failed write wins over what storage holds.
 */
export function readItem(key: string): string | null {
  if (memory.has(key)) return memory.get(key)!;
  if (removed.has(key)) return null;
  try {
    return realStorage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/**
 * Stores `value` under `key`. Never throws: when storage is blocked or full the value is
 * kept in memory for this page (see {@link readItem}) and the page says once that
 * progress will not be saved.
 *
 * @returns Whether the value reached `localStorage`.
 */
export function writeItem(key: string, value: string): boolean {
  removed.delete(key);
  try {
    const storage = realStorage();
    if (storage === undefined) throw new Error('localStorage is unavailable');
    storage.setItem(key, value);
    memory.delete(key);
    return true;
  } catch {
    memory.set(key, value);
    tellOnce();
    return false;
  }
}

/** Removes `key`. Never throws. */
export function removeItem(key: string): void {
  memory.delete(key);
  try {
    const storage = realStorage();
    if (storage === undefined) throw new Error('localStorage is unavailable');
    storage.removeItem(key);
    removed.delete(key);
  } catch {
    removed.add(key);
  }
}

/** Every key stored now: those in `localStorage` (unless removed here) and those kept in memory. */
function storedKeys(): string[] {
  const keys = new Set<string>();
  try {
    const storage = realStorage();
    for (let index = 0; storage !== undefined && index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key !== null && !removed.has(key)) keys.add(key);
    }
  } catch {
    // Unreadable storage lists nothing; the keys in memory still count.
  }
  for (const key of memory.keys()) keys.add(key);
  return [...keys];
}

/**
 * The engine handed to `@nanostores/persistent`, which reads `engine[key]`, tests
 * `key in engine`, assigns, deletes and (for a persistent map) lists keys with
 * `for…in`. Only string keys are storage keys; anything else (a symbol, e.g. from a
 * debugger) reads as absent.
 */
const engine = new Proxy({} as Record<string, string>, {
  get: (_, key) => (typeof key === 'string' ? (readItem(key) ?? undefined) : undefined),
  has: (_, key) => typeof key === 'string' && readItem(key) !== null,
  set: (_, key, value) => {
    if (typeof key === 'string') writeItem(key, String(value));
    return true;
  },
  deleteProperty: (_, key) => {
    if (typeof key === 'string') removeItem(key);
    return true;
  },
  ownKeys: () => storedKeys(),
  getOwnPropertyDescriptor: (_, key) => {
    const value = typeof key === 'string' ? readItem(key) : null;
    return value === null ? undefined : { value, writable: true, enumerable: true, configurable: true };
  },
});

setPersistentEngine(engine, windowPersistentEvents);
