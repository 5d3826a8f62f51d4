import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { allPaths, stepsToUrl } from './src/wizard/paths.ts';
const t = parse(readFileSync('content/wizard/tree.yaml', 'utf8'));
const file = 'test/fixtures/published-links.txt';
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
const have = new Set(lines);
const add: string[] = [];
for (const id of ['lb-health-checks', 'request-body-limit', 'serverless-response', 'service-mesh']) if (!have.has(`/fixes/${id}/`)) add.push(`/fixes/${id}/`);
const before = add.length;
for (const p of allPaths(t)) { const u = stepsToUrl(p.steps); if (!have.has(u)) add.push(u); }
writeFileSync(file, [...lines, '# Added with tree version 2 (2026-12-06): the new fix pages and wizard steps.', ...add].join('\n') + '\n');
console.log(before, add.length);
