/**
 * Draws the social cards. Astro prerenders pages one after the other on one
 * core, so the cards are drawn by a pool of worker threads: as soon as the list
 * of cards is known (`src/pages/og/cards.json.ts`, among the first routes) on
 * every core but the one rendering pages, then, once every page is written,
 * on every core. Unchanged cards are copied from a content-hash cache that lives outside
 * the output (it survives the staging swap of `scripts/build.mjs`).
 *
 * Options from `settings.cards`: `RELAIS_CARDS_CACHE` (cache folder, default
 * `node_modules/.cache/relais-cards`), `RELAIS_CARDS_WORKERS` (thread count,
 * default one per core); `RELAIS_CARDS=off` (entries share the site card) is
 * read by `src/cards/cards.data.ts`.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { availableParallelism } from 'node:os';
import { renderCards, startCards, type CardRun, type RenderCardsOptions } from './batch.ts';
import { offerCardStart } from './early.ts';
import { DEFAULT_CACHE_DIR } from './cache.ts';
import type { CardJob } from './types.ts';
import type { ResolvedSettings } from '../settings/resolve.ts';

/** Where the pages' list of cards lands in the output; deleted once the cards exist. */
const CARD_LIST = 'og/cards.json';

/** The cards integration, installed by `relais()` (src/relais.ts). */
export function cards(options: Pick<ResolvedSettings['cards'], 'workers' | 'cacheDir'>): AstroIntegration {
	let root = process.cwd();
	let outDir = '';
	let early: Promise<CardRun> | undefined;
	const renderOptions = (): RenderCardsOptions => ({
		outDir,
		cacheDir: path.resolve(root, options.cacheDir ?? DEFAULT_CACHE_DIR),
		moduleDir: path.join(root, 'src/cards'),
		...(options.workers && { workers: options.workers }),
	});
	return {
		name: 'relais-cards',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': () => {
				early = undefined;
				offerCardStart((jobs) => {
					// One core renders pages meanwhile: draw on the others.
					early = startCards(jobs, renderOptions(), Math.max(1, (options.workers ?? availableParallelism()) - 1));
					// A failure is reported when the build waits for the cards, not as an unhandled rejection.
					early.catch(() => undefined);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				offerCardStart(undefined);
				outDir = fileURLToPath(dir);
				const listFile = path.join(outDir, CARD_LIST);
				const jobs = JSON.parse(await readFile(listFile, 'utf8')) as CardJob[];
				await rm(listFile);
				const stats = early ? await (await early).finish() : await renderCards(jobs, renderOptions());
				// One stable line: `scripts/bench.mjs` reads it.
				logger.info(
					`cartes sociales : ${stats.total} (${stats.rendered} dessinées, ${stats.reused} reprises du cache) en ${stats.ms} ms, ${stats.workers} thread(s)`,
				);
			},
		},
	};
}
