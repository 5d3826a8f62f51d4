/**
 * HAProxy's HTTP log line (`option httplog`), from `doc/configuration.txt` §8.2.3:
 * `client:port [accept_date] frontend backend/server TR/Tw/Tc/Tr/Ta status bytes
 * cookie_req cookie_resp termination_state actconn/feconn/beconn/srv_conn/retries
 * srv_queue/backend_queue {captures} "request"`. A syslog prefix may come first.
 */
import type { Fields } from '../types.ts';

/** The parts of an HAProxy HTTP log line the recogniser uses. */
export interface HaproxyLogLine {
  readonly client: string;
  readonly acceptDate: string;
  readonly backend: string;
  /** Server name in the backend, or `<NOSRV>` when none was picked. */
  readonly server: string;
  readonly status: string;
  /** The 4-character termination state, e.g. `SC--`; its first two characters say why. */
  readonly terminationState: string;
  readonly request: string | undefined;
}

const acceptDate = /^\[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d\.\d{3}\]$/;
const timers = /^-?\d{1,10}\/-?\d{1,10}\/-?\d{1,10}\/-?\d{1,10}\/\+?-?\d{1,10}$/;
const status = /^\d{3}$/;
const state = /^[A-Za-z-]{4}$/;

let lastLine: string | undefined;
let lastParse: HaproxyLogLine | undefined;

/**
 * Reads an HAProxy HTTP log line; undefined when the line is not one. Only the first 40
 * space-separated tokens are looked at, so the cost is linear in the line. The last line
 * parsed is cached, because several rules ask about the same line in a row.
 */
export function parseHaproxyLog(line: string): HaproxyLogLine | undefined {
  if (line === lastLine) return lastParse;
  lastLine = line;
  lastParse = undefined;
  const tokens = line.split(' ', 40);
  const at = tokens.findIndex((token) => token.length === 26 && acceptDate.test(token));
  if (at < 1) return undefined;
  const [frontend, backendServer, timing, code, , , , termination] = tokens.slice(at + 1, at + 9);
  if (frontend === undefined || backendServer === undefined || !timers.test(timing ?? '')) return undefined;
  if (!status.test(code ?? '') || !state.test(termination ?? '')) return undefined;
  const slash = backendServer.indexOf('/');
  if (slash === -1) return undefined;
  const quote = line.indexOf(' "');
  const end = quote === -1 ? -1 : line.indexOf('"', quote + 2);
  lastParse = {
    client: tokens[at - 1]!,
    acceptDate: tokens[at]!.slice(1, -1),
    backend: backendServer.slice(0, slash),
    server: backendServer.slice(slash + 1),
    status: code!,
    terminationState: termination!,
    request: end === -1 ? undefined : line.slice(quote + 2, Math.min(end, quote + 2050)),
  };
  return lastParse;
}

/** Whether `line` is an HAProxy HTTP log line whose termination state starts with `flags`. */
export function haproxyStateIs(line: string, flags: string): boolean {
  return parseHaproxyLog(line)?.terminationState.startsWith(flags) ?? false;
}

/** Fields of an HAProxy log line; the upstream is `backend/server`. */
export function haproxyFields(line: string): Fields {
  const parsed = parseHaproxyLog(line);
  if (parsed === undefined) {
    const down = line.indexOf(' is DOWN');
    const at = down === -1 ? -1 : line.lastIndexOf('Server ', down);
    return at === -1 ? {} : { upstream: line.slice(at + 'Server '.length, down) };
  }
  const fields: Fields = {
    timestamp: parsed.acceptDate,
    client: parsed.client,
    upstream: `${parsed.backend}/${parsed.server}`,
  };
  if (parsed.request !== undefined) fields.request = parsed.request;
  return fields;
}
