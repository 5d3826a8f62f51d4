import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
const lines = {
  scored: 'Connections the upstream dropped while idle get reused by the gateway, then 502.',
  who: 'KrakenD answers 502 on the orders endpoint.',
  zh: '安全组未放通ELB到后端的端口，返回502',
};
const errors = [];
for (const [name, line] of Object.entries(lines)) for (const theme of ['light', 'dark']) for (const width of [1280, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${name} ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`${name} ${e.message}`));
  await page.goto('http://localhost:4400/wizard/');
  await page.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
  await page.reload();
  await page.getByLabel('Paste an error-log line or curl output').fill(line);
  await page.getByRole('button', { name: 'Recognise' }).click();
  const status = page.getByRole('status').first();
  await status.waitFor();
  await status.scrollIntoViewIfNeeded();
  console.log(name, theme, width, (await status.innerText()).slice(0, 400).replace(/\n+/g, ' ⏎ '));
  await page.screenshot({ path: `/work/notes/shots5/${name}-${theme}-${width}.png` });
  await page.close();
}
console.log('errors', errors);
await browser.close();
