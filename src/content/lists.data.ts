/**
 * Paginated lists of entries (a collection, a theme, a year): `settings.pageSize`
 * entries per page, the first page at the list's own URL, then `page/2/`…
 */
import { settings } from '../settings/settings';
import { paginate } from '../site/pagination';
import type { NewsItem } from './entries.data';
import { pageKey } from '../site/page-keys.data';
import { url } from '../site/site.data';

/**
 * The pages of a list as static paths: the `page` param (`undefined` for the first),
 * the props (`shared`, the page's entries, its number and the page count) and the
 * cache key (the entries shown and every prop).
 */
export function listPages<Shared extends object>(items: NewsItem[], shared: Shared) {
	const pages = paginate(items, settings.pageSize);
	return pages.map((page) => ({
		page: page.number === 1 ? undefined : `page/${page.number}`,
		props: { ...shared, items: page.items, current: page.number, total: pages.length },
		cacheKey: pageKey(page.items, shared, page.number, pages.length),
	}));
}

/** The URL of page `number` of the list at `folder` (`['themes', 'industrie']`). */
export const listPageHref = (folder: Array<string | number>, number: number) =>
	number === 1 ? url.path(...folder) : url.path(...folder, 'page', number);
