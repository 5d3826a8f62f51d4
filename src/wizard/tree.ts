/**
 * The wizard's decision tree: its types, its zod schema and the graph checks that make a
 * broken tree fail the build. Pure TypeScript: runs in the build and in unit tests. The
 * browser only imports its types.
 */
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';

/** Proxy software or platform an answer can record; keys of an answer's `examples`. */
export const servers = ['nginx', 'apache', 'haproxy', 'caddy', 'traefik', 'kubernetes', 'cloud-lb'] as const;
export type Server = (typeof servers)[number];

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase words joined by "-"');

const answerSchema = z
  .object({
    /** URL segment; published, so never change it. */
    slug: id,
    label: z.string().min(1),
    next: id.optional(),
    outcome: id.optional(),
    server: z.enum(servers).optional(),
    examples: z.partialRecord(z.enum(servers), z.array(z.string().min(1)).min(1)).optional(),
    /** What anyone can see that means "pick this answer" (an error page, a header), whatever the server. */
    signs: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

const nodeSchema = z
  .object({
    id,
    question: z.string().min(1),
    /** A few words naming the question in the "answers so far" list. */
    short: z.string().min(1),
    help: z.string().min(1),
    why: z.string().min(1),
    /** Show the "paste an error-log line" box at this question. */
    paste: z.boolean().optional(),
    /**
     * A check to copy (one bash command line). Written with the site's defaults
     * (`example.com`, `127.0.0.1:8080`): the page shows the reader's own values from "Your setup".
     */
    command: z.string().min(1).optional(),
    /** Where to look, one place per item (shown as a list under the help). */
    places: z.array(z.string().min(1)).min(1).optional(),
    answers: z.array(answerSchema).min(2),
  })
  .strict();

const followUpSchema = z.object({ outcome: id, reason: z.string().min(10) }).strict();

const outcomeSchema = z
  .object({
    id,
    followUps: z.array(followUpSchema).optional(),
  })
  .strict();

/**
 * How a path published by an earlier tree maps onto this one: each run of slugs equal to
 * `replace` is replaced by `with` (see {@link import('./paths').migrateSegments}).
 */
const retiredSchema = z
  .object({
    replace: z.array(id).min(1),
    with: z.array(id),
  })
  .strict();

/** Schema of `content/wizard/tree.yaml`. */
export const treeSchema = z
  .object({
    /** The tree's version, shown in copied summaries, reports and the fixes index. */
    version: z.number().int().positive(),
    root: id,
    /** The outcome tried when nothing else fits; it has no follow-ups of its own. */
    lastResort: id,
    nodes: z.array(nodeSchema).min(1),
    outcomes: z.array(outcomeSchema).min(1),
    /** Rewrites of paths published by earlier versions; empty when nothing moved. */
    retired: z.array(retiredSchema).default([]),
  })
  .strict();

export type Tree = z.infer<typeof treeSchema>;
export type TreeNode = Tree['nodes'][number];
export type Answer = TreeNode['answers'][number];
export type OutcomeEntry = Tree['outcomes'][number];

/** A tree that does not pass the schema or the graph checks. `problems` lists each one. */
export class TreeError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[], source = 'content/wizard/tree.yaml') {
    super(
      `[wizard] ${source} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n` +
        'Hint: fix each node or outcome named above in content/wizard/tree.yaml (see the comment at its top).',
    );
    this.problems = problems;
    this.name = 'TreeError';
  }
}

/**
 * Checks a parsed tree's graph: unique ids and slugs, every answer leading to exactly one
 * thing that exists, no cycle, no unreachable node, every outcome a fix page that exists
 * and every fix page reachable.
 *
 * @param tree - A tree that passed {@link treeSchema}.
 * @param fixPageIds - Slugs of the fix pages in `content/docs/fixes/` (e.g. `upstream-refused`).
 * @returns The problems found, one sentence each naming the node or outcome; empty when valid.
 */
export function findTreeProblems(tree: Tree, fixPageIds: readonly string[]): string[] {
  const problems: string[] = [];
  const nodeIds = new Set<string>();
  for (const node of tree.nodes) {
    if (nodeIds.has(node.id)) problems.push(`node "${node.id}": the id is used twice`);
    nodeIds.add(node.id);
  }
  const outcomeIds = new Set<string>();
  for (const outcome of tree.outcomes) {
    if (outcomeIds.has(outcome.id)) problems.push(`outcome "${outcome.id}": listed twice`);
    if (nodeIds.has(outcome.id)) problems.push(`outcome "${outcome.id}": a node has the same id`);
    outcomeIds.add(outcome.id);
  }
  if (!nodeIds.has(tree.root)) problems.push(`root "${tree.root}": no node has this id`);

  for (const node of tree.nodes) {
    const slugs = new Set<string>();
    for (const answer of node.answers) {
      const where = `node "${node.id}", answer "${answer.slug}"`;
      if (slugs.has(answer.slug)) problems.push(`${where}: the slug is used twice in this node`);
      slugs.add(answer.slug);
      if ((answer.next === undefined) === (answer.outcome === undefined)) {
        problems.push(`${where}: needs exactly one of "next" or "outcome"`);
      }
      if (answer.next !== undefined && !nodeIds.has(answer.next)) {
        problems.push(`${where}: leads to node "${answer.next}", which does not exist`);
      }
      if (answer.outcome !== undefined && !outcomeIds.has(answer.outcome)) {
        problems.push(`${where}: leads to outcome "${answer.outcome}", which is not listed in outcomes`);
      }
    }
  }

  const fixPages = new Set(fixPageIds);
  for (const outcome of tree.outcomes) {
    if (!fixPages.has(outcome.id)) {
      problems.push(`outcome "${outcome.id}": no fix page content/docs/fixes/${outcome.id}.mdx`);
    }
  }
  for (const page of fixPageIds) {
    if (!outcomeIds.has(page)) problems.push(`fix page "fixes/${page}": not listed in outcomes`);
  }

  problems.push(
    ...findFollowUpProblems(tree, outcomeIds),
    ...findCycles(tree, nodeIds),
    ...findUnreachable(tree, nodeIds, outcomeIds),
  );
  return problems;
}

/**
 * Follow-ups ("still seeing 502?") must name other outcomes that exist, once each; every
 * outcome but the last resort needs at least one, and the last resort has none.
 */
function findFollowUpProblems(tree: Tree, outcomeIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (!outcomeIds.has(tree.lastResort)) problems.push(`lastResort "${tree.lastResort}": not listed in outcomes`);
  for (const outcome of tree.outcomes) {
    const where = `outcome "${outcome.id}"`;
    const followUps = outcome.followUps ?? [];
    if (outcome.id === tree.lastResort) {
      if (followUps.length > 0) problems.push(`${where}: is the last resort, so it cannot have follow-ups`);
      continue;
    }
    if (followUps.length === 0) problems.push(`${where}: has no follow-up (add at least one)`);
    const seen = new Set<string>();
    for (const followUp of followUps) {
      if (followUp.outcome === outcome.id) problems.push(`${where}: lists itself as a follow-up`);
      else if (!outcomeIds.has(followUp.outcome)) {
        problems.push(`${where}: follow-up "${followUp.outcome}" is not an outcome`);
      }
      if (seen.has(followUp.outcome)) problems.push(`${where}: follow-up "${followUp.outcome}" is listed twice`);
      seen.add(followUp.outcome);
    }
  }
  return problems;
}

/** Depth-first search for an answer that leads back to a node on the current path. */
function findCycles(tree: Tree, nodeIds: ReadonlySet<string>): string[] {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const state = new Map<string, 'open' | 'done'>();
  const problems: string[] = [];
  const visit = (nodeId: string, trail: string[]): void => {
    state.set(nodeId, 'open');
    for (const answer of byId.get(nodeId)?.answers ?? []) {
      const next = answer.next;
      if (next === undefined || !nodeIds.has(next)) continue;
      if (state.get(next) === 'open') {
        problems.push(
          `node "${nodeId}", answer "${answer.slug}": makes a cycle ${[...trail, nodeId, next].join(' → ')}`,
        );
      } else if (!state.has(next)) {
        visit(next, [...trail, nodeId]);
      }
    }
    state.set(nodeId, 'done');
  };
  for (const node of tree.nodes) if (!state.has(node.id)) visit(node.id, []);
  return problems;
}

/** Nodes and outcomes that no chain of answers from the root reaches. */
function findUnreachable(tree: Tree, nodeIds: ReadonlySet<string>, outcomeIds: ReadonlySet<string>): string[] {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const seenNodes = new Set<string>();
  const seenOutcomes = new Set<string>();
  const queue = nodeIds.has(tree.root) ? [tree.root] : [];
  while (queue.length > 0) {
    const nodeId = queue.shift()!;
    if (seenNodes.has(nodeId)) continue;
    seenNodes.add(nodeId);
    for (const answer of byId.get(nodeId)?.answers ?? []) {
      if (answer.next !== undefined && nodeIds.has(answer.next)) queue.push(answer.next);
      if (answer.outcome !== undefined) seenOutcomes.add(answer.outcome);
    }
  }
  return [
    ...[...nodeIds]
      .filter((nodeId) => !seenNodes.has(nodeId))
      .map((nodeId) => `node "${nodeId}": unreachable from the root`),
    ...[...outcomeIds]
      .filter((outcomeId) => !seenOutcomes.has(outcomeId))
      .map((outcomeId) => `outcome "${outcomeId}": no answer leads to it`),
  ];
}

/**
 * Parses and validates the tree's YAML.
 *
 * @param yamlText - The text of `content/wizard/tree.yaml`.
 * @param fixPageIds - Slugs of the fix pages that exist.
 * @returns The validated tree.
 * @throws {TreeError} When the YAML does not parse, does not match {@link treeSchema}, or
 *   fails a graph check; the message names each node or outcome and the reason.
 */
export function parseTree(yamlText: string, fixPageIds: readonly string[]): Tree {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new TreeError([`not valid YAML: ${(error as Error).message}`]);
  }
  const result = treeSchema.safeParse(raw);
  if (!result.success) {
    throw new TreeError(result.error.issues.map((issue) => `${describePath(raw, issue.path)}: ${issue.message}`));
  }
  const problems = findTreeProblems(result.data, fixPageIds);
  if (problems.length > 0) throw new TreeError(problems);
  return result.data;
}

/** Turns a zod issue path into words naming the node ("node \"log\", answers[2].label"). */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  const [section, index, ...rest] = path;
  if ((section === 'nodes' || section === 'outcomes') && typeof index === 'number') {
    const entry = (raw as Record<string, { id?: unknown }[]>)[section]?.[index];
    const name = typeof entry?.id === 'string' ? `"${entry.id}"` : `#${index + 1}`;
    const kind = section === 'nodes' ? 'node' : 'outcome';
    return rest.length > 0 ? `${kind} ${name}, ${rest.join('.')}` : `${kind} ${name}`;
  }
  return path.length > 0 ? path.join('.') : 'the file';
}
