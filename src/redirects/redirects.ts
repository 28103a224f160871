/**
 * Old addresses that keep working: `<content>/redirects.json` maps a path of a
 * former site (`/2021/03/15/visite/`) to the page that replaced it
 * (`/communiques/2021-03-15-visite/`), both without the base path. The
 * WordPress import writes it; the build turns it into a meta-refresh page per
 * old path (`src/pages/[...redirect].astro`, which any static host serves) and
 * a `_redirects` file (real 301s on Netlify and Cloudflare Pages), both only for
 * the redirects that are live in this build (`liveRedirects`). It lives in the
 * content folder because it belongs to that content's history.
 */
import { existsSync, readFileSync } from 'node:fs';
import { withBase } from '../site/base-links';

export const REDIRECTS_FILE = 'redirects.json';

/** Old path → new path, both root-relative, without the base path. */
export type RedirectMap = Record<string, string>;

/** A path a redirect may start from or go to: root-relative (not `//`), without spaces, quotes, brackets, `<>`, `?`, `#` (nor `..`, checked apart). */
const SAFE_PATH = /^\/(?!\/)[^\s[\]"'<>?#]*$/;

/** The map in `json`, every pair checked; throws a French message naming the bad pair. */
export function parseRedirectMap(json: string): RedirectMap {
	const data: unknown = JSON.parse(json);
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new Error(`${REDIRECTS_FILE} : un objet { "ancienne adresse": "nouvelle adresse" } est attendu.`);
	}
	const map: RedirectMap = {};
	for (const [from, to] of Object.entries(data)) {
		if (typeof to !== 'string' || !SAFE_PATH.test(from) || !SAFE_PATH.test(to) || from.includes('..') || to.includes('..')) {
			throw new Error(
				`${REDIRECTS_FILE} : la redirection « ${from} » → « ${String(to)} » est invalide (deux chemins commençant par « / » sont attendus).`,
			);
		}
		map[from] = to;
	}
	return map;
}

/** The map of the content folder, empty when it has none. */
export function readRedirectMap(file: string | URL): RedirectMap {
	return existsSync(file) ? parseRedirectMap(readFileSync(file, 'utf8')) : {};
}

/** A redirect this build emits. */
export interface LiveRedirect<Entry> {
	/** The old path, without the base path. */
	from: string;
	/** The new path, without the base path. */
	to: string;
	/** The published entry whose page `to` is; none when `to` is no entry page. */
	entry?: Entry;
}

/** The entry whose page `path` is (`/communiques/x/` → `communiques`, `x`), when its first segment is one of `collections`. */
export function entryOfPage<Collection extends string>(
	path: string,
	collections: readonly Collection[],
): { collection: Collection; id: string } | undefined {
	const [, collection = '', id = ''] = /^\/([^/]+)\/([^/]+)\/?$/.exec(path) ?? [];
	const known = collections.find((name) => name === collection);
	return known ? { collection: known, id: decodeSafely(id) } : undefined;
}

/**
 * The redirects of `map` this build emits, by old path. One to an entry page only
 * while `findPublished` (the publishing rule) finds the entry: the redirect of a draft
 * or scheduled entry would lead to no page and reveal its address, so it waits for the
 * build that publishes the entry. One to any other path is kept as it is.
 */
export async function liveRedirects<Collection extends string, Entry>(
	map: RedirectMap,
	collections: readonly Collection[],
	findPublished: (collection: Collection, id: string) => Promise<Entry | undefined>,
): Promise<Array<LiveRedirect<Entry>>> {
	const redirects = await Promise.all(
		Object.entries(map)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(async ([from, to]): Promise<LiveRedirect<Entry> | undefined> => {
				const page = entryOfPage(to, collections);
				if (!page) return { from, to };
				const entry = await findPublished(page.collection, page.id);
				return entry === undefined ? undefined : { from, to, entry };
			}),
	);
	return redirects.filter((redirect) => redirect !== undefined);
}

/** The `_redirects` file of Netlify and Cloudflare Pages: `old new 301`, one a line, both under the base. */
export function redirectsFile(redirects: ReadonlyArray<LiveRedirect<unknown>>, base: string): string {
	return redirects.map(({ from, to }) => `${encodeURI(withBase(from, base))} ${encodeURI(withBase(to, base))} 301\n`).join('');
}

/**
 * The pathnames of the old addresses' pages as the sitemap writes them
 * (`/presse/2021/03/visite/`): a page that only sends visitors on is no page to index.
 */
export function oldAddressPathnames(map: RedirectMap, base: string): Set<string> {
	return new Set(Object.keys(map).map((from) => new URL(withBase(from.replace(/\/?$/, '/'), base), 'https://site.invalid').pathname));
}

function decodeSafely(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
}
