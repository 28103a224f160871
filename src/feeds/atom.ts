/** Atom 1.0 (RFC 4287), with WebSub hubs as `<link rel="hub">` and an entry's event in the RSS event module (extension elements). */
import { EVENT_NAMESPACE, eventElements } from './event';
import { latestUpdate, type FeedDescription, type FeedItem } from './types';
import { xmlAttribute, xmlElement, xmlText } from './xml';

// Atom requires `updated`; an empty feed has no item to take it from, and the build's clock would change it on every build.
const EPOCH = new Date(0);

export function serializeAtom(feed: FeedDescription, items: readonly FeedItem[]): string {
	const author = atomAuthor(feed.author);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ev="${EVENT_NAMESPACE}" xml:lang="${xmlAttribute(feed.language)}">`,
		`\t${xmlElement('id', feed.urls.atom)}`,
		`\t<title type="text">${xmlText(feed.title)}</title>`,
		`\t<subtitle type="text">${xmlText(feed.description)}</subtitle>`,
		`\t${xmlElement('updated', (latestUpdate(items) ?? EPOCH).toISOString())}`,
		`\t${author}`,
		`\t${atomLink(feed.urls.atom, 'self', 'application/atom+xml')}`,
		`\t${atomLink(feed.home, 'alternate', 'text/html')}`,
		...feed.hubs.map((hub) => `\t<link href="${xmlAttribute(hub)}" rel="hub"/>`),
		`\t${xmlElement('generator', 'Relais')}`,
		...items.map((item) =>
			[
				'\t<entry>',
				`\t\t${xmlElement('id', item.link)}`,
				`\t\t<title type="text">${xmlText(item.title)}</title>`,
				`\t\t${xmlElement('updated', item.updated.toISOString())}`,
				`\t\t${xmlElement('published', item.published.toISOString())}`,
				`\t\t${author}`,
				`\t\t${atomLink(item.link, 'alternate', 'text/html')}`,
				...(item.image ? [`\t\t${atomLink(item.image.url, 'enclosure', item.image.type)}`] : []),
				...item.categories.map((term) => `\t\t<category term="${xmlAttribute(term)}"/>`),
				`\t\t<summary type="text">${xmlText(item.summary)}</summary>`,
				`\t\t<content type="html">${xmlText(item.contentHtml)}</content>`,
				...eventElements(item.event).map((element) => `\t\t${element}`),
				'\t</entry>',
			].join('\n'),
		),
		'</feed>',
		'',
	].join('\n');
}

function atomAuthor({ name, url }: FeedDescription['author']): string {
	return `<author>${xmlElement('name', name)}${xmlElement('uri', url)}</author>`;
}

function atomLink(href: string, rel: string, type: string): string {
	return `<link href="${xmlAttribute(href)}" rel="${rel}" type="${xmlAttribute(type)}"/>`;
}
