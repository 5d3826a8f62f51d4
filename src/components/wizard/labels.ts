import type { Server } from '../../wizard/tree';

/**
 * How each proxy is named on the page; the same words label the `<Tabs syncKey="server">`
 * items in fix pages, so the wizard can preselect the reader's tab.
 */
export const serverLabels: Record<Server, string> = {
  nginx: 'nginx',
  apache: 'Apache httpd',
  haproxy: 'HAProxy',
  caddy: 'Caddy',
  traefik: 'Traefik',
  kubernetes: 'Kubernetes',
  'cloud-lb': 'Cloud load balancer',
};
