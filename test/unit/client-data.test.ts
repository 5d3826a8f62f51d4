import { describe, expect, it } from 'vitest';
import { isClientData } from '../../src/wizard/client-data';
import { toShape } from '../../src/wizard/shape';
import { loadRealTree } from '../support/tree';

const tree = loadRealTree();
const good = {
  shape: toShape(tree),
  outcomeTitles: { 'upstream-refused': '502-UPSTREAM-REFUSED Upstream not running' },
  followUps: { 'upstream-refused': ['firewall'] },
};
const clone = () => structuredClone(good) as unknown as Record<string, any>;

describe('isClientData (wizard-data.json as the browser reads it)', () => {
  it('accepts the data the build writes for the real tree', () => {
    expect(isClientData(JSON.parse(JSON.stringify(good)))).toBe(true);
  });

  it.each([
    ['null', () => null],
    ['an array', () => []],
    ['no shape', () => ({ ...clone(), shape: undefined })],
    ['nodes that are not a list', () => ({ ...clone(), shape: { ...clone().shape, nodes: {} } })],
    ['a root no node has', () => ({ ...clone(), shape: { ...clone().shape, root: 'gone' } })],
    [
      'an answer without a label',
      () => {
        const data = clone();
        delete data.shape.nodes[0].answers[0].label;
        return data;
      },
    ],
    [
      'an answer that leads nowhere',
      () => {
        const data = clone();
        delete data.shape.nodes[0].answers[0].next;
        return data;
      },
    ],
    [
      'a retired rule with a number in it',
      () => ({ ...clone(), shape: { ...clone().shape, retired: [{ replace: [1], with: [] }] } }),
    ],
    ['a version that is text', () => ({ ...clone(), shape: { ...clone().shape, version: '2' } })],
    ['a title that is not text', () => ({ ...clone(), outcomeTitles: { x: 1 } })],
    ['follow-ups that are not lists', () => ({ ...clone(), followUps: { x: 'firewall' } })],
    ['no follow-ups', () => ({ ...clone(), followUps: undefined })],
  ])('refuses %s', (_name, make) => {
    expect(isClientData(make())).toBe(false);
  });
});
