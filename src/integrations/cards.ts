/**
 * Draws the social cards once Astro has written every page. Astro prerenders
 * pages one after the other, so drawing a card per endpoint would use one
 * core; here the list of cards (`og/cards.json`, emitted by
 * `src/pages/og/cards.json.ts`) is drawn by a pool of worker threads, one per
 * core, and unchanged cards are copied from a content-hash cache that lives
 * outside the output (it survives the staging swap of `scripts/build.mjs`).
 *
 * Options from `settings.cards`: `RELAIS_CARDS_CACHE` (cache folder, default
 * `node_modules/.cache/relais-cards`), `RELAIS_CARDS_WORKERS` (thread count,
 * default one per core); `RELAIS_CARDS=off` (entries share the site card) is
 * read by `src/data/cards.ts`.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderCards } from '../lib/cards/batch.ts';
import { DEFAULT_CACHE_DIR } from '../lib/cards/cache.ts';
import type { CardJob } from '../lib/cards/types.ts';
import type { ResolvedSettings } from '../lib/settings.ts';

/** Where the pages' list of cards lands in the output; deleted once the cards exist. */
export const CARD_LIST = 'og/cards.json';

/** The cards integration: add it to `integrations` in `astro.config.mjs`. */
export function cards(options: Pick<ResolvedSettings['cards'], 'workers' | 'cacheDir'>): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'relais-cards',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const listFile = path.join(outDir, CARD_LIST);
				const jobs = JSON.parse(await readFile(listFile, 'utf8')) as CardJob[];
				await rm(listFile);
				const stats = await renderCards(jobs, {
					outDir,
					cacheDir: path.resolve(root, options.cacheDir ?? DEFAULT_CACHE_DIR),
					moduleDir: path.join(root, 'src/lib/cards'),
					...(options.workers && { workers: options.workers }),
				});
				// One stable line: `scripts/bench.mjs` reads it.
				logger.info(
					`cartes sociales : ${stats.total} (${stats.rendered} dessinées, ${stats.reused} reprises du cache) en ${stats.ms} ms, ${stats.workers} thread(s)`,
				);
			},
		},
	};
}
