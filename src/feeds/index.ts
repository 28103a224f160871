/**
 * Feed writers: pure functions from a plain feed description and plain items to
 * the text of an RSS 2.0, Atom 1.0 or JSON Feed 1.1 file, and the rule deciding
 * which items a feed carries (count limit and byte budget, the same in every format).
 *
 * RSS goes through `@astrojs/rss`. Atom and JSON Feed are written here because no
 * maintained writer keeps what they carry: `feed` (jpmonette, 6.0) writes one hub only,
 * no extension element in an Atom entry (so no event), JSON Feed 1 without `language` nor
 * `authors`, and derives an enclosure's type from its file name; `feedsmith` (3.0) has no
 * event namespace for Atom, and its JSON Feed writer only adds the version to the object
 * we build, while the tests use it as the independent reader of our JSON Feed.
 */
import { serializeAtom } from './atom';
import { serializeJsonFeed } from './json';
import { serializeRss } from './rss';
import type { FeedDescription, FeedFormat, FeedItem } from './types';
import { xmlAttribute, xmlText } from './xml';

export type { FeedDescription, FeedEvent, FeedFormat, FeedItem } from './types';

/** File name, MIME type and name of each format. */
export const FEED_FORMAT: Readonly<Record<FeedFormat, { file: string; type: string; label: string }>> = {
	rss: { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
	atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
	json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
};

/** Every format, in the order pages list them. */
export const FEED_FORMATS = (['rss', 'atom', 'json'] as const).map((format) => ({ format, ...FEED_FORMAT[format] }));

/** Largest size of a feed file, in bytes: readers and aggregators commonly refuse or truncate bigger feeds. */
export const FEED_BYTE_BUDGET = 1_000_000;

const SERIALIZERS: Record<FeedFormat, (feed: FeedDescription, items: readonly FeedItem[]) => string | Promise<string>> = {
	rss: serializeRss,
	atom: serializeAtom,
	json: serializeJsonFeed,
};

/** The text of one feed file. */
export async function serializeFeed(format: FeedFormat, feed: FeedDescription, items: readonly FeedItem[]): Promise<string> {
	return SERIALIZERS[format](feed, items);
}

export interface FeedBounds {
	/** Most items a feed carries. */
	limit: number;
	/** Largest size of the feed's file in any format, in bytes. */
	maxBytes: number;
	/** Text of the link that ends an abridged item. Example: « Lire la suite ». */
	readMore: string;
}

/**
 * The items a feed carries, in every format: the newest `limit` of `items` (newest
 * first); an item too large to fit the budget even alone keeps only its summary and
 * a link to its page (so one huge entry never hides the others); then the oldest
 * are dropped until every format's file fits `maxBytes`. At least one item is kept.
 */
export async function fitFeed(
	feed: FeedDescription,
	items: readonly FeedItem[],
	{ limit, maxBytes, readMore }: FeedBounds,
): Promise<FeedItem[]> {
	const fits = async (candidate: readonly FeedItem[]) => {
		for (const { format } of FEED_FORMATS) {
			if (Buffer.byteLength(await serializeFeed(format, feed, candidate)) > maxBytes) return false;
		}
		return true;
	};
	const newest = items.slice(0, limit);
	if (await fits(newest)) return newest;
	const bounded: FeedItem[] = [];
	for (const item of newest) bounded.push((await fits([item])) ? item : abridge(item, readMore));
	// A file grows with every item added: search the largest count that fits.
	let low = 1;
	let high = bounded.length;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (await fits(bounded.slice(0, middle))) low = middle;
		else high = middle - 1;
	}
	return bounded.slice(0, low);
}

/** The item with its lead, its summary and a link to its page in place of its full content. */
function abridge(item: FeedItem, readMore: string): FeedItem {
	// HTML escapes text and double-quoted attributes as XML does.
	return {
		...item,
		contentHtml: `${item.leadHtml}<p>${xmlText(item.summary)}</p><p><a href="${xmlAttribute(item.link)}">${xmlText(readMore)}</a></p>`,
	};
}
