/**
 * The `site` fixture (a copy of the sample content, so that editing `content/`
 * cannot break CI) built twice, at the root and under `BASE_PATH=/presse`:
 *
 * - every HTML page passes the Nu HTML Checker (vnu-jar from npm, run once
 *   with Java for every page of both builds) with no error;
 * - every feed parses: RSS and Atom with @rowanmanning/feed-parser, JSON Feed
 *   as JSON Feed 1.1, iCalendar with node-ical, every XML file is well formed;
 *   and every item of a feed or sitemap points to a page of the build;
 * - no internal link, anchor or asset reference is broken (tests/helpers/links.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ical from 'node-ical';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, sharedBuild } from '../helpers/build';
import { checkLinks, LinkResolver, pageUrl } from '../helpers/links';

const ORIGIN = 'https://presse.example.org';
const JAVA = process.env.JAVA ?? '/usr/bin/java';
const VNU_JAR = createRequire(import.meta.url)('vnu-jar') as string;

interface Site {
	base: string;
	outDir: string;
	files: string[];
}
const sites: Site[] = [];

beforeAll(() => {
	for (const base of ['/', '/presse/']) {
		const build = sharedBuild({ fixture: 'site', env: base === '/' ? {} : { BASE_PATH: base } });
		if (!build.ok) throw new Error(`build (BASE_PATH=${base}) failed:\n${build.output}`);
		sites.push({ base, outDir: build.outDir, files: listFiles(build.outDir) });
	}
});

const label = (site: Site) => (site.base === '/' ? 'at the root' : `under BASE_PATH=${site.base}`);

describe('Nu HTML Checker', () => {
	it('finds no error in any page of either build', () => {
		expect(existsSync(JAVA), `the Nu HTML Checker needs Java at ${JAVA} (apt-get install default-jre-headless)`).toBe(true);
		const pages = sites.flatMap((site) => site.files.filter((file) => file.endsWith('.html')).map((file) => path.join(site.outDir, file)));
		expect(pages.length).toBeGreaterThan(100);
		// The press coverage list and its item pages are among them.
		expect(pages.filter((page) => /\/retombees\/[^/]+\/index\.html$/.test(page)).length).toBeGreaterThanOrEqual(2 * 4);
		expect(pages.some((page) => page.endsWith('/retombees/index.html'))).toBe(true);
		// The photo library, a filter page and entries with photos (sample content) are among them.
		for (const page of [
			'photos/index.html',
			'photos/villes/ales/index.html',
			'rencontres/2020-02-17-premiere-rencontre-des-reseaux-ales/index.html',
		]) {
			expect(pages).toContain(path.join(sites[0]!.outDir, page));
		}
		// One Java start for every file: the checker takes a second to start and milliseconds per page.
		const result = spawnSync(JAVA, ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...pages], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		expect(result.error).toBeUndefined();
		const { messages } = JSON.parse(result.stderr || '{"messages":[]}') as {
			messages: Array<{ type: string; subType?: string; url: string; message: string; lastLine?: number; extract?: string }>;
		};
		const errors = messages
			.filter((message) => message.type !== 'info')
			.map(
				(message) =>
					`${message.url.replace(/^file:/, '')}:${message.lastLine ?? '?'}: ${message.message}${message.extract ? `\n    ${message.extract}` : ''}`,
			);
		console.info(`vnu: ${pages.length} pages checked, ${errors.length} error(s)`);
		expect(errors.join('\n'), errors.join('\n')).toBe('');
		expect(result.status).toBe(0);
	});
});

describe.each([0, 1])('feeds and sitemaps (build %i)', (index) => {
	const site = () => sites[index]!;
	const read = (file: string) => readFileSync(path.join(site().outDir, file), 'utf8');
	const resolver = () => new LinkResolver(site().outDir, { origin: ORIGIN, base: site().base });

	/** Fails with every item URL that is not a page of the build. */
	const expectPages = (file: string, urls: Array<string | undefined>) => {
		const from = pageUrl(file, { origin: ORIGIN, base: site().base });
		const broken = urls.filter((url) => {
			if (!url) return true;
			const result = resolver().check(url, from);
			return typeof result === 'object' || result === 'skipped';
		});
		expect(broken, `${file} (${label(site())})`).toEqual([]);
	};

	it('every XML file is well formed', () => {
		const xml = site().files.filter((file) => file.endsWith('.xml'));
		expect(xml.length).toBeGreaterThan(4);
		for (const file of xml) expect(XMLValidator.validate(read(file)), file).toBe(true);
	});

	it('every RSS and Atom feed parses, and its items link to pages of the build', () => {
		const feeds = site().files.filter((file) => /(^|\/)(rss|atom)\.xml$/.test(file));
		expect(feeds).toContain('rss.xml');
		for (const file of feeds) {
			const feed = parseFeed(read(file));
			expect(feed.meta.type, file).toBe(file.endsWith('rss.xml') ? 'rss' : 'atom');
			expect(feed.title, file).toBeTruthy();
			expect(feed.items.length, file).toBeGreaterThan(0);
			for (const item of feed.items) expect(item.title && item.published, `${file}: ${item.url}`).toBeTruthy();
			expectPages(
				file,
				feed.items.map((item) => item.url ?? undefined),
			);
		}
	});

	it('every JSON Feed is JSON Feed 1.1, and its items link to pages of the build', () => {
		const feeds = site().files.filter((file) => file.endsWith('feed.json'));
		for (const file of feeds) {
			const feed = JSON.parse(read(file)) as {
				version: string;
				title: string;
				items: Array<{ id: string; url?: string; content_html?: string; content_text?: string }>;
			};
			expect(feed.version, file).toBe('https://jsonfeed.org/version/1.1');
			expect(feed.title, file).toBeTruthy();
			expect(Array.isArray(feed.items), file).toBe(true);
			for (const item of feed.items)
				expect(typeof item.id === 'string' && Boolean(item.content_html ?? item.content_text), file).toBe(true);
			expectPages(
				file,
				feed.items.map((item) => item.url),
			);
		}
	});

	it('every iCalendar file parses with its events', () => {
		const calendars = site().files.filter((file) => file.endsWith('.ics'));
		for (const file of calendars) {
			const events = Object.values(ical.sync.parseICS(read(file))).filter((component) => component?.type === 'VEVENT');
			expect(events.length, file).toBeGreaterThan(0);
		}
	});

	it('every sitemap URL is a page of the build', () => {
		const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
		const index = parser.parse(read('sitemap-index.xml')) as { sitemapindex: { sitemap: Array<{ loc: string }> } };
		const sitemaps = index.sitemapindex.sitemap.map((entry) => entry.loc);
		expectPages('sitemap-index.xml', sitemaps);
		for (const sitemap of sitemaps) {
			const file = resolver().fileOf(new URL(sitemap))!;
			const { urlset } = parser.parse(readFileSync(file, 'utf8')) as { urlset: { url: Array<{ loc: string }> } };
			expect(urlset.url.length).toBeGreaterThan(20);
			expectPages(
				path.relative(site().outDir, file),
				urlset.url.map((entry) => entry.loc),
			);
		}
	});
});

describe('links', () => {
	it.each([0, 1])('no broken internal link, anchor or asset reference (build %i)', (index) => {
		const site = sites[index]!;
		const report = checkLinks(site.outDir, { origin: ORIGIN, base: site.base });
		console.info(
			`links ${label(site)}: ${report.pages} pages, ${report.checked} internal URLs checked (${report.fragments} with a fragment), ${report.skipped} external left alone, ${report.broken.length} broken`,
		);
		expect(report.pages).toBeGreaterThan(50);
		expect(report.checked).toBeGreaterThan(report.pages * 10);
		expect(report.broken.join('\n'), report.broken.join('\n')).toBe('');
	});

	it('the checker itself finds broken files, anchors and base paths', () => {
		const site = sites[1]!;
		const resolver = new LinkResolver(site.outDir, { origin: ORIGIN, base: site.base });
		const from = new URL(`${ORIGIN}/presse/communiques/`);
		expect(resolver.check('/presse/rss.xml', from)).toBe('ok');
		expect(resolver.check('../recherche/?q=mot', from)).toBe('ok');
		expect(resolver.check('/presse/#contenu', from)).toBe('fragment');
		expect(resolver.check('https://ailleurs.example/', from)).toBe('skipped');
		expect(resolver.check('mailto:presse@relais.example', from)).toBe('skipped');
		expect(resolver.check('/rss.xml', from)).toEqual({ broken: 'outside the base path /presse/' });
		expect(resolver.check('/presse/nulle-part/', from)).toEqual({ broken: 'no such file in the output' });
		expect(resolver.check('/presse/#absent', from)).toEqual({ broken: 'no element with id « absent » in index.html' });
	});
});
