import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

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
      }),
    }),
  }),
};
