/**
 * One-line description of what the commands currently use, shown in the collapsed
 * "Your setup" panel so readers see their values without opening it.
 */
import { setupDefaults } from './defaults';
import type { ValidSetup } from './validate';

/** E.g. `Commands use shop.example.org and [::1]:3000.`, or the examples when nothing is set. */
export function describeSetup(setup: ValidSetup): string {
  const domain = setup.domain ?? setupDefaults.domain;
  const host = setup.upstreamHost ?? setupDefaults.upstreamHost;
  const port = setup.upstreamPort ?? setupDefaults.upstreamPort;
  const upstream = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const anySet = Object.values(setup).some((value) => value !== undefined && value !== '');
  return anySet ? `Commands use ${domain} and ${upstream}.` : `Commands show examples: ${domain} and ${upstream}.`;
}
