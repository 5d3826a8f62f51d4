import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose';
import { findingScore, isWhoAnswered, leadText, primaryFinding } from '../../src/diagnose/present';
import { formatReport } from '../../src/diagnose/report';
import { rules } from '../../src/diagnose/rules/index';
import { Tally } from '../../src/diagnose/summary';

/** The implied "who answered" answer of each recognised line of `text`. */
function whoAnswered(text: string): (string | undefined)[] {
  return diagnose(text).map((finding) => finding.rule.implies.proxy);
}

describe('who answered, from headers and error pages', () => {
  it.each([
    ['HTTP/2 502\nserver: cloudflare\ncf-ray: 8f2c1a2b3c4d5e6f-FRA', ['cloudflare', 'cloudflare']],
    ['HTTP/1.1 502 Bad Gateway\nServer: awselb/2.0\nContent-Type: text/html', ['cloud-lb']],
    ['HTTP/2 502\ncontent-type: text/html; charset=UTF-8\nvia: 1.1 google', ['cloud-lb']],
    [
      'HTTP/2 502\nx-amzn-requestid: 3b8a4c1e-1234\nx-amzn-errortype: InternalServerErrorException',
      ['api-gateway', 'api-gateway'],
    ],
    ['HTTP/2 502\nx-azure-ref: 0Zx3cZQAAAAD', ['other-cdn']],
    ['HTTP/1.1 502 Bad Gateway\nServer: nginx/1.24.0 (Ubuntu)\nDate: Sun, 06 Dec 2026 10:00:00 GMT', ['nginx']],
    [
      '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.24.0</center>\n</body>\n</html>',
      ['nginx'],
    ],
  ])('%j names %j', (text, proxies) => {
    expect(whoAnswered(text)).toEqual(proxies);
    for (const finding of diagnose(text)) expect(isWhoAnswered(finding)).toBe(true);
  });

  it('says who answered and the next step, never just "not recognised"', () => {
    const [finding] = diagnose('<hr><center>nginx/1.24.0</center>');
    expect(leadText(finding!)).toMatch(/^Line 1: who answered: nginx\. .*error log/);
  });

  it('names no software for a line that tells the cause or the answering product in words', () => {
    const [cause] = diagnose('nginx times out after 60 seconds and returns 504 on the export page');
    expect(cause!.rule.software).toBe('report');
    expect(leadText(cause!)).toMatch(/^Line 1 \(told in words\): The upstream took longer/);
    const [who] = diagnose('A 502 error occurs when CloudFront is unable to connect to the origin.');
    expect(isWhoAnswered(who!)).toBe(true);
    expect(who!.rule.software).toBe('report');
    expect(leadText(who!)).toMatch(/^Line 1: The report names a CDN/);
    expect(leadText(who!)).not.toContain('who answered: told in words');
  });

  it('a Cloudflare code is a cause, not only who answered', () => {
    const [finding] = diagnose('Error 521');
    expect(isWhoAnswered(finding!)).toBe(false);
    expect(finding!.rule.implies).toEqual({ role: 'admin', proxy: 'cloudflare', 'cloudflare-code': 'error-521' });
    expect(leadText(finding!)).toMatch(/^Line 1 \(Cloudflare\): Cloudflare 521/);
  });

  it('leads with a cause when a paste has both an error page and a log line', () => {
    const findings = diagnose(
      '<hr><center>nginx/1.24.0</center>\nconnect() failed (111: Connection refused) while connecting to upstream',
    );
    const primary = primaryFinding(findings, (finding) => findingScore(finding, 2, false));
    expect(primary?.rule.id).toBe('nginx-connect-refused');
  });

  it('every who-answered rule answers the first admin questions', () => {
    const who = rules.filter((rule) => rule.kind === 'who-answered');
    expect(who.length).toBeGreaterThan(10);
    for (const rule of who) {
      expect(rule.implies.role, rule.id).toBe('admin');
      expect(rule.implies.proxy, rule.id).toBeDefined();
    }
  });
});

describe('the CLI report of who answered', () => {
  it('labels the block and prints no fix page', () => {
    const tally = new Tally();
    for (const finding of diagnose(
      'server: cloudflare\ncurl: (7) Failed to connect to 10.0.0.5 port 80: Connection refused',
    ))
      tally.add(finding);
    const report = formatReport(tally.summary(), { files: 1, lines: 2, recognised: tally.findings });
    expect(report).toContain('cloudflare-edge (who answered: cloudflare)');
    expect(report).toContain('curl-connect-refused (curl)');
    expect(report.match(/fix: /g)).toHaveLength(1);
  });
});
