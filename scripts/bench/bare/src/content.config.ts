/**
 * The bench's content folder (BENCH_CONTENT_DIR) read by a bare site: one glob
 * loader per folder, `.md` only (the sample's MDX needs Relais's components),
 * and a schema that only requires the heading field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const contentDir = process.env.BENCH_CONTENT_DIR ?? 'content';
const loader = (folder: string) => glob({ pattern: ['**/*.md', '!**/_*'], base: `${contentDir}/${folder}` });

export const collections = {
	communiques: defineCollection({ loader: loader('communiques'), schema: z.looseObject({ title: z.string() }) }),
	rencontres: defineCollection({ loader: loader('rencontres'), schema: z.looseObject({ title: z.string() }) }),
	temoignages: defineCollection({ loader: loader('temoignages'), schema: z.looseObject({ name: z.string() }) }),
};
