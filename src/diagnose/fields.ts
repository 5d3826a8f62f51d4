/**
 * Reading the fields of a recognised line (upstream, client, server name, request,
 * timestamp), with the reader for the format of the software whose rule matched.
 */
import { albFields } from './formats/alb.ts';
import { apacheFields } from './formats/apache.ts';
import { gunicornFields, phpFpmFields, uwsgiFields } from './formats/app-servers.ts';
import { envoyFields } from './formats/envoy.ts';
import { gcpFields } from './formats/gcp.ts';
import { caddyFields, cloudflaredFields, traefikFields } from './formats/go-proxies.ts';
import { haproxyFields } from './formats/haproxy.ts';
import { nginxFields } from './formats/nginx.ts';
import { maxFieldLength } from './formats/text.ts';
import { curlFields, digFields } from './formats/tools.ts';
import type { Fields, Software } from './types.ts';

const readers: Record<Software, (line: string) => Fields> = {
  nginx: nginxFields,
  apache: apacheFields,
  haproxy: haproxyFields,
  caddy: caddyFields,
  traefik: traefikFields,
  envoy: envoyFields,
  'aws-alb': albFields,
  'gcp-lb': gcpFields,
  cloudflare: () => ({}),
  cloudflared: cloudflaredFields,
  gunicorn: gunicornFields,
  'php-fpm': phpFpmFields,
  uwsgi: uwsgiFields,
  curl: curlFields,
  dig: digFields,
  'aws-cloudfront': () => ({}),
  'aws-api-gateway': () => ({}),
  'aws-lambda': () => ({}),
  azure: () => ({}),
  'google-frontend': () => ({}),
  platform: () => ({}),
  firewalld: () => ({}),
  node: () => ({}),
  kong: () => ({}),
  heroku: () => ({}),
  vercel: () => ({}),
  fly: () => ({}),
  render: () => ({}),
  railway: () => ({}),
  'cloud-run': () => ({}),
  iis: () => ({}),
  ngrok: () => ({}),
  kubernetes: () => ({}),
  fastly: () => ({}),
  varnish: () => ({}),
  selinux: () => ({}),
  linkerd: () => ({}),
  akamai: () => ({}),
  'proxy-status': () => ({}),
  'error-page': () => ({}),
  socket: () => ({}),
  report: () => ({}),
};

/**
 * The fields of `line`, read as `software` writes its log (formats in reference §12).
 *
 * @param software - The software of the rule that matched the line.
 * @param line - The line, already capped to `maxLineLength`. Never throws; fields the
 *   line does not carry are absent. Values are plain text as written in the log, each at
 *   most `maxFieldLength` (2,048) characters: the cap is applied here, after the reader,
 *   so it holds for every reader, also those that slice the line themselves.
 */
export function extractFields(software: Software, line: string): Fields {
  const fields = readers[software](line);
  // `for…in` rather than `Object.keys`: no array per line (readers return plain objects).
  for (const key in fields) {
    const value = fields[key as keyof Fields];
    if (value !== undefined && value.length > maxFieldLength)
      fields[key as keyof Fields] = value.slice(0, maxFieldLength);
  }
  return fields;
}
