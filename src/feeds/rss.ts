/**
 * RSS 2.0, with the full content in `content:encoded`, the feed's address and its
 * WebSub hubs in `atom:link`, and an item's event in the RSS event module
 * (`ev:startdate`, `ev:enddate`, `ev:location`: http://purl.org/rss/1.0/modules/event/).
 */
import { EVENT_NAMESPACE, eventElements } from './event';
import { latestUpdate, type FeedDescription, type FeedItem } from './types';
import { xmlAttribute, xmlElement, xmlText } from './xml';

export function serializeRss(feed: FeedDescription, items: readonly FeedItem[]): string {
	const updated = latestUpdate(items);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:ev="${EVENT_NAMESPACE}">`,
		'<channel>',
		`\t${xmlElement('title', feed.title)}`,
		`\t${xmlElement('link', feed.home)}`,
		`\t${xmlElement('description', feed.description)}`,
		`\t${xmlElement('language', feed.language)}`,
		`\t<atom:link href="${xmlAttribute(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
		...feed.hubs.map((hub) => `\t<atom:link href="${xmlAttribute(hub)}" rel="hub"/>`),
		// The newest item's date, not the build's: an unchanged feed stays byte-identical.
		...(updated ? [`\t${xmlElement('lastBuildDate', updated.toUTCString())}`] : []),
		...items.map(rssItem),
		'</channel>',
		'</rss>',
		'',
	].join('\n');
}

function rssItem(item: FeedItem): string {
	return [
		'\t<item>',
		`\t\t${xmlElement('title', item.title)}`,
		`\t\t${xmlElement('link', item.link)}`,
		`\t\t<guid isPermaLink="true">${xmlText(item.link)}</guid>`,
		`\t\t${xmlElement('description', item.summary)}`,
		`\t\t${xmlElement('pubDate', item.published.toUTCString())}`,
		`\t\t${xmlElement('content:encoded', item.contentHtml)}`,
		...item.categories.map((category) => `\t\t${xmlElement('category', category)}`),
		...eventElements(item.event).map((element) => `\t\t${element}`),
		// RSS requires a length; the image's byte size is unknown when the feed is written, and 0 is allowed.
		...(item.image ? [`\t\t<enclosure url="${xmlAttribute(item.image.url)}" length="0" type="${xmlAttribute(item.image.type)}"/>`] : []),
		'\t</item>',
	].join('\n');
}
