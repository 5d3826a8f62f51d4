/**
 * The layers a reader can name as the one that answered with the 502: the answers of the
 * wizard's "Who answered with the 502?" question (`proxy` in content/wizard/tree.yaml; "Not
 * sure" left out), with how a page names each. Fix pages use them to mark steps that fit
 * only some layers (`outcome.stepsOnlyFor` in src/content.config.ts);
 * test/unit/fix-pages.test.ts checks the list against the tree.
 */
export const layerNames = {
  nginx: 'nginx',
  apache: 'Apache httpd',
  haproxy: 'HAProxy',
  caddy: 'Caddy',
  traefik: 'Traefik',
  'k8s-ingress': 'a Kubernetes ingress (ingress-nginx)',
  mesh: 'a service mesh',
  'cloud-lb': 'a cloud load balancer',
  'api-gateway': 'an API gateway',
  cloudflare: 'Cloudflare',
  'other-cdn': 'another CDN',
  platform: 'a hosting platform',
} as const;

/** A layer's id: an answer slug of the `proxy` question. */
export type Layer = keyof typeof layerNames;

/** Every layer id, in the order of {@link layerNames}. */
export const layers = Object.keys(layerNames) as [Layer, ...Layer[]];

/**
 * The layers as a page names them in a sentence: "nginx", "nginx or HAProxy",
 * "nginx, Caddy or HAProxy".
 *
 * @param ids - Layer ids, at least one.
 */
export function layerList(ids: readonly Layer[]): string {
  const names = ids.map((id) => layerNames[id]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
