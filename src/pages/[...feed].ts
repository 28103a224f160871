/** Every feed file: each feed of the catalogue (`src/feeds/feeds.data.ts`) in each format, e.g. `/rss.xml`, `/communiques/atom.xml`, `/themes/industrie/feed.json`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedFile, feedKey, getFeeds } from '../feeds/feeds.data';
import { FEED_FORMAT, FEED_FORMATS, type FeedFormat } from '../feeds';

export const getStaticPaths = (async () =>
	(
		await Promise.all(
			(await getFeeds()).map(async (feed) => {
				const key = await feedKey(feed);
				return FEED_FORMATS.map(({ format, file }) => ({
					params: { feed: feed.folder ? `${feed.folder}/${file}` : file },
					props: { folder: feed.folder, format },
					cacheKey: `${key}:${format}`,
				}));
			}),
		)
	).flat()) satisfies GetStaticPaths;

interface Props {
	/** The feed's key in the catalogue. */
	folder: string;
	format: FeedFormat;
}

export const GET: APIRoute<Props> = async ({ props: { folder, format } }) =>
	new Response(await feedFile(folder, format), { headers: { 'Content-Type': `${FEED_FORMAT[format].type}; charset=utf-8` } });
