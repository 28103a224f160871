/**
 * Feeds at the size of a real archive: builds ~400 generated press releases with
 * long bodies (some of 200 KB, one over the whole byte budget) and checks every feed
 * file: at most 1 MB, at most `feeds.limit` items (the default, 30), newest first,
 * the same items in RSS, Atom and JSON Feed, the newest entry present. A second
 * build of the same content at a later build time gives byte-identical feeds.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/content/collections';
import { themeSlug } from '../../src/content/themes';
import { buildSite, listFiles, readOutput, type BuildResult } from '../helpers/build';

const ORIGIN = 'https://presse.example.org';
const LIMIT = 30;
const BUDGET = 1_000_000;

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

interface Generated {
	collection: 'communiques' | 'rencontres';
	id: string;
	/** Publication day, `YYYY-MM-DD` (every entry is published at 10:00, Paris time). */
	day: string;
	tags: string[];
}

/** Markdown of about `words` words, in paragraphs with some emphasis, links and `&`. */
function body(next: () => number, words: number): string {
	const paragraphs: string[] = [];
	for (let written = 0; written < words;) {
		const length = 60 + Math.floor(next() * 60);
		const sentence = Array.from({ length }, (_, index) => {
			const word = WORDS[Math.floor(next() * WORDS.length)]!;
			if (index % 23 === 5) return `**${word}**`;
			if (index % 37 === 11) return `[${word}](/communiques/)`;
			if (index % 41 === 17) return `${word} & cie`;
			return word;
		});
		paragraphs.push(`${sentence.join(' ')}.`);
		written += length;
	}
	return paragraphs.join('\n\n');
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Writes the archive into a fresh content folder; returns its entries. */
function generateArchive(root: string): Generated[] {
	const next = random(20261125);
	const generated: Generated[] = [];
	const newest = Date.UTC(2026, 5, 30);
	const write = (collection: Generated['collection'], index: number, words: number, extra: string[] = []) => {
		// Four days apart, but every fourth release shares its day with the previous one: ties are ordered by id, the same in every feed.
		const date = new Date(newest - Math.floor((index + 1) * 0.75) * 4 * 86_400_000);
		const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
		const id = `${day}-${collection === 'communiques' ? 'communique' : 'rencontre'}-${String(index).padStart(3, '0')}`;
		const tags = [...new Set([THEMES[index % THEMES.length]!, THEMES[Math.floor(next() * THEMES.length)]!])];
		const frontmatter = [
			'---',
			`title: "Communiqué n° ${index} : ${WORDS[index % WORDS.length]} & ${WORDS[(index * 7) % WORDS.length]}"`,
			`description: "Chapô du communiqué n° ${index}, ${words} mots."`,
			`date: ${day}T10:00`,
			`tags: [${tags.map((tag) => JSON.stringify(tag)).join(', ')}]`,
			...extra,
			'---',
		];
		mkdirSync(path.join(root, collection), { recursive: true });
		writeFileSync(path.join(root, collection, `${id}.md`), `${frontmatter.join('\n')}\n\n${body(next, words)}\n`);
		generated.push({ collection, id, day, tags });
	};
	for (let index = 0; index < 400; index += 1) {
		// Bodies of ~1500 words (~15 KB); among the newest, several of ~200 KB and one (n° 2) larger than a whole feed may be.
		const words = index === 2 ? 110_000 : [1, 4, 6, 9, 50, 120].includes(index) ? 20_000 : 1_500;
		// A few older releases were updated later: the feed's date is the newest update, not the newest release.
		const extra = index === 12 ? [`updated: 2026-06-30T12:00`] : [];
		write('communiques', index, words, extra);
	}
	for (let index = 0; index < 5; index += 1) {
		write('rencontres', index * 40 + 3, 800, ['event:', '  start: 2020-01-10T18:00', '  place: Pôle Mécanique', '  city: Alès']);
	}
	return generated;
}

interface FeedView {
	links: string[];
	published: number[];
	updated: number[];
	/** RSS `lastBuildDate`, Atom `updated`. */
	feedDate: { rss?: number; atom: number };
	contents: string[];
}

function readFeed(outDir: string, folder: string): { rss: FeedView; atom: FeedView; json: FeedView } {
	const file = (name: string) => readOutput(outDir, folder ? `${folder}/${name}` : name);
	const channel = xml.parse(file('rss.xml')).rss.channel;
	const rssItems = asArray<Record<string, string>>(channel.item);
	const feed = xml.parse(file('atom.xml')).feed;
	const entries = asArray<Record<string, never>>(feed.entry);
	const json = JSON.parse(file('feed.json')) as { items: Array<Record<string, string>> };
	const atomDate = Date.parse(feed.updated);
	const rssDate = channel.lastBuildDate === undefined ? undefined : Date.parse(channel.lastBuildDate);
	return {
		rss: {
			links: rssItems.map((item) => item.link!),
			published: rssItems.map((item) => Date.parse(item.pubDate!)),
			updated: [],
			feedDate: { rss: rssDate, atom: atomDate },
			contents: rssItems.map((item) => item['content:encoded']!),
		},
		atom: {
			links: entries.map((entry) => entry.id),
			published: entries.map((entry) => Date.parse(entry.published)),
			updated: entries.map((entry) => Date.parse(entry.updated)),
			feedDate: { rss: rssDate, atom: atomDate },
			contents: entries.map((entry) => (entry.content as { '#text': string })['#text']),
		},
		json: {
			links: json.items.map((item) => item.url!),
			published: json.items.map((item) => Date.parse(item.date_published!)),
			updated: json.items.map((item) => Date.parse(item.date_modified!)),
			feedDate: { rss: rssDate, atom: atomDate },
			contents: json.items.map((item) => item.content_html!),
		},
	};
}

const FEED_FILE = /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/;

let entries: Generated[];
let first: BuildResult;
let second: BuildResult;
let feedFiles: string[];

beforeAll(() => {
	const content = mkdtempSync(path.join(tmpdir(), 'relais-feeds-scale-'));
	entries = generateArchive(content);
	// Cards are not what this test is about: the shared card saves most of the build.
	const env = { RELAIS_CARDS: 'off', RELAIS_BUILD_TIME: '2026-11-25T10:00:00Z' };
	first = buildSite({ fixture: content, env });
	if (!first.ok) throw new Error(first.output);
	// A week later, nothing dated in between: the same content.
	second = buildSite({ fixture: content, env: { ...env, RELAIS_BUILD_TIME: '2026-12-02T10:00:00Z' } });
	if (!second.ok) throw new Error(second.output);
	feedFiles = listFiles(first.outDir).filter((file) => FEED_FILE.test(file));
});

/** Every feed folder with its expected newest entry. */
function expectedFeeds(): Map<string, Generated | undefined> {
	const newestOf = (list: Generated[]) => [...list].sort((a, b) => b.day.localeCompare(a.day) || a.id.localeCompare(b.id))[0];
	const feeds = new Map<string, Generated | undefined>([['', newestOf(entries)]]);
	for (const collection of COLLECTIONS) {
		feeds.set(collection, newestOf(entries.filter((entry) => entry.collection === collection)));
	}
	for (const theme of THEMES) {
		feeds.set(`themes/${themeSlug(theme)}`, newestOf(entries.filter((entry) => entry.tags.includes(theme))));
	}
	return feeds;
}

describe('feeds of a large archive', () => {
	it('writes every feed of the catalogue in three formats', () => {
		const folders = [...expectedFeeds().keys()];
		expect(feedFiles.sort()).toEqual(
			folders.flatMap((folder) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => (folder ? `${folder}/${file}` : file))).sort(),
		);
	});

	it('keeps every feed file within 1 MB and the limit, newest first, the same items in every format', () => {
		const counts: Record<string, number> = {};
		for (const [folder, newest] of expectedFeeds()) {
			for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
				const file = folder ? `${folder}/${name}` : name;
				expect(readFileSync(path.join(first.outDir, file)).byteLength, file).toBeLessThanOrEqual(BUDGET);
			}
			const { rss, atom, json } = readFeed(first.outDir, folder);
			expect(atom.links, folder).toEqual(rss.links);
			expect(json.links, folder).toEqual(rss.links);
			expect(atom.published, folder).toEqual(rss.published);
			expect(json.published, folder).toEqual(rss.published);
			expect(rss.links.length, folder).toBeLessThanOrEqual(LIMIT);
			expect(
				[...rss.published].sort((a, b) => b - a),
				folder,
			).toEqual(rss.published);
			counts[folder] = rss.links.length;
			if (!newest) {
				// An empty feed is dated by nothing that changes between builds.
				expect(rss.links, folder).toEqual([]);
				expect(rss.feedDate, folder).toEqual({ rss: undefined, atom: 0 });
				continue;
			}
			expect(rss.links[0], folder).toBe(`${ORIGIN}/${newest.collection}/${newest.id}/`);
			// The feed's date is its newest change, in RSS and Atom alike.
			expect(rss.feedDate.atom, folder).toBe(Math.max(...atom.updated));
			expect(rss.feedDate.rss, folder).toBe(rss.feedDate.atom);
		}
		// The default limit is reached where the items are of common size…
		expect(Object.values(counts)).toContain(LIMIT);
		// …and the byte budget cuts the feeds holding the 200 KB releases short of it.
		expect(counts['']).toBeLessThan(LIMIT);
		expect(counts['communiques']).toBeLessThan(LIMIT);
		expect(counts['']).toBeGreaterThan(3);
		// An older release updated after the newest one dates its feed.
		const theme = readFeed(first.outDir, `themes/${themeSlug('Réseaux d’entreprises')}`);
		expect(theme.rss.links.some((link) => link.includes('-communique-012/'))).toBe(true);
		expect(theme.rss.feedDate.rss).toBe(Date.parse('2026-06-30T12:00:00+02:00'));
	});

	it('abridges a release too large for any feed to its summary and a link, and keeps the others whole', () => {
		const { rss, json } = readFeed(first.outDir, 'communiques');
		const giant = rss.links.findIndex((link) => link.includes('-communique-002/'));
		expect(giant).toBeGreaterThan(0);
		const summary = JSON.parse(readOutput(first.outDir, 'communiques/feed.json')).items[giant].summary;
		expect(summary).toMatch(/^Chapô du communiqué n° 2,/);
		// Its lead (the type) stays above the summary.
		expect(json.contents[giant]).toBe(
			`<p><strong>Communiqué de presse</strong></p><p>${summary}</p><p><a href="${rss.links[giant]}">Lire la suite</a></p>`,
		);
		expect(rss.contents[giant]).toBe(json.contents[giant]);
		// The full text is still on the entry's page.
		expect(readOutput(first.outDir, `communiques/${entries[2]!.id}/index.html`).length).toBeGreaterThan(BUDGET);
		const whole = json.contents.filter((_, index) => index !== giant);
		for (const html of whole) expect(html).not.toContain('Lire la suite');
		expect(whole.some((html) => html.length > 150_000)).toBe(true);
	});

	it('gives byte-identical feeds when the same content is built again later', () => {
		const again = listFiles(second.outDir).filter((file) => FEED_FILE.test(file));
		expect(again.sort()).toEqual(feedFiles.sort());
		for (const file of feedFiles) {
			const same = readFileSync(path.join(first.outDir, file)).equals(readFileSync(path.join(second.outDir, file)));
			expect(same, file).toBe(true);
		}
	});
});
