/**
 * Builds the Pagefind search index as part of `npm run build`, the way
 * Starlight does: once Astro has written every page, Pagefind's Node API
 * indexes the entry pages of the output folder and writes `pagefind/` beside it.
 *
 * Pagefind reads only the entry pages (`communiques/<id>/index.html`…, one pass
 * over the collections' folders), and only elements marked
 * `data-pagefind-body`, which only pages of published entries carry (see
 * `src/pages/[collection]/[id].astro`), so lists, home, themes, navigation and
 * drafts never reach the index. Pages are handed to Pagefind as text
 * (`addHTMLFile`) rather than as a folder, so French elisions can be made
 * searchable on the way (`indexableHtml`).
 *
 * In `astro dev` there is no build output to index: the dev server serves the
 * index of the last build (if any) so the search page can still be tried.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { lookup } from 'mrmime';
import * as pagefind from 'pagefind';
import { linkTree } from '../site/files';
import { COLLECTIONS } from '../content/collections';

/** Folder of the Pagefind bundle inside the site, under the base path. */
export const PAGEFIND_FOLDER = 'pagefind';

/**
 * The entry pages of a built site, relative to it: `communiques/<id>/index.html`…
 * (the lists' further pages are `communiques/page/2/index.html`, one level deeper).
 */
async function entryPages(siteDir: string): Promise<string[]> {
	const pages = await Promise.all(
		COLLECTIONS.map(async (collection) => {
			const folders = await readdir(path.join(siteDir, collection), { withFileTypes: true }).catch(() => []);
			return folders
				.filter((folder) => folder.isDirectory() && existsSync(path.join(siteDir, collection, folder.name, 'index.html')))
				.map((folder) => path.posix.join(collection, folder.name, 'index.html'));
		}),
	);
	return pages.flat().sort();
}

/** A typographic apostrophe inside a word: the elision of `l’emploi`, `d’entreprises`, `aujourd’hui`. */
const ELISION = /(?<=\p{L})’(?=\p{L})/gu;

/**
 * A page as the index reads it: elisions with a straight apostrophe. Pagefind splits
 * words on ASCII punctuation only, so it reads « l'emploi » as « l' » + « emploi »,
 * but « l’emploi » as one word that « emploi » never finds. Excerpts then carry
 * straight apostrophes, which the search page sets back (`src/search/client.ts`).
 * Values written `&#8217;` (the facets and titles of `SearchMetadata.astro`) are
 * untouched, so filters and result titles keep their typography.
 */
export function indexableHtml(html: string): string {
	return html.replace(ELISION, "'");
}

// What mrmime (Vite's own table) lacks among the files a site serves: contact cards and icons.
// Pagefind's `.pagefind` and `.pf_*` files are gzip payloads Pagefind decompresses itself,
// so they stay plain bytes (the fallback, with no `Content-Encoding`).
const MISSING_TYPES: Readonly<Record<string, string>> = { vcf: 'text/vcard', ico: 'image/x-icon' };

/** Content type of a file by its extension, text in UTF-8; unknown files are served as bytes. */
export function mimeType(file: string): string {
	const extension = path.extname(file).slice(1).toLowerCase();
	const type = lookup(extension) ?? MISSING_TYPES[extension];
	if (!type) return 'application/octet-stream';
	return type.startsWith('text/') || type === 'application/json' ? `${type}; charset=utf-8` : type;
}

/**
 * Files Pagefind writes for its own ready-made interfaces. The search page uses
 * the JS API with its own accessible markup, so these ~430 kB are never
 * requested: removing them keeps the deployed site lean.
 */
const UNUSED_UI_FILES = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
	'pagefind-component-ui.js',
	'pagefind-component-ui.css',
	'pagefind-highlight.js',
];

/** What one indexing run did, for the build log and the figures of `docs/search.md`. */
export interface IndexReport {
	/** Pages in the index (entry pages), not HTML files read. */
	pages: number;
	/** HTML files read. */
	files: number;
	milliseconds: number;
	outputPath: string;
	/** True when the index of a previous build with the same pages was copied instead of built. */
	reused: boolean;
}

// The package exports no `package.json`: read it beside its entry point (`lib/index.js`).
const PAGEFIND_VERSION = (
	JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

/** Where indexes are kept between builds, inside Astro's cache folder (kept by the deploy workflow). */
const CACHE_FOLDER = 'relais-search';

/**
 * Indexes the entry pages of a built site (`entryPages`) into `<siteDir>/pagefind/`.
 * French is forced, entries in another language (`lang`, their own `<html lang>`) included: one index
 * (one stemmer) that the search page queries for every entry.
 * With a `cacheDir`, the index is keyed by what Pagefind is given (its version and every
 * page's indexable HTML): when no entry page changed since a previous build, that build's
 * index is copied instead of built again (the same input gives the same bytes).
 * Throws with Pagefind's own messages when indexing fails, so the build fails.
 */
export async function buildSearchIndex(siteDir: string, cacheDir?: string): Promise<IndexReport> {
	const started = performance.now();
	const files = await entryPages(siteDir);
	const texts = await Promise.all(files.map((file) => readFile(path.join(siteDir, file), 'utf8')));
	// A page without a body (a draft rendered by a preview build) is not indexed.
	const pages = files.flatMap((file, position) => {
		const html = texts[position] ?? '';
		return html.includes('data-pagefind-body') ? [{ url: `/${path.posix.dirname(file)}/`, content: indexableHtml(html) }] : [];
	});
	const outputPath = path.join(siteDir, PAGEFIND_FOLDER);
	// Fed page by page: one string of every page at once would be tens of megabytes.
	const hash = createHash('sha256').update(`${PAGEFIND_VERSION}\0fr`);
	for (const page of pages) hash.update(`\0${page.url}\0${page.content.length}\0`).update(page.content);
	const key = hash.digest('hex').slice(0, 32);
	const cached = cacheDir && path.join(cacheDir, CACHE_FOLDER, key);
	const report = async (reused: boolean): Promise<IndexReport> => {
		const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		const count = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
		return { pages: count, files: files.length, milliseconds: Math.round(performance.now() - started), outputPath, reused };
	};
	if (cached && existsSync(cached)) {
		await linkTree(cached, outputPath);
		return report(true);
	}

	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
	try {
		if (!index) throw new Error(errors.join('\n') || 'Pagefind n’a pas pu créer l’index.');
		// Sent in path order, all at once (the service answers as it goes): the index files depend on
		// the order pages arrive, and the same site must give the same bytes (an incremental build
		// equals a clean one).
		const added = await Promise.all(pages.map((page) => index.addHTMLFile(page)));
		const addErrors = added.flatMap((response) => response.errors);
		if (addErrors.length > 0) throw new Error(addErrors.join('\n'));
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
		await Promise.all(UNUSED_UI_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
	} finally {
		// The Node API talks to a Pagefind binary running as a service: stop it,
		// or the build process would stay alive after Astro is done.
		await pagefind.close();
	}
	if (cached) await keepIndex(outputPath, cached);
	return report(false);
}

/** Keeps this build's index as the only cached one (older ones are of no further use). */
async function keepIndex(outputPath: string, cached: string): Promise<void> {
	const folder = path.dirname(cached);
	const temporary = `${cached}.${process.pid}.tmp`;
	await rm(folder, { recursive: true, force: true });
	await linkTree(outputPath, temporary);
	await rename(temporary, cached);
}

/** The Astro integration, installed by `relais()` (src/relais.ts). */
export function search(): AstroIntegration {
	let outDir: string | undefined;
	let cacheDir: string | undefined;
	let base = '/';
	return {
		name: 'relais:search',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
				cacheDir = fileURLToPath(config.cacheDir);
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:server:setup': ({ server }) => {
				// Dev only: serve the index of the last `npm run build`, read-only,
				// so `/recherche/` works (on possibly stale content) while writing.
				server.middlewares.use((request, response, next) => {
					const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
					const prefix = [`${base}${PAGEFIND_FOLDER}/`, `/${PAGEFIND_FOLDER}/`].find((candidate) => pathname.startsWith(candidate));
					if (!prefix || !outDir) return next();
					const root = path.join(outDir, PAGEFIND_FOLDER);
					const file = path.join(root, pathname.slice(prefix.length));
					if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
					response.setHeader('Content-Type', mimeType(file));
					response.setHeader('Cache-Control', 'no-store');
					createReadStream(file).pipe(response);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const siteDir = fileURLToPath(dir);
				let report: IndexReport;
				try {
					report = await buildSearchIndex(siteDir, cacheDir);
				} catch (error) {
					const message = error instanceof Error ? error.message : String(error);
					throw new Error(`Index de recherche : échec de Pagefind.\n${message}`);
				}
				if (report.pages === 0) logger.warn('Index de recherche : aucune publication à indexer.');
				logger.info(
					`Index de recherche : ${report.pages} publication(s) ${report.reused ? 'reprise(s) du build précédent (aucune page indexée n’a changé)' : 'indexée(s)'} sur ${report.files} page(s) lue(s), en ${report.milliseconds} ms.`,
				);
			},
		},
	};
}
