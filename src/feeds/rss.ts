/**
 * RSS 2.0 through `@astrojs/rss`, with the full content in `content:encoded`, and in its
 * custom data the feed's address and WebSub hubs (`atom:link`) and an item's event in the
 * RSS event module (`ev:startdate`, `ev:enddate`, `ev:location`: http://purl.org/rss/1.0/modules/event/).
 */
import { getRssString } from '@astrojs/rss';
import { EVENT_NAMESPACE, eventElements } from './event';
import { latestUpdate, type FeedDescription, type FeedItem } from './types';
import { withoutForbidden, xmlAttribute, xmlElement } from './xml';

export function serializeRss(feed: FeedDescription, items: readonly FeedItem[]): Promise<string> {
	const updated = latestUpdate(items);
	return getRssString({
		// The library escapes text but keeps characters XML forbids, which would make the whole feed unreadable.
		title: withoutForbidden(feed.title),
		description: withoutForbidden(feed.description),
		site: feed.home,
		// Declared even for an empty feed (the library adds `content` only when an item has content), so the root never changes shape.
		xmlns: { content: 'http://purl.org/rss/1.0/modules/content/', atom: 'http://www.w3.org/2005/Atom', ev: EVENT_NAMESPACE },
		customData: [
			xmlElement('language', feed.language),
			`<atom:link href="${xmlAttribute(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
			...feed.hubs.map((hub) => `<atom:link href="${xmlAttribute(hub)}" rel="hub"/>`),
			// The newest item's date, not the build's: an unchanged feed stays byte-identical.
			...(updated ? [xmlElement('lastBuildDate', updated.toUTCString())] : []),
		].join(''),
		items: items.map((item) => ({
			title: withoutForbidden(item.title),
			link: item.link,
			description: withoutForbidden(item.summary),
			pubDate: item.published,
			content: withoutForbidden(item.contentHtml),
			categories: item.categories.map(withoutForbidden),
			// The library reads custom data back with fast-xml-parser, which turns a number-like text into a number
			// (`007` → `7`): dates are never number-like, and the location always joins place and city with « , ».
			...(item.event && { customData: eventElements(item.event).join('') }),
			// RSS requires a length; the image's byte size is unknown when the feed is written, and 0 is allowed.
			...(item.image && { enclosure: { url: item.image.url, length: 0, type: item.image.type } }),
		})),
	});
}
