/**
 * The feeds of a built site: the `journalists` fixture (built as `journalists.test.ts` builds
 * it) has a feed in three formats for the home, each collection, theme, person and
 * organisation, and nowhere else; every file is within the byte budget and the limit, its
 * items newest first, the same in RSS, Atom and JSON Feed, and the feed dated by its newest
 * change. How the budget cuts a large archive is `tests/unit/feeds-budget.test.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/content/collections';
import { FEED_BYTE_BUDGET } from '../../src/feeds';
import { buildSite, listFiles, readOutput, type BuildResult } from '../helpers/build';

const LIMIT = 30;
const FEED_FILES = ['rss.xml', 'atom.xml', 'feed.json'];
const FEED_FILE = /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

let site: BuildResult;
let files: string[];

beforeAll(() => {
	site = buildSite({ fixture: 'journalists', env: { RELAIS_BUILD_TIME: '2026-03-01T12:00:00Z' } });
	if (!site.ok) throw new Error(site.output);
	files = listFiles(site.outDir);
});

/** Folders of the pages a feed mirrors: home, collections, and each theme, person and organisation. */
function followedFolders(): string[] {
	const pages = (kind: string) =>
		files.filter((file) => new RegExp(`^${kind}/[^/]+/index\\.html$`).test(file)).map((file) => path.posix.dirname(file));
	return ['', ...COLLECTIONS, ...pages('themes'), ...pages('personnes'), ...pages('organisations')];
}

describe('feeds of a built site', () => {
	it('writes a feed in every format for every page followed, and nowhere else', () => {
		const folders = followedFolders();
		expect(folders.length).toBeGreaterThan(COLLECTIONS.length + 5);
		const expected = folders.flatMap((folder) => FEED_FILES.map((file) => (folder ? `${folder}/${file}` : file)));
		expect(files.filter((file) => FEED_FILE.test(file)).sort()).toEqual(expected.sort());
	});

	it('keeps every feed within the budget and the limit, newest first, the same items in every format', () => {
		let carrying = 0;
		for (const folder of followedFolders()) {
			const file = (name: string) => (folder ? `${folder}/${name}` : name);
			for (const name of FEED_FILES) {
				expect(readFileSync(path.join(site.outDir, file(name))).byteLength, file(name)).toBeLessThanOrEqual(FEED_BYTE_BUDGET);
			}
			const rssText = readOutput(site.outDir, file('rss.xml'));
			const channel = xml.parse(rssText).rss.channel;
			const rss = asArray<Record<string, string>>(channel.item);
			const atomRoot = xml.parse(readOutput(site.outDir, file('atom.xml'))).feed;
			const atom = asArray<Record<string, never>>(atomRoot.entry);
			const json = (JSON.parse(readOutput(site.outDir, file('feed.json'))) as { items: Array<Record<string, string>> }).items;

			const links = rss.map((item) => item.link);
			expect(
				atom.map((entry) => entry.id),
				folder,
			).toEqual(links);
			expect(
				json.map((item) => item.url),
				folder,
			).toEqual(links);
			const published = rss.map((item) => Date.parse(item.pubDate!));
			expect(
				atom.map((entry) => Date.parse(entry.published)),
				folder,
			).toEqual(published);
			expect(
				json.map((item) => Date.parse(item.date_published!)),
				folder,
			).toEqual(published);
			expect(
				[...published].sort((a, b) => b - a),
				folder,
			).toEqual(published);
			expect(
				rss.map((item) => item['content:encoded']),
				folder,
			).toEqual(json.map((item) => item.content_html));
			expect(links.length, folder).toBeLessThanOrEqual(LIMIT);
			// Readers other than ours read the RSS the library writes, with the same items.
			expect(
				parseFeed(rssText).items.map((item) => item.url),
				folder,
			).toEqual(links);
			expect(
				(parseRssFeed(rssText).items ?? []).map((item) => item.link),
				folder,
			).toEqual(links);

			if (links.length === 0) {
				// An empty feed is dated by nothing that changes between builds.
				expect(channel.lastBuildDate, folder).toBeUndefined();
				expect(atomRoot.updated, folder).toBe('1970-01-01T00:00:00.000Z');
				continue;
			}
			carrying += 1;
			// The feed's date is its newest change, in RSS and Atom alike.
			const newest = Math.max(...atom.map((entry) => Date.parse(entry.updated)));
			expect(Date.parse(atomRoot.updated), folder).toBe(newest);
			expect(Date.parse(channel.lastBuildDate), folder).toBe(newest);
		}
		expect(carrying).toBeGreaterThan(5);
	});
});
