/**
 * Fields of lines from proxies written in Go (Caddy, Traefik, cloudflared). Their errors
 * carry Go's net error text, which names the upstream: `dial tcp 127.0.0.1:4040: connect:
 * connection refused`, `read tcp 10.0.0.2:40000->10.0.0.3:80: read: connection reset by
 * peer`, `dial tcp: lookup backend on 127.0.0.11:53: no such host`.
 */
import { upstreamFields } from '../address.ts';
import type { Fields } from '../types.ts';
import { firstMatch, isoTime, jsonNumberField, jsonStringField, textBetween, wordAfter } from './text.ts';

/** The upstream named in Go's net error text, if any. */
export function goNetUpstream(line: string): string | undefined {
  const dialed = textBetween(line, 'dial tcp ', ': ');
  if (dialed !== undefined) return dialed;
  const read = textBetween(line, 'read tcp ', ': ');
  if (read !== undefined) return read.split('->')[1];
  return textBetween(line, 'dial tcp: lookup ', ' on ');
}

/**
 * Fields of a Caddy 2 `http.log.error` JSON line (reference §4 and §12), or of a Caddy 1
 * `[ERROR 502 /path] …` line.
 */
export function caddyFields(line: string): Fields {
  const fields: Fields = { ...upstreamFields(goNetUpstream(line)) };
  const seconds = jsonNumberField(line, 'ts');
  const timestamp = seconds === undefined ? jsonStringField(line, 'ts') : secondsToIso(seconds);
  const method = jsonStringField(line, 'method');
  const uri = jsonStringField(line, 'uri') ?? textBetween(line, '[ERROR 502 ', ']');
  const client = jsonStringField(line, 'remote_ip');
  const host = jsonStringField(line, 'host');
  if (timestamp !== undefined) fields.timestamp = timestamp;
  if (uri !== undefined) fields.request = method === undefined ? uri : `${method} ${uri}`;
  if (client !== undefined) fields.client = client;
  if (host !== undefined) fields.server = host;
  return fields;
}

/** Fields of a Traefik log line: logrus `time="…"`, zerolog ISO time, or JSON (reference §5). */
export function traefikFields(line: string): Fields {
  const fields: Fields = { ...upstreamFields(goNetUpstream(line)) };
  const timestamp = textBetween(line, 'time="', '"') ?? jsonStringField(line, 'time') ?? firstMatch(line, isoTime);
  if (timestamp !== undefined) fields.timestamp = timestamp;
  return fields;
}

/** Fields of a cloudflared line, text or JSON (reference §12). */
export function cloudflaredFields(line: string): Fields {
  const fields: Fields = { ...upstreamFields(goNetUpstream(line) ?? jsonStringField(line, 'originService')) };
  const timestamp = firstMatch(line, isoTime) ?? jsonStringField(line, 'time');
  const request = wordAfter(line, ' dest=');
  if (timestamp !== undefined) fields.timestamp = timestamp;
  if (request !== undefined) fields.request = request;
  return fields;
}

/** Unix time in seconds, as Caddy writes `ts`, to ISO 8601 UTC; undefined when out of range. */
function secondsToIso(seconds: string): string | undefined {
  const date = new Date(Number(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
