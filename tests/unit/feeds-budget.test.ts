/**
 * The byte budget at the size of a real archive, without a build: ~400 generated press
 * releases with long bodies (some of 200 KB, one over the whole budget) grouped into the
 * feeds a site has (everything, each collection, each theme), each fitted by `fitFeed` and
 * written in every format: at most 1 MB, at most `feeds.limit` items (the default, 30),
 * newest first, the same items in RSS, Atom and JSON Feed, the newest entry present, the
 * oversized one abridged; the same items written again give the same bytes.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	FEED_BYTE_BUDGET,
	FEED_FORMATS,
	fitFeed,
	serializeFeed,
	type FeedDescription,
	type FeedFormat,
	type FeedItem,
} from '../../src/feeds';

const ORIGIN = 'https://presse.example.org';
const LIMIT = 30;
const BUDGET = 1_000_000;
const READ_MORE = 'Lire la suite';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, processEntities: true });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = (
	'territoire industrie entreprise emploi formation réseau dirigeant projet atelier usine ' +
	'transition écologique relance programme partenaires agglomération développement compétences ' +
	'innovation mécanique logistique apprentissage investissement commune région filière ' +
	'économie circulaire énergie sobriété recrutement alternance inauguration signature convention'
).split(' ');
const THEMES = ['industrie', 'emploi', 'RSE', 'formation', 'Réseaux d’entreprises', 'Lozère', 'plan de relance', 'énergie'];
const LEAD = { communiques: 'Communiqué de presse', rencontres: 'Rencontre' } as const;

interface Generated {
	collection: keyof typeof LEAD;
	id: string;
	tags: string[];
	item: FeedItem;
}

/** HTML of about `words` words, as the Markdown renderer writes it: paragraphs with some emphasis, links and `&`. */
function body(next: () => number, words: number): string {
	const paragraphs: string[] = [];
	for (let written = 0; written < words;) {
		const length = 60 + Math.floor(next() * 60);
		const sentence = Array.from({ length }, (_, index) => {
			const word = WORDS[Math.floor(next() * WORDS.length)]!;
			if (index % 23 === 5) return `<strong>${word}</strong>`;
			if (index % 37 === 11) return `<a href="${ORIGIN}/communiques/">${word}</a>`;
			if (index % 41 === 17) return `${word} &amp; cie`;
			return word;
		});
		paragraphs.push(`<p>${sentence.join(' ')}.</p>`);
		written += length;
	}
	return paragraphs.join('\n');
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The archive, as feed items of the entries the content layer would publish. */
function generateArchive(): Generated[] {
	const next = random(20261125);
	const generated: Generated[] = [];
	const newest = Date.UTC(2026, 5, 30);
	const write = (collection: Generated['collection'], index: number, words: number, options: { updated?: Date; event?: boolean } = {}) => {
		// Four days apart, but every fourth release shares its day with the previous one: ties are ordered by id, the same in every feed.
		const date = new Date(newest - Math.floor((index + 1) * 0.75) * 4 * 86_400_000);
		const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
		const id = `${day}-${collection === 'communiques' ? 'communique' : 'rencontre'}-${String(index).padStart(3, '0')}`;
		const tags = [...new Set([THEMES[index % THEMES.length]!, THEMES[Math.floor(next() * THEMES.length)]!])];
		// Published at 10:00, Paris time (summer).
		const published = new Date(`${day}T08:00:00Z`);
		const lead = `<p><strong>${LEAD[collection]}</strong></p>`;
		const link = `${ORIGIN}/${collection}/${id}/`;
		generated.push({
			collection,
			id,
			tags,
			item: {
				title: `Communiqué n° ${index} : ${WORDS[index % WORDS.length]} & ${WORDS[(index * 7) % WORDS.length]}`,
				link,
				published,
				updated: options.updated ?? published,
				summary: `Chapô du communiqué n° ${index}, ${words} mots.`,
				contentHtml: lead + body(next, words),
				leadHtml: lead,
				categories: [LEAD[collection], ...tags],
				...(options.event && {
					event: {
						start: '2020-01-10T18:00:00+01:00',
						allDay: false,
						place: 'Pôle Mécanique',
						city: 'Alès',
						calendar: `${link}evenement.ics`,
					},
				}),
			},
		});
	};
	for (let index = 0; index < 400; index += 1) {
		// Bodies of ~1500 words (~15 KB); among the newest, several of ~200 KB and one (n° 2) larger than a whole feed may be.
		const words = index === 2 ? 110_000 : [1, 4, 6, 9, 50, 120].includes(index) ? 20_000 : 1_500;
		// A few older releases were updated later: the feed's date is the newest update, not the newest release.
		write('communiques', index, words, index === 12 ? { updated: new Date('2026-06-30T12:00:00+02:00') } : {});
	}
	for (let index = 0; index < 5; index += 1) write('rencontres', index * 40 + 3, 800, { event: true });
	return generated;
}

/** Newest first, ties by id: the order of the content layer. */
const newestFirst = (a: Generated, b: Generated) => b.item.published.getTime() - a.item.published.getTime() || a.id.localeCompare(b.id);

function description(folder: string): FeedDescription {
	const address = (file: string) => `${ORIGIN}/${folder ? `${folder}/` : ''}${file}`;
	return {
		title: `Relais – ${folder || 'Toute l’actualité'}`,
		description: `Flux ${folder}`,
		home: address(''),
		urls: { rss: address('rss.xml'), atom: address('atom.xml'), json: address('feed.json') },
		language: 'fr-FR',
		author: { name: 'Relais', url: `${ORIGIN}/` },
		hubs: [],
	};
}

interface FeedView {
	links: string[];
	published: number[];
	updated: number[];
	contents: string[];
	summaries: string[];
}

interface Written {
	folder: string;
	/** What the feed was drawn from, newest first. */
	entries: Generated[];
	carried: FeedItem[];
	files: Record<FeedFormat, string>;
	rss: FeedView & { date?: number };
	atom: FeedView & { date: number };
	json: FeedView;
}

async function writeFeed(folder: string, entries: Generated[]): Promise<Written> {
	const feed = description(folder);
	const carried = await fitFeed(
		feed,
		entries.map((entry) => entry.item),
		{ limit: LIMIT, maxBytes: FEED_BYTE_BUDGET, readMore: READ_MORE },
	);
	const files = Object.fromEntries(
		await Promise.all(FEED_FORMATS.map(async ({ format }) => [format, await serializeFeed(format, feed, carried)])),
	) as Record<FeedFormat, string>;
	const channel = xml.parse(files.rss).rss.channel;
	const rssItems = asArray<Record<string, string>>(channel.item);
	const root = xml.parse(files.atom).feed;
	const atomEntries = asArray<Record<string, never>>(root.entry);
	const json = JSON.parse(files.json) as { items: Array<Record<string, string>> };
	return {
		folder,
		entries,
		carried,
		files,
		rss: {
			links: rssItems.map((item) => item.link!),
			published: rssItems.map((item) => Date.parse(item.pubDate!)),
			updated: [],
			contents: rssItems.map((item) => item['content:encoded']!),
			summaries: rssItems.map((item) => item.description!),
			date: channel.lastBuildDate === undefined ? undefined : Date.parse(channel.lastBuildDate),
		},
		atom: {
			links: atomEntries.map((entry) => entry.id),
			published: atomEntries.map((entry) => Date.parse(entry.published)),
			updated: atomEntries.map((entry) => Date.parse(entry.updated)),
			contents: atomEntries.map((entry) => (entry.content as { '#text': string })['#text']),
			summaries: atomEntries.map((entry) => (entry.summary as { '#text': string })['#text']),
			date: Date.parse(root.updated),
		},
		json: {
			links: json.items.map((item) => item.url!),
			published: json.items.map((item) => Date.parse(item.date_published!)),
			updated: json.items.map((item) => Date.parse(item.date_modified!)),
			contents: json.items.map((item) => item.content_html!),
			summaries: json.items.map((item) => item.summary!),
		},
	};
}

/** The feeds of the archive: everything, each collection (one of them empty), each theme. */
function catalogue(archive: Generated[]): Map<string, Generated[]> {
	const sorted = [...archive].sort(newestFirst);
	const feeds = new Map<string, Generated[]>([['', sorted]]);
	for (const collection of ['communiques', 'rencontres', 'temoignages']) {
		feeds.set(
			collection,
			sorted.filter((entry) => entry.collection === collection),
		);
	}
	for (const theme of THEMES) {
		feeds.set(
			`themes/${theme}`,
			sorted.filter((entry) => entry.tags.includes(theme)),
		);
	}
	return feeds;
}

let archive: Generated[];
let written: Map<string, Written>;

beforeAll(async () => {
	archive = generateArchive();
	written = new Map();
	for (const [folder, entries] of catalogue(archive)) written.set(folder, await writeFeed(folder, entries));
}, 120_000);

describe('feeds of a large archive', () => {
	it('keeps every feed file within 1 MB and the limit, newest first, the same items in every format', async () => {
		expect(FEED_BYTE_BUDGET).toBe(BUDGET);
		const counts: Record<string, number> = {};
		for (const { folder, entries, files, rss, atom, json } of written.values()) {
			for (const { format } of FEED_FORMATS) expect(Buffer.byteLength(files[format]), `${folder} ${format}`).toBeLessThanOrEqual(BUDGET);
			expect(atom.links, folder).toEqual(rss.links);
			expect(json.links, folder).toEqual(rss.links);
			expect(atom.published, folder).toEqual(rss.published);
			expect(json.published, folder).toEqual(rss.published);
			expect(atom.contents, folder).toEqual(rss.contents);
			expect(json.contents, folder).toEqual(rss.contents);
			expect(rss.links.length, folder).toBeLessThanOrEqual(LIMIT);
			expect(
				[...rss.published].sort((a, b) => b - a),
				folder,
			).toEqual(rss.published);
			// The newest entries, in the content layer's order (ties by id), none skipped.
			expect(rss.links, folder).toEqual(entries.slice(0, rss.links.length).map((entry) => entry.item.link));
			counts[folder] = rss.links.length;
			if (entries.length === 0) {
				// An empty feed is dated by nothing that changes between builds.
				expect(rss.links, folder).toEqual([]);
				expect(rss.date, folder).toBeUndefined();
				expect(atom.date, folder).toBe(0);
				continue;
			}
			expect(rss.links[0], folder).toBe(`${ORIGIN}/${entries[0]!.collection}/${entries[0]!.id}/`);
			// The feed's date is its newest change, in RSS and Atom alike.
			expect(atom.date, folder).toBe(Math.max(...atom.updated));
			expect(rss.date, folder).toBe(atom.date);
		}
		expect(counts['temoignages']).toBe(0);
		// The default limit is reached where the items are of common size…
		expect(Object.values(counts)).toContain(LIMIT);
		// …and the byte budget cuts the feeds holding the 200 KB releases short of it.
		expect(counts['']).toBeLessThan(LIMIT);
		expect(counts['communiques']).toBeLessThan(LIMIT);
		expect(counts['']).toBeGreaterThan(3);
		// One more item would not fit: the budget, not a lower count, stopped the feed.
		const site = written.get('')!;
		const oneMore = [...site.carried, site.entries[site.carried.length]!.item];
		const sizes = await Promise.all(
			FEED_FORMATS.map(async ({ format }) => Buffer.byteLength(await serializeFeed(format, description(''), oneMore))),
		);
		expect(sizes.some((size) => size > BUDGET)).toBe(true);
		// An older release updated after the newest one dates its feed.
		const theme = written.get('themes/Réseaux d’entreprises')!;
		expect(theme.rss.links.some((link) => link.includes('-communique-012/'))).toBe(true);
		expect(theme.rss.date).toBe(Date.parse('2026-06-30T12:00:00+02:00'));
	});

	it('abridges a release too large for any feed to its summary and a link, and keeps the others whole', () => {
		const { rss, atom, json, entries } = written.get('communiques')!;
		const giant = rss.links.findIndex((link) => link.includes('-communique-002/'));
		expect(giant).toBeGreaterThan(0);
		const summary = json.summaries[giant];
		expect(summary).toMatch(/^Chapô du communiqué n° 2,/);
		expect(rss.summaries[giant]).toBe(summary);
		expect(atom.summaries[giant]).toBe(summary);
		// Its lead (the type) stays above the summary.
		expect(json.contents[giant]).toBe(
			`<p><strong>Communiqué de presse</strong></p><p>${summary}</p><p><a href="${rss.links[giant]}">${READ_MORE}</a></p>`,
		);
		expect(rss.contents[giant]).toBe(json.contents[giant]);
		// The entry itself keeps its full text (its page shows it).
		expect(entries.find((entry) => entry.id.endsWith('-communique-002'))!.item.contentHtml.length).toBeGreaterThan(BUDGET);
		const whole = json.contents.filter((_, index) => index !== giant);
		for (const html of whole) expect(html).not.toContain(READ_MORE);
		expect(whole.some((html) => html.length > 150_000)).toBe(true);
	});

	it('carries events into the feeds of their collection', () => {
		const { files, rss } = written.get('rencontres')!;
		expect(rss.links).toHaveLength(5);
		const items = asArray<Record<string, string>>(xml.parse(files.rss).rss.channel.item);
		expect(items.map((item) => item['ev:startdate'])).toEqual(Array(5).fill('2020-01-10T18:00:00+01:00'));
		expect(items.map((item) => item['ev:location'])).toEqual(Array(5).fill('Pôle Mécanique, Alès'));
	});

	it('gives the same bytes when the same items are fitted and written again', async () => {
		for (const [folder, entries] of catalogue(structuredClone(archive))) {
			const again = await writeFeed(folder, entries);
			for (const { format } of FEED_FORMATS)
				expect(again.files[format] === written.get(folder)!.files[format], `${folder} ${format}`).toBe(true);
		}
	}, 120_000);
});
