/**
 * Snippets for platforms the lab cannot run (Kubernetes manifests, Traefik dynamic config,
 * cloud CLI JSON) must at least parse: every ```yaml fence of content/docs with the `yaml`
 * package (several documents separated by `---` allowed), every ```json fence with
 * `JSON.parse`. A failure names the page and the line of the error in the page.
 */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { docsPages, fencesOf, type Fence } from '../support/fences.ts';

const fences = docsPages().flatMap((page) => fencesOf(page));

/** The parse errors of `code` as YAML, each with its line in the fence (1-based). */
function yamlErrors(code: string): { line: number; message: string }[] {
  return parseAllDocuments(code, { prettyErrors: true }).flatMap((document) =>
    document.errors.map((error) => ({ line: error.linePos?.[0]?.line ?? 1, message: error.message })),
  );
}

/** The parse error of `code` as JSON with its line in the fence (1-based), or undefined. */
function jsonError(code: string): { line: number; message: string } | undefined {
  try {
    JSON.parse(code);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    const position = /position (\d+)/.exec(message)?.[1];
    const fromPosition = position === undefined ? 1 : code.slice(0, Number(position)).split('\n').length;
    return { line: line === undefined ? fromPosition : Number(line), message };
  }
}

/** `page:line` of the error: the fence's opening line plus the line inside the fence. */
function where(fence: Fence, line: number): string {
  return `content/docs/${fence.page}:${fence.line + line}`;
}

describe('platform snippets parse', () => {
  const yamlFences = fences.filter((fence) => fence.language === 'yaml' || fence.language === 'yml');
  const jsonFences = fences.filter((fence) => fence.language === 'json');

  it('finds yaml and json fences in content/docs', () => {
    expect(yamlFences.length).toBeGreaterThan(10);
    expect(jsonFences.length).toBeGreaterThan(0);
  });

  for (const fence of yamlFences) {
    it(`${fence.page}:${fence.line} is YAML`, () => {
      const errors = yamlErrors(fence.code).map((error) => `${where(fence, error.line)}: ${error.message}`);
      expect(errors, fence.code).toEqual([]);
    });
  }

  for (const fence of jsonFences) {
    it(`${fence.page}:${fence.line} is JSON`, () => {
      const error = jsonError(fence.code);
      expect(error && `${where(fence, error.line)}: ${error.message}`, fence.code).toBeUndefined();
    });
  }
});

describe('the parse checks', () => {
  it('find the line of a YAML error: a tab before a key', () => {
    const errors = yamlErrors('apiVersion: v1\nkind: Service\nmetadata:\n\tname: app\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.line).toBe(4);
  });

  it('accept several YAML documents', () => {
    expect(yamlErrors('kind: Service\n---\nkind: Ingress\n')).toEqual([]);
  });

  it('find the line of a JSON error: a trailing comma', () => {
    expect(jsonError('{\n  "value": 300,\n}')?.line).toBe(3);
  });
});
