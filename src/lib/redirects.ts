/**
 * Old addresses that keep working: `<content>/redirects.json` maps a path of a
 * former site (`/2021/03/15/visite/`) to the page that replaced it
 * (`/communiques/2021-03-15-visite/`), both without the base path. The
 * WordPress import writes it; the build reads it twice: as Astro `redirects`
 * (a meta-refresh page per old path, which any static host serves) and as a
 * `_redirects` file (real 301s on Netlify and Cloudflare Pages). It lives in
 * the content folder because it belongs to that content's history.
 */
import { existsSync, readFileSync } from 'node:fs';
import { withBase } from './base-links';

export const REDIRECTS_FILE = 'redirects.json';

/** Old path → new path, both root-relative, without the base path. */
export type RedirectMap = Record<string, string>;

/** A path a redirect may start from or go to: root-relative, no `[`, space, quote or `..`. */
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

/** Astro's `redirects`: the old path (Astro adds the base itself) → the new page under the base. */
export function astroRedirects(map: RedirectMap, base: string): Record<string, string> {
	return Object.fromEntries(Object.entries(map).map(([from, to]) => [from, withBase(to, base)]));
}

/** The `_redirects` file of Netlify and Cloudflare Pages: `old new 301`, one a line, both under the base. */
export function redirectsFile(map: RedirectMap, base: string): string {
	return Object.entries(map)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([from, to]) => `${encodeURI(withBase(from, base))} ${encodeURI(withBase(to, base))} 301\n`)
		.join('');
}
