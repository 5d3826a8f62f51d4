/**
 * One pass over a line for every group's gates at once. Each rule group declares gate
 * literals (a line with none of them cannot match its rules, see `RuleGroup`); checking them
 * one `includes` at a time costs a scan of the line per literal, about 570 of them across the
 * groups. This index compiles all the gates into one Aho-Corasick automaton (a DFA over the
 * characters the gates use) and answers, in one left-to-right pass over the line, which groups
 * have at least one gate in it: exactly what `includesAny(line, group.gates)` answers for each
 * group, built from the groups' own declarations, so adding a rule or a gate needs nothing here.
 *
 * Cost: time linear in the line (one table look-up per UTF-16 code unit); memory one row of
 * 16- or 32-bit states per automaton state and character class (about 13,600 states × 206
 * classes, 5.6 MB, with round 11's gates and the scored context), built once when the module
 * loads (a few milliseconds).
 */
import type { RuleGroup } from './types.ts';

/**
 * At most this many groups: their hits are the bits of one 32-bit integer (`Int32Array`
 * outputs; bit 31 is the sign bit, which `&` and `|` read like any other).
 */
export const maxIndexedGroups = 32;

/** The compiled gates of a list of groups (see the file comment). */
export interface GateIndex {
  /**
   * Which groups have a gate in `text`: bit `i` is set when `groups[i]` (in the order given
   * to {@link buildGateIndex}) has at least one gate literal in `text`.
   */
  readonly scan: (text: string) => number;
}

/**
 * Compiles the gates of `groups` (at most {@link maxIndexedGroups}) into one automaton.
 *
 * @param groups - The rule groups, in matching order; each group's bit is its index here.
 * @returns The index, whose `scan` reads a line once. Throws a RangeError when there are
 *   more than {@link maxIndexedGroups} groups.
 */
export function buildGateIndex(groups: readonly RuleGroup[]): GateIndex {
  if (groups.length > maxIndexedGroups) throw new RangeError(`at most ${maxIndexedGroups} groups`);
  // Every group with an empty gate matches every line (includesAny(line, ['']) is true).
  let always = 0;
  // Character classes: 0 for every code unit no gate uses, then one per code unit used.
  const classOf = new Uint8Array(65536);
  let classes = 1;
  for (const group of groups)
    for (const gate of group.gates)
      for (let index = 0; index < gate.length; index += 1) {
        const code = gate.charCodeAt(index);
        if (classOf[code] === 0) {
          if (classes === 255) throw new RangeError('too many distinct characters in the gates');
          classOf[code] = classes;
          classes += 1;
        }
      }
  // The trie of all gates: children per state, and the groups whose gate ends at a state.
  const children: Map<number, number>[] = [new Map()];
  const ends: number[] = [0];
  groups.forEach((group, bit) => {
    for (const gate of group.gates) {
      if (gate === '') {
        always |= 1 << bit;
        continue;
      }
      let state = 0;
      for (let index = 0; index < gate.length; index += 1) {
        const symbol = classOf[gate.charCodeAt(index)]!;
        let next = children[state]!.get(symbol);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push(0);
          children[state]!.set(symbol, next);
        }
        state = next;
      }
      ends[state]! |= 1 << bit;
    }
  });
  // Breadth first: each state's failure link, its full row of transitions, and the groups of
  // every gate that ends at it or at a suffix of it.
  const states = children.length;
  const table = states < 65536 ? new Uint16Array(states * classes) : new Uint32Array(states * classes);
  const output = new Int32Array(states);
  const failure = new Int32Array(states);
  const queue: number[] = [];
  for (let symbol = 1; symbol < classes; symbol += 1) {
    const next = children[0]!.get(symbol);
    if (next !== undefined) {
      table[symbol] = next;
      failure[next] = 0;
      queue.push(next);
    }
  }
  output[0] = ends[0]!;
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head]!;
    output[state] = ends[state]! | output[failure[state]!]!;
    const row = state * classes;
    const fallbackRow = failure[state]! * classes;
    for (let symbol = 1; symbol < classes; symbol += 1) {
      const next = children[state]!.get(symbol);
      if (next === undefined) table[row + symbol] = table[fallbackRow + symbol]!;
      else {
        table[row + symbol] = next;
        failure[next] = table[fallbackRow + symbol]!;
        queue.push(next);
      }
    }
  }
  return {
    scan: (text) => {
      let hits = always;
      let state = 0;
      for (let index = 0; index < text.length; index += 1) {
        state = table[state * classes + classOf[text.charCodeAt(index)]!]!;
        hits |= output[state]!;
      }
      return hits;
    },
  };
}
