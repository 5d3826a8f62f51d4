import { describe, expect, it } from 'vitest';
import { SpaceSaving } from '../../src/diagnose/top-k';

/** The space-saving algorithm written the obvious way (a Map and a linear scan for the minimum). */
class ReferenceSpaceSaving {
  readonly slots = new Map<string, { count: number; error: number; seen: number }>();
  arrivals = 0;
  constructor(readonly capacity: number) {}
  add(key: string): void {
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      slot.count += 1;
      return;
    }
    this.arrivals += 1;
    if (this.slots.size < this.capacity) {
      this.slots.set(key, { count: 1, error: 0, seen: this.arrivals });
      return;
    }
    // The minimum count; among equal counts the latest arrival goes first.
    let victim: string | undefined;
    for (const [name, entry] of this.slots) {
      const current = victim === undefined ? undefined : this.slots.get(victim)!;
      if (
        current === undefined ||
        entry.count < current.count ||
        (entry.count === current.count && entry.seen > current.seen)
      )
        victim = name;
    }
    const old = this.slots.get(victim!)!;
    this.slots.delete(victim!);
    this.slots.set(key, { count: old.count + 1, error: old.count, seen: this.arrivals });
  }
  top(limit: number) {
    return [...this.slots]
      .sort(([, a], [, b]) => b.count - a.count || a.seen - b.seen)
      .slice(0, limit)
      .map(([key, { count, error }]) => ({ key, count, error }));
  }
}

/** A deterministic pseudo-random stream of keys with a skewed distribution. */
function* stream(length: number, distinct: number, seed: number) {
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const uniform = state / 2147483648;
    yield `key-${Math.floor(uniform * uniform * uniform * distinct)}`;
  }
}

describe('the space-saving top-k counter', () => {
  it('counts exactly while no more keys than its capacity arrive', () => {
    const counter = new SpaceSaving(4, 64);
    for (const key of ['a', 'b', 'b', 'c', 'c', 'c', 'd']) counter.add(key);
    expect(counter.top(10)).toEqual([
      { key: 'c', count: 3, error: 0 },
      { key: 'b', count: 2, error: 0 },
      { key: 'a', count: 1, error: 0 },
      { key: 'd', count: 1, error: 0 },
    ]);
  });

  it.each([
    [1, 50, 1],
    [3, 20, 2],
    [8, 100, 3],
    [64, 2000, 4],
    [256, 50_000, 5],
  ])('matches the plain algorithm with capacity %i over %i distinct keys (seed %i)', (capacity, distinct, seed) => {
    const counter = new SpaceSaving(capacity, 64);
    const reference = new ReferenceSpaceSaving(capacity);
    for (const key of stream(20_000, distinct, seed)) {
      counter.add(key);
      reference.add(key);
    }
    expect(counter.size).toBe(Math.min(capacity, reference.slots.size));
    expect(counter.top(capacity)).toEqual(reference.top(capacity));
  });

  it('keeps every key seen more than n / capacity times, with its true count within [count - error, count]', () => {
    const capacity = 16;
    const counter = new SpaceSaving(capacity, 64);
    const truth = new Map<string, number>();
    let n = 0;
    for (const key of stream(50_000, 1000, 7)) {
      counter.add(key);
      truth.set(key, (truth.get(key) ?? 0) + 1);
      n += 1;
    }
    const kept = new Map(counter.top(capacity).map((entry) => [entry.key, entry]));
    const heavy = [...truth].filter(([, count]) => count > n / capacity);
    expect(heavy.length).toBeGreaterThan(0);
    for (const [key] of heavy) expect(kept.has(key)).toBe(true);
    for (const [key, { count, error }] of kept) {
      expect(truth.get(key)!).toBeLessThanOrEqual(count);
      expect(truth.get(key)!).toBeGreaterThanOrEqual(count - error);
    }
  });

  it('finds a heavy hitter hidden among 200,000 distinct keys and counts it exactly', () => {
    const counter = new SpaceSaving(64, 64);
    for (let index = 0; index < 200_000; index += 1) {
      counter.add(`noise-${index}`);
      if (index % 10 === 0) counter.add('the-heavy-one');
    }
    const [first] = counter.top(1);
    expect(first!.key).toBe('the-heavy-one');
    expect(first!.count - first!.error).toBeLessThanOrEqual(20_000);
    expect(first!.count).toBeGreaterThanOrEqual(20_000);
  });

  it('keeps only the first maxKeyLength code units of a key and marks the cut', () => {
    const counter = new SpaceSaving(4, 8);
    counter.add('abcdefgh-one');
    counter.add('abcdefgh-two');
    counter.add('abcdefgh');
    expect(counter.top(4)).toEqual([
      { key: 'abcdefgh…', count: 2, error: 0 },
      { key: 'abcdefgh', count: 1, error: 0 },
    ]);
  });

  it('keeps non-Latin-1 text, astral characters and controls as given', () => {
    const counter = new SpaceSaving(2, 16);
    for (const key of ['имя.пример', '😀\u0000\u202e', 'имя.пример']) counter.add(key);
    expect(counter.top(2).map((entry) => entry.key)).toEqual(['имя.пример', '😀\u0000\u202e']);
  });

  it('refuses a capacity or key length that is not a positive integer', () => {
    expect(() => new SpaceSaving(0, 8)).toThrow(RangeError);
    expect(() => new SpaceSaving(2.5, 8)).toThrow(RangeError);
    expect(() => new SpaceSaving(2, 0)).toThrow(RangeError);
  });
});
