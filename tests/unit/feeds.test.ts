/** The feed writers (RSS 2.0, Atom 1.0, JSON Feed 1.1) and the rule choosing which items a feed carries. */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseJsonFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { FEED_FORMATS, fitFeed, serializeFeed, type FeedDescription, type FeedFormat, type FeedItem } from '../../src/feeds';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const HOSTILE = `</script><script>alert('x')</script> "quotes" & ]]> <![CDATA[ Cie`;

const feed: FeedDescription = {
	title: `Relais & ${HOSTILE}`,
	description: 'Toute l’actualité <b>du territoire</b>',
	home: 'https://presse.example.org/',
	urls: {
		rss: 'https://presse.example.org/rss.xml',
		atom: 'https://presse.example.org/atom.xml',
		json: 'https://presse.example.org/feed.json',
	},
	language: 'fr-FR',
	author: { name: 'Relais', url: 'https://presse.example.org/' },
	hubs: [],
};

function item(day: number, overrides: Partial<FeedItem> = {}): FeedItem {
	const date = new Date(Date.UTC(2024, 0, day, 8));
	return {
		title: `Communiqué ${day}`,
		link: `https://presse.example.org/communiques/2024-01-${String(day).padStart(2, '0')}-c/`,
		published: date,
		updated: date,
		summary: `Chapô ${day}`,
		contentHtml: `<p><strong>Communiqué de presse</strong></p><p>Corps ${day}</p>`,
		leadHtml: '<p><strong>Communiqué de presse</strong></p>',
		categories: ['Communiqué de presse', 'industrie'],
		...overrides,
	};
}

const bytes = async (format: FeedFormat, items: FeedItem[]) => Buffer.byteLength(await serializeFeed(format, feed, items));

describe('feed writers', () => {
	const hostile = item(3, {
		title: HOSTILE,
		summary: `Chapô ${HOSTILE}`,
		contentHtml: `<p>${HOSTILE.replace(/&/g, '&amp;')}</p><script>alert(1)</script><p>fin ]]> fin</p>`,
		categories: ['Communiqué de presse', 'R&D <b>'],
		image: { url: 'https://presse.example.org/_astro/cover.jpg?w=1200&h=630', type: 'image/jpeg' },
	});
	const older = item(1, { updated: new Date(Date.UTC(2024, 0, 5, 9)) });
	const items = [hostile, older];

	it('writes RSS 2.0 that escapes hostile text and reads back as written', async () => {
		const text = await serializeFeed('rss', feed, items);
		expect(XMLValidator.validate(text)).toBe(true);
		expect(text).not.toContain('<script>');
		expect(text).not.toContain('<![CDATA[');
		expect(text.match(/]]>/g)).toBeNull();
		const channel = xml.parse(text).rss.channel;
		expect(channel.title).toBe(feed.title);
		expect(channel.link).toBe('https://presse.example.org/');
		expect(channel.language).toBe('fr-FR');
		expect(channel['atom:link']['@href']).toBe('https://presse.example.org/rss.xml');
		// The newest change among the items, here an update of the older one: never the clock.
		expect(channel.lastBuildDate).toBe('Fri, 05 Jan 2024 09:00:00 GMT');
		const [first, second] = asArray(channel.item);
		expect(first.title).toBe(HOSTILE);
		expect(first.description).toBe(`Chapô ${HOSTILE}`);
		expect(first['content:encoded']).toBe(hostile.contentHtml);
		expect(first.category).toEqual(['Communiqué de presse', 'R&D <b>']);
		expect(first.guid['#text']).toBe(hostile.link);
		expect(first.pubDate).toBe('Wed, 03 Jan 2024 08:00:00 GMT');
		expect(first.enclosure['@url']).toBe('https://presse.example.org/_astro/cover.jpg?w=1200&h=630');
		expect(first.enclosure['@length']).toBe('0');
		expect(second.enclosure).toBeUndefined();
		const parsed = parseFeed(text);
		expect(parsed.meta.type).toBe('rss');
		expect(parsed.items.map((entry) => entry.url)).toEqual([hostile.link, older.link]);
	});

	it('writes Atom 1.0 that escapes hostile text and reads back as written', async () => {
		const text = await serializeFeed('atom', feed, items);
		expect(XMLValidator.validate(text)).toBe(true);
		expect(text).not.toContain('<script>');
		expect(text.match(/]]>/g)).toBeNull();
		const root = xml.parse(text).feed;
		expect(root['@xml:lang']).toBe('fr-FR');
		expect(root.id).toBe('https://presse.example.org/atom.xml');
		expect(root.title['#text']).toBe(feed.title);
		expect(root.updated).toBe('2024-01-05T09:00:00.000Z');
		expect(asArray(root.link).map((link: Record<string, string>) => [link['@rel'], link['@href']])).toEqual([
			['self', 'https://presse.example.org/atom.xml'],
			['alternate', 'https://presse.example.org/'],
		]);
		const [first] = asArray(root.entry);
		expect(first.id).toBe(hostile.link);
		expect(first.title['#text']).toBe(HOSTILE);
		expect(first.summary['#text']).toBe(`Chapô ${HOSTILE}`);
		expect(first.content['#text']).toBe(hostile.contentHtml);
		expect(first.content['@type']).toBe('html');
		expect(first.published).toBe('2024-01-03T08:00:00.000Z');
		expect(asArray(first.category).map((category: Record<string, string>) => category['@term'])).toEqual([
			'Communiqué de presse',
			'R&D <b>',
		]);
		expect(asArray(first.link).find((link: Record<string, string>) => link['@rel'] === 'enclosure')['@href']).toBe(hostile.image?.url);
		const parsed = parseFeed(text);
		expect(parsed.meta.type).toBe('atom');
		expect(parsed.items.map((entry) => entry.title)).toEqual([HOSTILE, older.title]);
	});

	it('writes JSON Feed 1.1 holding the text unchanged', async () => {
		const document = JSON.parse(await serializeFeed('json', feed, items));
		expect(document.version).toBe('https://jsonfeed.org/version/1.1');
		expect(document.feed_url).toBe('https://presse.example.org/feed.json');
		expect(document.home_page_url).toBe('https://presse.example.org/');
		expect(document.language).toBe('fr-FR');
		expect(document.items[0]).toEqual({
			id: hostile.link,
			url: hostile.link,
			title: HOSTILE,
			summary: `Chapô ${HOSTILE}`,
			content_html: hostile.contentHtml,
			date_published: '2024-01-03T08:00:00.000Z',
			date_modified: '2024-01-03T08:00:00.000Z',
			tags: ['Communiqué de presse', 'R&D <b>'],
			image: hostile.image?.url,
		});
	});

	it('drops characters XML forbids, so a stray control character cannot break a feed', async () => {
		const pasted = item(2, { title: 'Saut\u000Cde page\u0000', contentHtml: '<p>a\u0008b\ud800c</p>' });
		for (const format of ['rss', 'atom'] as const) {
			const text = await serializeFeed(format, feed, [pasted]);
			expect(XMLValidator.validate(text), format).toBe(true);
			expect(parseFeed(text).items[0]?.title, format).toBe('Sautde page');
		}
	});

	it('dates an empty feed from nothing that changes between builds', async () => {
		expect(await serializeFeed('rss', feed, [])).not.toContain('lastBuildDate');
		expect(xml.parse(await serializeFeed('atom', feed, [])).feed.updated).toBe('1970-01-01T00:00:00.000Z');
		expect(JSON.parse(await serializeFeed('json', feed, [])).items).toEqual([]);
		for (const { format } of FEED_FORMATS)
			expect(await serializeFeed(format, feed, items)).toBe(await serializeFeed(format, feed, structuredClone(items)));
	});
});

describe('WebSub hubs and events', () => {
	const hubs = ['https://pubsubhubbub.appspot.com/', 'https://hub.example.org/?a=1&b=2'];
	const withHubs: FeedDescription = { ...feed, hubs };
	const event = {
		start: '2099-06-15T18:30:00+02:00',
		end: '2099-06-15T21:00:00+02:00',
		allDay: false,
		place: 'Salle A, bâtiment B; étage 2',
		address: '12 rue des Écoles',
		city: 'Alès & Cévennes',
		calendar: 'https://presse.example.org/communiques/x/evenement.ics',
	};
	const invitation = item(4, { event });
	const allDay = item(2, { event: { ...event, start: '2099-04-20', end: '2099-04-21', allDay: true, address: undefined } });

	it('announces each hub beside the self link in every format', async () => {
		const rss = await serializeFeed('rss', withHubs, [invitation]);
		expect(XMLValidator.validate(rss)).toBe(true);
		const rssLinks = asArray(xml.parse(rss).rss.channel['atom:link']).map((link: Record<string, string>) => [link['@rel'], link['@href']]);
		expect(rssLinks).toEqual([['self', feed.urls.rss], ...hubs.map((hub) => ['hub', hub])]);
		const atom = await serializeFeed('atom', withHubs, [invitation]);
		expect(XMLValidator.validate(atom)).toBe(true);
		const atomLinks = asArray(xml.parse(atom).feed.link).map((link: Record<string, string>) => [link['@rel'], link['@href']]);
		expect(atomLinks).toEqual([['self', feed.urls.atom], ['alternate', feed.home], ...hubs.map((hub) => ['hub', hub])]);
		const json = JSON.parse(await serializeFeed('json', withHubs, [invitation]));
		expect(json.hubs).toEqual(hubs.map((url) => ({ type: 'WebSub', url })));
		expect(parseJsonFeed(await serializeFeed('json', withHubs, [invitation])).hubs).toEqual(json.hubs);
		// No hub configured, nothing announced.
		expect(await serializeFeed('rss', feed, [invitation])).not.toContain('rel="hub"');
		expect(JSON.parse(await serializeFeed('json', feed, [invitation])).hubs).toBeUndefined();
	});

	it('gives an item’s event as fields: RSS event module in RSS and Atom, `_event` in JSON Feed', async () => {
		for (const format of ['rss', 'atom'] as const) {
			const text = await serializeFeed(format, feed, [invitation, allDay]);
			expect(XMLValidator.validate(text), format).toBe(true);
			expect(text).toContain('xmlns:ev="http://purl.org/rss/1.0/modules/event/"');
			const parsed = xml.parse(text);
			const [first, second] = asArray(format === 'rss' ? parsed.rss.channel.item : parsed.feed.entry);
			expect(first['ev:startdate']).toBe('2099-06-15T18:30:00+02:00');
			expect(first['ev:enddate']).toBe('2099-06-15T21:00:00+02:00');
			expect(first['ev:location']).toBe('Salle A, bâtiment B; étage 2, 12 rue des Écoles, Alès & Cévennes');
			expect(second['ev:startdate']).toBe('2099-04-20');
			expect(parseFeed(text).items).toHaveLength(2);
		}
		const json = JSON.parse(await serializeFeed('json', feed, [invitation, allDay]));
		expect(json.items[0]._event).toEqual({
			start: '2099-06-15T18:30:00+02:00',
			end: '2099-06-15T21:00:00+02:00',
			all_day: false,
			place: 'Salle A, bâtiment B; étage 2',
			address: '12 rue des Écoles',
			city: 'Alès & Cévennes',
			calendar_url: event.calendar,
		});
		expect(json.items[1]._event).toEqual({
			start: '2099-04-20',
			end: '2099-04-21',
			all_day: true,
			place: event.place,
			city: event.city,
			calendar_url: event.calendar,
		});
		expect(parseJsonFeed(await serializeFeed('json', feed, [invitation])).items?.[0]?.url).toBe(invitation.link);
	});

	it('keeps number-like event text as written in RSS, whose writer reads its custom data back', async () => {
		const numbered = item(5, { event: { ...event, start: '2099-04-20', end: undefined, place: '007', address: undefined, city: '1e3' } });
		const text = await serializeFeed('rss', feed, [numbered]);
		expect(text).toContain('<ev:location>007, 1e3</ev:location>');
		expect(text).toContain('<ev:startdate>2099-04-20</ev:startdate>');
		expect(text).not.toContain('ev:enddate');
	});
});

describe('which items a feed carries', () => {
	const items = Array.from({ length: 40 }, (_, index) => item(40 - index));
	const options = { limit: 30, maxBytes: 1_000_000, readMore: 'Lire la suite' };

	it('carries the newest `limit` items, in order', async () => {
		expect(await fitFeed(feed, items, options)).toEqual(items.slice(0, 30));
		expect(await fitFeed(feed, items.slice(0, 3), options)).toEqual(items.slice(0, 3));
		expect(await fitFeed(feed, [], options)).toEqual([]);
	});

	it('drops the oldest items until every format fits the byte budget', async () => {
		const large = items.map((entry) => ({ ...entry, contentHtml: `<p>${'mot '.repeat(5_000)}</p>` }));
		const maxBytes = 100_000;
		const carried = await fitFeed(feed, large, { ...options, maxBytes });
		expect(carried).toEqual(large.slice(0, carried.length));
		expect(carried.length).toBeGreaterThan(1);
		for (const { format } of FEED_FORMATS) expect(await bytes(format, carried), format).toBeLessThanOrEqual(maxBytes);
		// One more item would not fit in at least one format.
		const oneMore = large.slice(0, carried.length + 1);
		const sizes = await Promise.all(FEED_FORMATS.map(({ format }) => bytes(format, oneMore)));
		expect(sizes.some((size) => size > maxBytes)).toBe(true);
	});

	it('abridges an item too large on its own to its summary and a link, wherever it is', async () => {
		const huge = `<p>${'<b>&</b> '.repeat(20_000)}</p>`;
		const newest = { ...items[0]!, contentHtml: huge, summary: 'Chapô & « suite »' };
		const third = { ...items[2]!, contentHtml: huge };
		const carried = await fitFeed(feed, [newest, items[1]!, third, ...items.slice(3, 10)], { ...options, maxBytes: 50_000 });
		expect(carried).toHaveLength(10);
		// The lead (type, event) stays above the summary.
		expect(carried[0]?.contentHtml).toBe(
			`<p><strong>Communiqué de presse</strong></p><p>Chapô &amp; « suite »</p><p><a href="${newest.link}">Lire la suite</a></p>`,
		);
		expect(carried[0]?.title).toBe(newest.title);
		expect(carried[1]).toEqual(items[1]);
		expect(carried[2]?.contentHtml).toContain('Lire la suite');
		for (const { format } of FEED_FORMATS) expect(await bytes(format, carried), format).toBeLessThanOrEqual(50_000);
	});

	it('keeps the newest item even when nothing fits', async () => {
		expect(await fitFeed(feed, items, { ...options, maxBytes: 10 })).toHaveLength(1);
	});
});
