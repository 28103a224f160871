/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with WebSub hubs in `hubs` and an
 * item's event in the `_event` extension object (see docs/feeds.md).
 */
import type { FeedDescription, FeedEvent, FeedItem } from './types';

export function serializeJsonFeed(feed: FeedDescription, items: readonly FeedItem[]): string {
	const document = {
		version: 'https://jsonfeed.org/version/1.1',
		title: feed.title,
		description: feed.description,
		home_page_url: feed.home,
		feed_url: feed.urls.json,
		language: feed.language,
		authors: [{ name: feed.author.name, url: feed.author.url }],
		...(feed.hubs.length > 0 && { hubs: feed.hubs.map((url) => ({ type: 'WebSub', url })) }),
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
			...(item.event && { _event: jsonEvent(item.event) }),
		})),
	};
	return `${JSON.stringify(document, null, '\t')}\n`;
}

function jsonEvent(event: FeedEvent) {
	return {
		start: event.start,
		...(event.end && { end: event.end }),
		all_day: event.allDay,
		place: event.place,
		...(event.address && { address: event.address }),
		city: event.city,
		calendar_url: event.calendar,
	};
}
