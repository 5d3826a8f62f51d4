/**
 * AWS Application Load Balancer access-log entries, from the ALB user guide
 * (awsdocs/elb-application-load-balancers-user-guide, `load-balancer-access-logs.md`):
 * `type time elb client:port target:port request_processing_time target_processing_time
 * response_processing_time elb_status_code target_status_code received_bytes sent_bytes
 * "request" …`, space-separated.
 */
import { upstreamFields } from '../address.ts';
import type { Fields } from '../types.ts';

/** The parts of an ALB access-log entry the recogniser uses. */
export interface AlbLogLine {
  readonly time: string;
  readonly client: string;
  /** `ip:port` of the target, or `-` when the request was never dispatched. */
  readonly target: string;
  readonly elbStatus: string;
  /** `-` when the target sent no response: the 5xx was the load balancer's own. */
  readonly targetStatus: string;
  readonly request: string | undefined;
}

const types = new Set(['http', 'https', 'h2', 'grpcs', 'ws', 'wss']);
const time = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.?\d{0,9}Z$/;
const status = /^\d{3}$/;

let lastLine: string | undefined;
let lastParse: AlbLogLine | undefined;

/** Reads an ALB access-log entry; undefined when the line is not one. Linear; caches the last line. */
export function parseAlbLog(line: string): AlbLogLine | undefined {
  if (line === lastLine) return lastParse;
  lastLine = line;
  lastParse = undefined;
  const tokens = line.split(' ', 13);
  const [type, at, , client, target, , , , elbStatus, targetStatus] = tokens;
  if (!types.has(type ?? '') || !time.test(at ?? '') || client === undefined || target === undefined) return undefined;
  if (!status.test(elbStatus ?? '') || targetStatus === undefined) return undefined;
  const quote = line.indexOf(' "');
  const end = quote === -1 ? -1 : line.indexOf('"', quote + 2);
  lastParse = {
    time: at!,
    client,
    target,
    elbStatus: elbStatus!,
    targetStatus,
    request: end === -1 ? undefined : line.slice(quote + 2, Math.min(end, quote + 2050)),
  };
  return lastParse;
}

/**
 * Whether `line` is an ALB entry where the load balancer itself answered `elbStatus`
 * (target_status_code `-`).
 */
export function albOwnStatus(line: string, elbStatus: string): boolean {
  const parsed = parseAlbLog(line);
  return parsed !== undefined && parsed.elbStatus === elbStatus && parsed.targetStatus === '-';
}

/** Fields of an ALB access-log entry; the upstream is the target. */
export function albFields(line: string): Fields {
  const parsed = parseAlbLog(line);
  if (parsed === undefined) return {};
  const fields: Fields = {
    timestamp: parsed.time,
    client: parsed.client,
    ...upstreamFields(parsed.target === '-' ? undefined : parsed.target),
  };
  if (parsed.request !== undefined) fields.request = parsed.request;
  return fields;
}
