/**
 * Runs axe-core (https://github.com/dequelabs/axe-core) in a page driven by
 * playwright-core. axe's source is evaluated in the page (no file is served,
 * so nothing of it is subject to the site's CSP), then `axe.run` checks the
 * WCAG 2.1 A/AA rules plus the best-practice rules about structure (landmarks,
 * heading order, one `<h1>`, skip link). Also lists the page types of a
 * built site that the browser tests visit.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { COLLECTIONS } from '../../src/content/collections';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Best-practice rules (not WCAG criteria in axe) that the issue asks for too. */
export const STRUCTURE_RULES = [
	'heading-order',
	'page-has-heading-one',
	'landmark-one-main',
	'landmark-unique',
	'landmark-no-duplicate-banner',
	'landmark-no-duplicate-contentinfo',
	'landmark-no-duplicate-main',
	'landmark-banner-is-top-level',
	'landmark-contentinfo-is-top-level',
	'landmark-main-is-top-level',
	'region',
	'skip-link',
	'empty-heading',
];

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	/** One line per failing node: its selector and axe's summary. */
	nodes: string[];
}

/** Runs axe on the current document and returns its violations, readably. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	const hasAxe = await page.evaluate(() => 'axe' in window);
	if (!hasAxe) await page.evaluate(AXE_SOURCE);
	return page.evaluate(
		async ({ tags, rules }) => {
			type Result = {
				id: string;
				impact: string | null;
				help: string;
				tags: string[];
				nodes: Array<{ target: unknown[]; failureSummary?: string }>;
			};
			const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Result[] }> } }).axe;
			const { violations } = await axe.run(document, {
				runOnly: { type: 'tag', values: [...tags, 'best-practice'] },
				resultTypes: ['violations'],
			});
			return violations
				.filter((violation) => violation.tags.some((tag) => tags.includes(tag)) || rules.includes(violation.id))
				.map((violation) => ({
					id: violation.id,
					impact: violation.impact,
					help: violation.help,
					nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`),
				}));
		},
		{ tags: WCAG_TAGS, rules: STRUCTURE_RULES },
	);
}

/** Violations as text, for an assertion message that says what to fix. */
export function describeViolations(violations: AxeViolation[]): string {
	return violations
		.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.join('\n  ')}`)
		.join('\n');
}

/** Sub-folders of `folder` of the output that hold a page, as paths relative to the home. */
function pagesUnder(outDir: string, folder: string): string[] {
	const full = path.join(outDir, folder);
	if (!existsSync(full)) return [];
	return readdirSync(full, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name !== 'page' && existsSync(path.join(full, entry.name, 'index.html')))
		.map((entry) => `${folder}/${entry.name}/`)
		.sort();
}

function first(list: string[], what: string): string {
	if (!list[0]) throw new Error(`the built content has no ${what}`);
	return list[0];
}

/** The page of the first published `.mdx` entry of `content`. */
function mdxEntry(outDir: string, content: string): string {
	for (const collection of COLLECTIONS) {
		const folder = path.join(content, collection);
		if (!existsSync(folder)) continue;
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const id =
				entry.isFile() && entry.name.endsWith('.mdx')
					? entry.name.slice(0, -4)
					: entry.isDirectory() && existsSync(path.join(folder, entry.name, 'index.mdx'))
						? entry.name
						: undefined;
			if (id && existsSync(path.join(outDir, collection, id, 'index.html'))) return `${collection}/${id}/`;
		}
	}
	throw new Error('the built content has no published MDX entry');
}

/**
 * Every page type of a site built from `content` (the sample content has them
 * all), as [label, path relative to the home]: the pages the accessibility,
 * privacy and CSP tests visit. Optional sections (agenda, feeds, press,
 * people, organisations, the photo library and an entry with photos, a second
 * list page) are included when built.
 */
export function pageTypes(outDir: string, content: string, query: string): Array<[string, string]> {
	const under = (folder: string) => pagesUnder(outDir, folder);
	const pages: Array<[string, string]> = [
		['home', ''],
		['communiqués list', 'communiques/'],
		['rencontres list', 'rencontres/'],
		['témoignages list', 'temoignages/'],
		// Press coverage: grouped by year, with outbound links.
		['retombées list', 'retombees/'],
		// The communiqué with a cover image, an event and press-kit files is the richest page.
		[
			'communiqué',
			first(
				[...under('communiques').filter((page) => existsSync(path.join(outDir, page, 'fichiers'))), ...under('communiques')],
				'communiqué',
			),
		],
		['rencontre', first(under('rencontres').reverse(), 'rencontre')],
		['témoignage', first(under('temoignages'), 'témoignage')],
		['retombée', first(under('retombees'), 'retombée')],
		['MDX entry', mdxEntry(outDir, content)],
		['themes index', 'themes/'],
		['theme', first(under('themes'), 'theme')],
		['archives index', 'archives/'],
		['archives year', first(under('archives'), 'year')],
		['search with results', `recherche/?q=${encodeURIComponent(query)}`],
		['404', 'page-qui-n-existe-pas/'],
		['accessibilité', 'accessibilite/'],
		['mentions légales', 'mentions-legales/'],
		['données personnelles', 'donnees-personnelles/'],
	];
	for (const optional of ['agenda', 'flux', 'presse', 'personnes', 'organisations']) {
		if (!existsSync(path.join(outDir, optional, 'index.html'))) continue;
		pages.push([`${optional} index`, `${optional}/`]);
		const one = under(optional)[0];
		if (one) pages.push([optional, one]);
	}
	if (existsSync(path.join(outDir, 'photos', 'index.html'))) {
		pages.push(['photothèque', 'photos/']);
		const filter = [...under('photos/villes'), ...under('photos/themes')][0];
		if (filter) pages.push(['photothèque filtered', filter]);
		const withPhotos = [...under('rencontres'), ...under('communiques')].find((page) => existsSync(path.join(outDir, page, 'photos')));
		if (withPhotos) pages.push(['entry with photos', withPhotos]);
	}
	if (existsSync(path.join(outDir, 'communiques/page/2/index.html'))) pages.push(['list page 2', 'communiques/page/2/']);
	return pages;
}
