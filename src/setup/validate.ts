/**
 * Validation of the reader's setup values. A value is used in a command only after it
 * passes here, and what passes can only contain characters that mean nothing to a shell or
 * a config parser: ASCII letters, digits, `.`, `-`, `/`, `_` and, for IPv6, `:`.
 * Everything else (spaces, quotes, `$`, backticks, `;`, `|`, `&`, line breaks, control
 * characters, non-ASCII look-alikes) is refused with a message saying what to type instead.
 */
import { proxyServers } from './defaults';
import type { ReaderSetup } from './store';

/** The outcome of validating one value: the normalised value, or why it was refused. */
export type Validation = { ok: true; value: string } | { ok: false; message: string };

/** Longest host name: 253 characters (RFC 1035 §2.3.4, without the trailing dot). */
export const maxHostLength = 253;
/** Longest path: Linux `PATH_MAX`, 4096 bytes. */
export const maxPathLength = 4096;

const refuse = (message: string): Validation => ({ ok: false, message });
const accept = (value: string): Validation => ({ ok: true, value });

/** Describes a character for a message, e.g. `“;”`, `a space`, `a line break`, `U+0435 “е”`. */
function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (char === ' ') return 'a space';
  if (char === '\n' || char === '\r') return 'a line break';
  if (char === '\t') return 'a tab';
  if (code < 0x20 || code === 0x7f) return `a control character (${hex})`;
  if (code > 0x7e) return `“${char}” (${hex})`;
  return `“${char}”`;
}

/**
 * Checks shared by every kind of value, in the order a reader can act on them: empty,
 * length, non-ASCII (look-alike letters such as Cyrillic “е” or fullwidth digits), then any
 * character outside `allowed`. Returns the refusal message, or undefined when all pass.
 */
function firstProblem(value: string, maxLength: number, allowed: RegExp, what: string): string | undefined {
  if (value === '') return 'Enter a value, or leave the field empty to use the example.';
  if (value.length > maxLength) return `Too long: ${value.length} characters, at most ${maxLength}.`;
  for (const char of value) {
    if (char.codePointAt(0)! > 0x7e) {
      return `${describeCharacter(char)} is not a plain ASCII character (it may be a look-alike from another alphabet). Type it in ASCII; international domain names go in their xn-- form.`;
    }
  }
  for (const char of value) {
    if (!allowed.test(char)) return `${describeCharacter(char)} can’t be used here. ${what}`;
  }
  return undefined;
}

/** Strips the spaces a paste often brings at either end (inner spaces are still refused). */
const trimSpaces = (raw: string): string => raw.replace(/^ +| +$/g, '');

const hostnameHint = 'A host name has only letters a–z, digits, dots and hyphens.';
const labelPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * A host name per RFC 1123 §2.1: dot-separated labels of 1–63 letters, digits and hyphens,
 * not starting or ending with a hyphen, 253 characters at most; the last label is not all
 * digits (RFC 3696 §2), so a mistyped IPv4 address is not taken for a name.
 */
export function validateHostname(raw: string): Validation {
  const value = trimSpaces(raw);
  const problem = firstProblem(value, maxHostLength, /[A-Za-z0-9.-]/, hostnameHint);
  if (problem) return refuse(problem);
  if (value.endsWith('.')) return refuse('Remove the dot at the end.');
  const labels = value.split('.');
  const bad = labels.find((label) => !labelPattern.test(label));
  if (bad !== undefined) {
    if (bad === '') return refuse('Two dots in a row, or a dot at the start: each part between dots needs a name.');
    if (bad.length > 63) return refuse(`The part “${bad.slice(0, 20)}…” is longer than 63 characters.`);
    return refuse(`The part “${bad}” starts or ends with a hyphen.`);
  }
  if (/^[0-9]+$/.test(labels.at(-1)!)) {
    return refuse('This looks like an IP address but is not one (four numbers 0–255 separated by dots).');
  }
  return accept(value);
}

/**
 * The site's domain: a host name (see `validateHostname`), or an address pasted from the
 * browser such as `https://shop.example/cart`, of which only the host is kept (lower case,
 * without port, path or credentials; parsed by the WHATWG URL parser, which also turns an
 * international name into its xn-- form). A bare name followed by a path (`shop.example/`)
 * keeps the part before the first slash.
 * @param raw what the reader typed or pasted.
 * @returns the host name, or why it is refused.
 */
export function validateDomain(raw: string): Validation {
  const value = trimSpaces(raw);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) {
    let host: string;
    try {
      host = new URL(value).hostname;
    } catch {
      return refuse('This address could not be read. Type only the domain, such as shop.example.');
    }
    if (host === '') return refuse('This address has no domain. Type only the domain, such as shop.example.');
    return validateHostname(host);
  }
  const slash = value.indexOf('/');
  return validateHostname(slash > 0 ? value.slice(0, slash) : value);
}

/** A dotted-quad IPv4 address: four decimal numbers 0–255 without leading zeros (which some parsers read as octal). */
export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((part) => /^(?:0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255);
}

/** An IPv6 address in the text forms of RFC 4291 §2.2 (`::` once, optional trailing IPv4), no zone ID. */
export function isIPv6(value: string): boolean {
  if (!/^[0-9A-Fa-f:.]{2,45}$/.test(value)) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const last = groups.at(-1);
  let count = groups.length;
  if (last?.includes('.')) {
    // The IPv4 part may only close the address, never precede a final `::`.
    if (value.endsWith('::') || !isIPv4(last)) return false;
    groups.pop();
    count += 1;
  }
  if (!groups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * An upstream host: IPv4, IPv6 (brackets optional; stored without them, pages add them
 * where a port follows) or a host name (see `validateHostname`).
 */
export function validateHost(raw: string): Validation {
  const trimmed = trimSpaces(raw);
  const unbracketed = /^\[.*\]$/s.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
  if (isIPv4(unbracketed)) return accept(unbracketed);
  if (isIPv6(unbracketed)) return accept(unbracketed.toLowerCase());
  if (unbracketed.includes('%') && isIPv6(unbracketed.split('%')[0]!)) {
    return refuse('IPv6 zone IDs (the “%eth0” part) are not supported here; use a global or unique-local address.');
  }
  if (unbracketed.includes(':')) {
    const problem = firstProblem(
      unbracketed,
      maxHostLength,
      /[0-9A-Fa-f:.]/,
      'An IPv6 address has only hex digits and colons.',
    );
    return refuse(problem ?? 'Not a valid IPv6 address. Enter the port in the Port field, not after the host.');
  }
  return validateHostname(unbracketed);
}

/** A TCP port: a whole number 1–65535, written without leading zeros. */
export function validatePort(raw: string): Validation {
  const value = trimSpaces(raw);
  const problem = firstProblem(value, 5, /[0-9]/, 'A port is a number from 1 to 65535.');
  if (problem) return refuse(problem);
  if (value.startsWith('0') || Number(value) > 65535) return refuse('A port is a number from 1 to 65535.');
  return accept(value);
}

const pathHint = 'A path here may only use letters a–z, digits and “. _ - /”.';

/**
 * An absolute file path from a shell-inert alphabet (`A–Z a–z 0–9 . _ - /`): starts with
 * `/`, no empty, `.` or `..` parts, no trailing slash, parts of 255 characters at most
 * (Linux `NAME_MAX`), 4096 characters in all.
 */
export function validatePath(raw: string): Validation {
  const value = trimSpaces(raw);
  const problem = firstProblem(value, maxPathLength, /[A-Za-z0-9._/-]/, pathHint);
  if (problem) return refuse(problem);
  if (!value.startsWith('/')) return refuse('Enter the full path, starting with “/”.');
  const parts = value.slice(1).split('/');
  if (parts.some((part) => part === '')) return refuse('Remove the extra “/” (empty part or slash at the end).');
  if (parts.some((part) => part === '.' || part === '..')) return refuse('Write the path without “.” or “..” parts.');
  if (parts.some((part) => part.length > 255)) return refuse('A part of this path is longer than 255 characters.');
  return accept(value);
}

/** The proxy software: one of the panel's choices. */
export function validateServer(raw: string): Validation {
  return proxyServers.some((server) => server.value === raw)
    ? accept(raw)
    : refuse('Choose one of the listed servers.');
}

/** The validator for each key of the reader's setup. */
export const setupValidators: Readonly<Record<keyof ReaderSetup, (raw: string) => Validation>> = {
  domain: validateDomain,
  upstreamHost: validateHost,
  upstreamPort: validatePort,
  socket: validatePath,
  server: validateServer,
  errorLog: validatePath,
};

/** The reader's values that pass validation, normalised; unset ('') and invalid ones are left out. */
export type ValidSetup = Partial<ReaderSetup>;

/** Keeps the values of a stored setup that pass validation (stored data is never trusted). */
export function validSetup(stored: Readonly<ReaderSetup>): ValidSetup {
  const valid: ValidSetup = {};
  for (const key of Object.keys(setupValidators) as (keyof ReaderSetup)[]) {
    const raw = stored[key];
    if (typeof raw !== 'string' || raw === '') continue;
    const result = setupValidators[key](raw);
    if (result.ok) valid[key] = result.value;
  }
  return valid;
}
