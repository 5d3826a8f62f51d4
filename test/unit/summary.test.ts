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
