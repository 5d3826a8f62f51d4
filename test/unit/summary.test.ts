import { describe, expect, it } from 'vitest';
import { ticketSummary, type TicketSummary } from '../../src/wizard/summary';

const base: TicketSummary = {
  outcome: { code: '502-FIREWALL', title: 'Firewall blocks the upstream' },
  link: 'https://502.guide/fixes/firewall/?answers=admin/nginx/refused/same-host',
  answers: [
    { question: 'Visitor or admin', answer: 'I run the site (or support someone who does)' },
    { question: 'Who answered', answer: 'nginx' },
  ],
  steps: [],
  tried: [],
};

describe('ticketSummary', () => {
  it('names the tree version that asked the questions', () => {
    expect(ticketSummary({ ...base, treeVersion: 2 })).toContain('Answers given in the 502 wizard (wizard version 2):');
  });

  it('says where the answers led when they led to another fix', () => {
    const note =
      'The wizard answers led to 502-UPSTREAM-REFUSED Upstream not running; this fix was reached from there.';
    const text = ticketSummary({ ...base, answersNote: note });
    expect(text.split('\n').indexOf(note)).toBeGreaterThan(0);
    expect(text.indexOf(note)).toBeLessThan(text.indexOf('Answers given'));
  });

  it('leaves both out when they are not known', () => {
    const text = ticketSummary(base);
    expect(text).toContain('Answers given in the 502 wizard:');
    expect(text).not.toContain('version');
  });
});

describe('ticketSummary, what it adds and leaves out', () => {
  it('gives the cause under the title', () => {
    const text = ticketSummary({ ...base, outcome: { ...base.outcome, cause: 'A firewall drops the packets.' } });
    expect(text.split('\n').slice(0, 3)).toEqual([
      '502-FIREWALL Firewall blocks the upstream',
      'Cause: A firewall drops the packets.',
      `Link: ${base.link}`,
    ]);
  });

  it('names the site from "Your setup" under the cause, escaped, and leaves it out when unset', () => {
    const text = ticketSummary({ ...base, domain: 'shop.example' });
    expect(text.split('\n')[1]).toBe('Site: shop.example');
    expect(ticketSummary({ ...base, domain: 'shop.example\u202e' })).toContain('Site: shop.example\\u202e');
    expect(ticketSummary({ ...base, domain: '' })).not.toContain('Site:');
    expect(ticketSummary(base)).not.toContain('Site:');
  });

  it('leaves out a checklist with nothing ticked, and keeps one with a tick', () => {
    const steps = [
      { title: 'Check the rules', done: false },
      { title: 'Allow the port', done: false },
    ];
    expect(ticketSummary({ ...base, steps })).not.toContain('Steps done');
    expect(ticketSummary({ ...base, steps: [{ ...steps[0]!, done: true }, steps[1]!] })).toContain(
      'Steps done (1 of 2):\n  [x] Check the rules\n  [ ] Allow the port',
    );
  });

  it('quotes the pasted log line, escaped and cut with a marker', () => {
    const line = `connect() failed (113: No route to host)\u202e ${'x'.repeat(600)}`;
    const text = ticketSummary({ ...base, pastedLine: line });
    const quoted = text.split('\n')[text.split('\n').indexOf('Log line pasted into the wizard:') + 1]!;
    expect(quoted.startsWith('  connect() failed (113: No route to host)\\u202e')).toBe(true);
    expect(quoted).not.toContain('\u202e');
    expect(quoted).toMatch(/cut/);
    expect(ticketSummary({ ...base, pastedLine: '   ' })).not.toContain('Log line pasted');
  });
});
