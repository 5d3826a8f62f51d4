/**
 * DNS answers from dig, nslookup and host (reference §11, BIND 9.18 strings). They tell
 * whether a name resolves; the fix is the proxy's when the name is its upstream's.
 */
import type { Rule } from '../types.ts';

const source = 'BIND 9.18 bin/dig/ strings (reference §11)';

export const digRules: readonly Rule[] = [
  {
    id: 'dig-nxdomain',
    software: 'dig',
    cause: 'The name does not exist in DNS (NXDOMAIN).',
    outcome: 'proxy-cannot-resolve',
    implies: { role: 'admin' },
    source,
    includes: [],
    anyOf: [', status: NXDOMAIN,', ': NXDOMAIN', ' not found: 3(NXDOMAIN)'],
    samples: [
      ';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 12345',
      "** server can't find backend.invalid: NXDOMAIN",
      'Host backend.invalid not found: 3(NXDOMAIN)',
    ],
    nearMisses: [';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 12345'],
  },
  {
    id: 'dig-servfail',
    software: 'dig',
    cause: 'The DNS server failed to answer for the name (SERVFAIL): a broken zone or resolver.',
    outcome: 'proxy-cannot-resolve',
    implies: { role: 'admin' },
    source,
    includes: [],
    anyOf: [', status: SERVFAIL,', ': SERVFAIL', ' not found: 2(SERVFAIL)'],
    samples: [
      ';; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 4242',
      "** server can't find backend.example: SERVFAIL",
      'Host backend.example not found: 2(SERVFAIL)',
    ],
    nearMisses: [';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4242'],
  },
  {
    id: 'dig-refused',
    software: 'dig',
    cause: 'The DNS server refused the query (REFUSED): the wrong resolver, or one that does not serve this client.',
    outcome: 'proxy-cannot-resolve',
    implies: { role: 'admin' },
    source,
    includes: ['REFUSED'],
    anyOf: [', status: REFUSED,', "server can't find "],
    samples: [
      ';; ->>HEADER<<- opcode: QUERY, status: REFUSED, id: 777',
      "** server can't find backend.example: REFUSED",
    ],
    nearMisses: [';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 777'],
  },
  {
    id: 'dig-no-servers',
    software: 'dig',
    cause: 'No DNS server answered at all: the resolver address is wrong or unreachable.',
    outcome: 'proxy-cannot-resolve',
    implies: { role: 'admin' },
    source,
    includes: ['no servers could be reached'],
    samples: [';; no servers could be reached', ';; connection timed out; no servers could be reached'],
    nearMisses: [';; communications error to 16.62.27.19#53: connection refused, retrying'],
  },
];
