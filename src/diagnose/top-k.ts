/**
 * Counting the most frequent keys of a stream in fixed memory: the space-saving algorithm
 * of Metwally, Agrawal and El Abbadi ("Efficient Computation of Frequent and Top-k
 * Elements in Data Streams", ICDT 2005). At most `capacity` keys are kept; a new key
 * arriving when all slots are taken replaces the key with the smallest count and inherits
 * that count (plus one) as an over-estimate, recorded as its `error`.
 *
 * Guarantees (from the paper): every kept key's true count lies in
 * `[count - error, count]`; a key whose true count exceeds `n / capacity` (n = keys added)
 * is always kept; while no more than `capacity` distinct keys have been added, every
 * count is exact (error 0).
 *
 * Memory is allocated once, in typed arrays: keys are copied, code unit by code unit, into
 * a fixed slab of `capacity × maxKeyLength` UTF-16 code units, and found again through an
 * open-addressing hash table of slot numbers. So `add` allocates nothing on the
 * JavaScript heap, however many distinct keys arrive: a stream of ever-new keys (every
 * line naming another upstream) would otherwise create one short-lived copy per line,
 * and V8 enlarges its young generation when many of them survive a collection.
 * Each `add` costs O(maxKeyLength + log capacity).
 */

/** One counted key as {@link SpaceSaving.top} reports it. */
export interface CountedKey {
  /** The key, cut to `maxKeyLength` code units and then ending with `…` when longer. */
  readonly key: string;
  /** Upper bound of the key's true count (exact when `error` is 0). */
  readonly count: number;
  /** How much `count` may exceed the true count; 0 means exact. */
  readonly error: number;
}

/**
 * One kept key as {@link SpaceSaving.entries} gives it, for {@link SpaceSaving.merge}:
 * plain data, so it can be posted between threads.
 */
export interface KeptKey {
  /** The key's first `maxKeyLength` UTF-16 code units, without the `…` of a cut key. */
  readonly text: string;
  /** Whether the key was longer than `maxKeyLength`. */
  readonly cut: boolean;
  readonly count: number;
  readonly error: number;
}

/** FNV-1a over the first `length` UTF-16 code units of `key`, and whether it was cut. */
function hashKey(key: string, length: number, cut: boolean): number {
  let hash = cut ? 0x811c9dc5 ^ 1 : 0x811c9dc5;
  for (let index = 0; index < length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** A space-saving counter of string keys with a fixed number of slots. */
export class SpaceSaving {
  readonly #capacity: number;
  readonly #maxKeyLength: number;
  /** Per slot: count, error, arrival number (for stable ties), hash, length, cut flag. */
  readonly #count: Float64Array;
  readonly #error: Float64Array;
  readonly #seen: Float64Array;
  readonly #hash: Int32Array;
  readonly #length: Int32Array;
  readonly #cut: Uint8Array;
  /** Slot `s` holds its key's code units at `[s × maxKeyLength, … + length)`. */
  readonly #text: Uint16Array;
  /** Min-heap of slots on (count, newest arrival first): the root is the slot to replace. */
  readonly #heap: Int32Array;
  /** Where each slot is in the heap. */
  readonly #position: Int32Array;
  /** Linear-probing table: slot + 1, or 0 for empty. Twice the capacity or more. */
  readonly #table: Int32Array;
  readonly #mask: number;
  #size = 0;
  #arrivals = 0;
  /** Whether a key was ever replaced, so counts may be over-estimates. */
  #evicted = false;

  /**
   * @param capacity - How many keys are kept, an integer ≥ 1.
   * @param maxKeyLength - How many UTF-16 code units of a key are kept and compared, an
   *   integer ≥ 1; keys that agree on these and are both longer count as one key.
   * @throws RangeError when either is not an integer ≥ 1.
   */
  constructor(capacity: number, maxKeyLength: number) {
    for (const [name, value] of [
      ['capacity', capacity],
      ['maxKeyLength', maxKeyLength],
    ] as const) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer ≥ 1, not ${value}`);
    }
    this.#capacity = capacity;
    this.#maxKeyLength = maxKeyLength;
    this.#count = new Float64Array(capacity);
    this.#error = new Float64Array(capacity);
    this.#seen = new Float64Array(capacity);
    this.#hash = new Int32Array(capacity);
    this.#length = new Int32Array(capacity);
    this.#cut = new Uint8Array(capacity);
    this.#text = new Uint16Array(capacity * maxKeyLength);
    this.#heap = new Int32Array(capacity);
    this.#position = new Int32Array(capacity);
    let tableSize = 2;
    while (tableSize < capacity * 2) tableSize *= 2;
    this.#table = new Int32Array(tableSize);
    this.#mask = tableSize - 1;
  }

  /** Whether every count is exact: no key was ever replaced (see {@link merge}). */
  get exact(): boolean {
    return !this.#evicted;
  }

  /** How many keys are kept now (at most the capacity). */
  get size(): number {
    return this.#size;
  }

  /** Counts one occurrence of `key` (any string; only its first `maxKeyLength` code units are kept). */
  add(key: string): void {
    const cut = key.length > this.#maxKeyLength;
    this.#add(key, cut ? this.#maxKeyLength : key.length, cut, 1);
  }

  /**
   * The kept keys in the order they took their slots (oldest first), with their counts:
   * what {@link merge} takes.
   */
  entries(): KeptKey[] {
    const slots = Array.from({ length: this.#size }, (_, slot) => slot);
    slots.sort((a, b) => this.#seen[a]! - this.#seen[b]!);
    return slots.map((slot) => ({
      text: this.#textOf(slot),
      cut: this.#cut[slot] === 1,
      count: this.#count[slot]!,
      error: this.#error[slot]!,
    }));
  }

  /**
   * Adds the counts of another counter (of the same `maxKeyLength`) that was given the
   * keys which came after this one's, so that this counter ends as if it had been given
   * both streams one after the other, exactly: same keys, counts, errors and ties.
   *
   * That is only certain when no key was ever replaced, in either counter, and the two
   * hold no more distinct keys together than the capacity: then every count is exact in
   * both, and the counter fed both streams would never have replaced a key either. In
   * any other case (the order of replacements depends on how the two streams interleave)
   * nothing is changed and false is returned, so the caller can count the later stream
   * itself.
   *
   * @param later - The other counter's {@link entries}, oldest first.
   * @returns Whether the counts were added (true), or nothing changed (false).
   */
  merge(later: readonly KeptKey[]): boolean {
    if (!this.canMerge(later)) return false;
    for (const key of later) this.#add(key.text, key.text.length, key.cut, key.count);
    return true;
  }

  /** Whether {@link merge} would add `later` (true) or refuse it (false); changes nothing. */
  canMerge(later: readonly KeptKey[]): boolean {
    if (this.#evicted || later.some((key) => key.error !== 0)) return false;
    let added = 0;
    for (const key of later) if (this.#find(key.text, key.text.length, key.cut) === -1) added += 1;
    return this.#size + added <= this.#capacity;
  }

  /** The slot holding the key, or -1. */
  #find(key: string, length: number, cut: boolean): number {
    const hash = hashKey(key, length, cut);
    for (let at = hash & this.#mask, entry = this.#table[at]!; entry !== 0; entry = this.#table[at]!) {
      const slot = entry - 1;
      if (this.#hash[slot] === hash && this.#sameKey(slot, key, length, cut)) return slot;
      at = (at + 1) & this.#mask;
    }
    return -1;
  }

  /**
   * Counts `times` occurrences of the key whose first `length` code units are those of
   * `key` (`cut` when it was longer than `maxKeyLength`). A key not kept takes a free
   * slot, or replaces the key with the smallest count (possible only when `times` is 1:
   * {@link merge} never needs a replacement).
   */
  #add(key: string, length: number, cut: boolean, times: number): void {
    const hash = hashKey(key, length, cut);
    let at = hash & this.#mask;
    for (let entry = this.#table[at]!; entry !== 0; entry = this.#table[at]!) {
      const slot = entry - 1;
      if (this.#hash[slot] === hash && this.#sameKey(slot, key, length, cut)) {
        this.#count[slot] = this.#count[slot]! + times;
        this.#siftDown(this.#position[slot]!);
        return;
      }
      at = (at + 1) & this.#mask;
    }
    this.#arrivals += 1;
    let slot: number;
    const replacing = this.#size === this.#capacity;
    if (!replacing) {
      slot = this.#size;
      this.#size += 1;
      this.#count[slot] = times;
      this.#error[slot] = 0;
      this.#heap[slot] = slot;
      this.#position[slot] = slot;
    } else {
      slot = this.#heap[0]!;
      this.#evicted = true;
      this.#unlist(slot);
      this.#error[slot] = this.#count[slot]!;
      this.#count[slot] = this.#count[slot]! + times;
      // The removal may have moved entries, so the free place is searched again.
      at = hash & this.#mask;
      while (this.#table[at] !== 0) at = (at + 1) & this.#mask;
    }
    this.#seen[slot] = this.#arrivals;
    this.#hash[slot] = hash;
    this.#length[slot] = length;
    this.#cut[slot] = cut ? 1 : 0;
    const base = slot * this.#maxKeyLength;
    for (let index = 0; index < length; index += 1) this.#text[base + index] = key.charCodeAt(index);
    this.#table[at] = slot + 1;
    // A new slot starts at the bottom of the heap; a replaced one is the root, now larger.
    if (replacing) this.#siftDown(0);
    else this.#siftUp(slot);
  }

  /**
   * The `limit` keys with the highest counts, highest first; ties: the key that took its
   * slot first comes first.
   */
  top(limit: number): CountedKey[] {
    const slots = Array.from({ length: this.#size }, (_, slot) => slot);
    slots.sort((a, b) => this.#count[b]! - this.#count[a]! || this.#seen[a]! - this.#seen[b]!);
    return slots.slice(0, Math.max(0, limit)).map((slot) => ({
      key: this.#keyOf(slot),
      count: this.#count[slot]!,
      error: this.#error[slot]!,
    }));
  }

  #keyOf(slot: number): string {
    const key = this.#textOf(slot);
    return this.#cut[slot] === 1 ? `${key}…` : key;
  }

  /** The code units kept for the slot's key, as a string. */
  #textOf(slot: number): string {
    const base = slot * this.#maxKeyLength;
    let key = '';
    for (let index = 0; index < this.#length[slot]!; index += 1) key += String.fromCharCode(this.#text[base + index]!);
    return key;
  }

  #sameKey(slot: number, key: string, length: number, cut: boolean): boolean {
    if (this.#length[slot] !== length || (this.#cut[slot] === 1) !== cut) return false;
    const base = slot * this.#maxKeyLength;
    for (let index = 0; index < length; index += 1)
      if (this.#text[base + index] !== key.charCodeAt(index)) return false;
    return true;
  }

  /** Removes `slot` from the hash table (backward-shift deletion, no tombstones). */
  #unlist(slot: number): void {
    const table = this.#table;
    const mask = this.#mask;
    let hole = this.#hash[slot]! & mask;
    while (table[hole] !== slot + 1) hole = (hole + 1) & mask;
    let next = hole;
    for (;;) {
      next = (next + 1) & mask;
      const entry = table[next]!;
      if (entry === 0) break;
      const home = this.#hash[entry - 1]! & mask;
      // The entry may move back into the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      table[hole] = entry;
      hole = next;
    }
    table[hole] = 0;
  }

  /** Whether slot `a` should sit above slot `b` in the heap (it would be replaced first). */
  #before(a: number, b: number): boolean {
    const countA = this.#count[a]!;
    const countB = this.#count[b]!;
    // Among equal counts the most recent arrival is replaced first, so the older key stays.
    return countA < countB || (countA === countB && this.#seen[a]! > this.#seen[b]!);
  }

  #swap(i: number, j: number): void {
    const a = this.#heap[i]!;
    const b = this.#heap[j]!;
    this.#heap[i] = b;
    this.#heap[j] = a;
    this.#position[b] = i;
    this.#position[a] = j;
  }

  #siftUp(from: number): void {
    let at = from;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.#before(this.#heap[at]!, this.#heap[parent]!)) return;
      this.#swap(at, parent);
      at = parent;
    }
  }

  #siftDown(from: number): void {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let first = at;
      if (left < this.#size && this.#before(this.#heap[left]!, this.#heap[first]!)) first = left;
      if (right < this.#size && this.#before(this.#heap[right]!, this.#heap[first]!)) first = right;
      if (first === at) return;
      this.#swap(at, first);
      at = first;
    }
  }
}
