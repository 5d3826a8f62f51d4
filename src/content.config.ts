import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { layers } from './wizard/layers';

/**
 * Collections.
 * - `docs`: every page of the site (read by Starlight's routes). Loaded from the
 *   top-level `content/docs` folder; `description` is required so every page has a
 *   meta description.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        description: z.string().min(50).max(200),
        /** Set on fix pages (`fixes/*`): the wizard outcome this page resolves. */
        outcome: z
          .object({
            /** Short code shown on the page and pasted into tickets, e.g. `502-UPSTREAM-REFUSED`. */
            code: z.string().regex(/^50[0-9]-[A-Z0-9]+(?:-[A-Z0-9]+)*$/),
            /** Who the fix is for. */
            audience: z.enum(['visitor', 'admin', 'everyone']),
            /** The cause in one line, used in the fixes index and link previews. */
            cause: z.string().min(20).max(200),
            /**
             * Error-log messages that point to this fix, as the server writes them but without
             * timestamps, ids or addresses. Search ranks this page first for them (see
             * PageTitle.astro); each must appear verbatim in the page body.
             */
            logMessages: z.array(z.string().min(8).max(160)).max(12).default([]),
            /**
             * The "most likely fix" shown first on the page (QuickFix.astro): the commonest
             * cause in one sentence and the one to three commands that fix it. Each command
             * must appear verbatim in the page body (checked at build time), so it is one of
             * the page's own steps.
             */
            quickFix: z
              .object({
                text: z.string().min(20).max(240),
                commands: z
                  .array(
                    z.object({
                      /** Expressive Code language of the block, e.g. `bash` or `nginx`. */
                      lang: z.string().min(1),
                      code: z.string().min(1),
                      /** Expressive Code meta, e.g. `placeholders` or `title="nginx.conf"`. */
                      meta: z.string().optional(),
                    }),
                  )
                  .max(3)
                  .default([]),
                /**
                 * The layers the commands are written for (src/wizard/layers.ts), when they fit
                 * only some, and the anchor of the step whose tabs hold the others' commands. A
                 * reader who named another layer sees a note that sends them to that step
                 * (QuickFix.astro, which throws when the anchor is not a step heading).
                 */
                writtenFor: z
                  .object({
                    layers: z.array(z.enum(layers)).min(1),
                    step: z.string().regex(/^[a-z0-9-]+$/),
                  })
                  .optional(),
              })
              .optional(),
            /**
             * Steps that fit only some layers, by the anchor of the step's heading (e.g.
             * `ask-haproxy-for-the-rejected-response`) → the layers they fit (src/wizard/layers.ts:
             * the answers of the wizard's "Who answered with the 502?"). A reader whose answers
             * (or "Your setup" proxy) name another layer sees the step marked as not theirs, and
             * it does not count in Copy summary's "n of m" (outcome-tools.ts). Every anchor must
             * be a step heading of the page: test/unit/fix-pages.test.ts.
             */
            stepsOnlyFor: z.record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.enum(layers)).min(1)).default({}),
          })
          .optional(),
      }),
    }),
  }),
};
