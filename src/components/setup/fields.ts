/**
 * The text fields of the "Your setup" panel, in display order. Read by SetupPanel.astro
 * (markup) and setup-panel.ts (behaviour); `key` is the store key each one writes.
 */
import { errorLogDefaults, setupDefaults } from '../../setup/defaults';
import type { ReaderSetup } from '../../setup/store';

/** One text field of the panel. */
export interface SetupField {
  key: Exclude<keyof ReaderSetup, 'server'>;
  label: string;
  hint: string;
  /** The example shown greyed out while the field is empty. */
  example: string;
  inputmode: 'url' | 'numeric' | 'text';
  /** The fieldset the field sits in. */
  group: 'site' | 'upstream';
}

/** The panel's text fields (the proxy software select sits between the two groups). */
export const setupFields: readonly SetupField[] = [
  {
    key: 'domain',
    label: 'Site domain',
    hint: 'The name in your site’s address, without https://.',
    example: setupDefaults.domain,
    inputmode: 'url',
    group: 'site',
  },
  {
    key: 'errorLog',
    label: 'Error log',
    hint: errorLogHint('nginx', errorLogDefaults.nginx),
    example: errorLogDefaults.nginx!,
    inputmode: 'text',
    group: 'site',
  },
  {
    key: 'upstreamHost',
    label: 'Upstream host',
    hint: 'IP address or name the proxy connects to (IPv6 without brackets).',
    example: setupDefaults.upstreamHost,
    inputmode: 'url',
    group: 'upstream',
  },
  {
    key: 'upstreamPort',
    label: 'Upstream port',
    hint: 'A number from 1 to 65535.',
    example: setupDefaults.upstreamPort,
    inputmode: 'numeric',
    group: 'upstream',
  },
  {
    key: 'socket',
    label: 'Unix socket',
    hint: 'Only if the proxy talks to the app through a socket, as with PHP-FPM.',
    example: setupDefaults.socket,
    inputmode: 'text',
    group: 'upstream',
  },
];

/** The error-log hint for a server, e.g. `Default for HAProxy: /var/log/haproxy.log.` */
export function errorLogHint(serverLabel: string, path: string | undefined): string {
  return path
    ? `Your proxy’s error log. Default for ${serverLabel}: ${path}.`
    : `${serverLabel} has no default log file here; enter yours, or leave empty. Log commands on these pages are for nginx, Apache httpd and HAProxy.`;
}
