/**
 * The old addresses of imported content that this build redirects
 * (`<content>/redirects.json`, filtered by `liveRedirects`): the routes of the
 * redirect pages and of `_redirects` read them from here.
 */
import { settings } from '../settings/settings';
import { liveRedirects, readRedirectMap, REDIRECTS_FILE, type LiveRedirect } from './redirects';
import { COLLECTIONS, type NewsItem } from '../content/entries.data';
import { pageKey } from '../site/page-keys.data';
import { publishedEntry } from '../content/relations.data';
import { url } from '../site/site.data';

let live: Promise<Array<LiveRedirect<NewsItem>>> | undefined;

/** The redirects of this build, by old path: none leads to a draft or scheduled entry. */
export function getLiveRedirects(): Promise<Array<LiveRedirect<NewsItem>>> {
	live ??= liveRedirects(readRedirectMap(new URL(REDIRECTS_FILE, settings.contentDir)), COLLECTIONS, publishedEntry);
	return live;
}

/** What a redirect page shows. */
export type RedirectPageProps = {
	/** The new page, under the base path. */
	href: string;
	/** The new page, absolute. */
	canonical: string;
	/** The new entry's title, or its address when it is no entry. */
	label: string;
};

/**
 * A page per live redirect, at its old path (`/2021/03/15/visite/`). Its key covers the
 * target entry (its title and status: a target that stops being published takes its
 * redirect away), and the target path.
 */
export async function redirectPages() {
	return (await getLiveRedirects()).map(({ from, to, entry }) => {
		const props: RedirectPageProps = { href: url.path(to), canonical: url.absolute(to), label: entry?.title ?? url.path(to) };
		return { params: { redirect: from.replace(/^\/+|\/+$/g, '') || undefined }, props, cacheKey: pageKey([entry], to) };
	});
}

/** The key of `_redirects`: the pairs it lists. */
export async function redirectsFileKey(): Promise<string> {
	return pageKey(
		[],
		(await getLiveRedirects()).map(({ from, to }) => [from, to]),
	);
}
