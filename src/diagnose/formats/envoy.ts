/**
 * Envoy's default access-log line and Istio's, from Envoy's
 * `docs/root/configuration/observability/access_log/usage.rst`:
 * `[START_TIME] "METHOD PATH PROTOCOL" RESPONSE_CODE RESPONSE_FLAGS …` and, last of the
 * quoted fields, `"UPSTREAM_HOST"` (Istio adds a few fields after it).
 */
import { upstreamFields } from '../address.ts';
import type { Fields } from '../types.ts';

/** The parts of an Envoy access-log line the recogniser uses. */
export interface EnvoyLogLine {
  readonly startTime: string;
  readonly request: string;
  readonly status: string;
  /** Response flags, e.g. `['UF', 'URX']`; `-` gives an empty list. */
  readonly flags: readonly string[];
  readonly upstreamHost: string | undefined;
}

const status = /^\d{3}$/;
const flag = /^[A-Z]{2,4}$/;
const hostPort = /^[\w.:[\]-]{1,253}:\d{1,5}$/;

let lastLine: string | undefined;
let lastParse: EnvoyLogLine | undefined;

/** Reads an Envoy access-log line; undefined when the line is not one. Linear; caches the last line. */
export function parseEnvoyLog(line: string): EnvoyLogLine | undefined {
  if (line === lastLine) return lastParse;
  lastLine = line;
  lastParse = undefined;
  const open = line.indexOf('[');
  const close = line.indexOf('] "', open);
  if (open === -1 || close === -1 || close - open > 40) return undefined;
  const requestEnd = line.indexOf('" ', close + 3);
  if (requestEnd === -1) return undefined;
  const [code, flags] = line.slice(requestEnd + 2, requestEnd + 80).split(' ', 2);
  if (!status.test(code ?? '') || flags === undefined || (flags !== '-' && !isFlagList(flags))) return undefined;
  lastParse = {
    startTime: line.slice(open + 1, close),
    request: line.slice(close + 3, Math.min(requestEnd, close + 2051)),
    status: code!,
    flags: flags === '-' ? [] : flags.split(','),
    upstreamHost: lastHostPort(line.slice(requestEnd + 2, requestEnd + 4096)),
  };
  return lastParse;
}

/** Whether `text` is a comma-separated list of at most 9 response flags such as `UF,URX`. */
function isFlagList(text: string): boolean {
  const flags = text.split(',');
  return flags.length <= 9 && flags.every((item) => flag.test(item));
}

/** The last quoted `"host:port"` of the first 16 quoted fields: Envoy's `%UPSTREAM_HOST%`. */
function lastHostPort(rest: string): string | undefined {
  let found: string | undefined;
  let from = 0;
  for (let count = 0; count < 16; count += 1) {
    const open = rest.indexOf('"', from);
    const close = open === -1 ? -1 : rest.indexOf('"', open + 1);
    if (close === -1) break;
    const value = rest.slice(open + 1, close);
    if (hostPort.test(value)) found = value;
    from = close + 1;
  }
  return found;
}

/** Whether `line` is an Envoy access-log line carrying the response flag `flag`. */
export function envoyFlag(line: string, flag: string): boolean {
  return parseEnvoyLog(line)?.flags.includes(flag) ?? false;
}

/** Fields of an Envoy access-log line. */
export function envoyFields(line: string): Fields {
  const parsed = parseEnvoyLog(line);
  if (parsed === undefined) return {};
  return { timestamp: parsed.startTime, request: parsed.request, ...upstreamFields(parsed.upstreamHost) };
}
