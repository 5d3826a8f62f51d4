/**
 * Which extracted fields may fill the reader's setup (`src/setup/store.ts`). Only values
 * that pass simple, strict checks are offered: an IPv4 address or a hostname, a port from
 * 1 to 65535, an absolute socket path of safe characters. Anything else is dropped.
 */
import type { Fields } from './types.ts';

/** Setup keys the recogniser may fill, and their values. */
export interface SetupValues {
  /** The site's domain: the virtual host (nginx `server:`) or Host header the line names. */
  domain?: string;
  upstreamHost?: string;
  upstreamPort?: string;
  socket?: string;
}

const label = /^[a-z0-9-]{1,63}$/i;
const port = /^[1-9]\d{0,4}$/;
const socketPath = /^\/[A-Za-z0-9._@+/-]{1,254}$/;

/** Whether `value` is a dotted-quad IPv4 address (each part 0–255, no leading zeros). */
export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** Whether `value` is a hostname of letters, digits and hyphens (RFC 1123 labels). */
export function isHostname(value: string): boolean {
  if (value.length > 253 || /^[\d.]+$/.test(value)) return false;
  return value.split('.').every((part) => label.test(part) && !part.startsWith('-') && !part.endsWith('-'));
}

/** Whether `value` is a TCP port from 1 to 65535, written in digits. */
export function isPort(value: string): boolean {
  return port.test(value) && Number(value) <= 65535;
}

/** Whether `value` is an absolute path of safe characters without `..` segments. */
export function isSocketPath(value: string): boolean {
  return socketPath.test(value) && !value.split('/').includes('..');
}

/**
 * The fields of a finding that may go into the reader's setup: a socket, or a host with
 * its port. A host without a port is not offered: in nginx's `upstream:` field it is the
 * name of an `upstream {}` block, not a machine. Never throws.
 */
export function setupValuesFrom(fields: Fields): SetupValues {
  // A domain has a dot and is not an address: `server: _` or `host: "127.0.0.1"` name none.
  const domain =
    fields.server !== undefined && fields.server.includes('.') && isHostname(fields.server.toLowerCase())
      ? { domain: fields.server.toLowerCase() }
      : {};
  if (fields.socket !== undefined) return isSocketPath(fields.socket) ? { ...domain, socket: fields.socket } : domain;
  const { upstreamHost: host, upstreamPort: port } = fields;
  if (host === undefined || port === undefined || !isPort(port)) return domain;
  return isIPv4(host) || isHostname(host) ? { ...domain, upstreamHost: host, upstreamPort: port } : domain;
}
