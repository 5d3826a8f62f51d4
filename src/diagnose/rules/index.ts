/**
 * Every rule, in the order the recogniser tries them: the first rule a line matches wins.
 * Software whose messages overlap is ordered from the most specific wording to the most
 * generic (Traefik and cloudflared before the bare Go errors of Caddy).
 */
import type { Rule } from '../types.ts';
import { apacheRules } from './apache.ts';
import { apacheResponseRules } from './apache-response.ts';
import { appServerRules } from './app-servers.ts';
import { caddyRules } from './caddy.ts';
import { cloudRules } from './cloud.ts';
import { cloudflareRules } from './cloudflare.ts';
import { curlRules } from './curl.ts';
import { digRules } from './dig.ts';
import { envoyRules } from './envoy.ts';
import { haproxyRules } from './haproxy.ts';
import { nginxRules } from './nginx.ts';
import { nginxResponseRules } from './nginx-response.ts';
import { traefikRules } from './traefik.ts';

/** All rules, in matching order. */
export const rules: readonly Rule[] = [
  ...nginxRules,
  ...nginxResponseRules,
  ...apacheRules,
  ...apacheResponseRules,
  ...haproxyRules,
  ...envoyRules,
  ...traefikRules,
  ...cloudRules,
  ...cloudflareRules,
  ...caddyRules,
  ...appServerRules,
  ...curlRules,
  ...digRules,
];
