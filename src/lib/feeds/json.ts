/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
import type { FeedDescription, FeedItem } from './types';

export function serializeJsonFeed(feed: FeedDescription, items: readonly FeedItem[]): string {
	const document = {
		version: 'https://jsonfeed.org/version/1.1',
		title: feed.title,
		description: feed.description,
		home_page_url: feed.home,
		feed_url: feed.urls.json,
		language: feed.language,
		authors: [{ name: feed.author.name, url: feed.author.url }],
		items: items.map((item) => ({
			id: item.link,
			url: item.link,
			title: item.title,
			summary: item.summary,
			content_html: item.contentHtml,
			date_published: item.published.toISOString(),
			date_modified: item.updated.toISOString(),
			...(item.categories.length > 0 && { tags: item.categories }),
			...(item.image && { image: item.image.url }),
		})),
	};
	return `${JSON.stringify(document, null, '\t')}\n`;
}
