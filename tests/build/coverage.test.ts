/**
 * Builds the `coverage` fixture (press coverage, `retombees`) and reads what a
 * journalist and a reader get: the list grouped by year with its outbound links, the
 * item pages, the release page listing its coverage, the feeds (read with real
 * parsers), themes, sitemap and search index; and nothing of a draft or scheduled
 * item anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseJsonFeed } from 'feedsmith';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readOutput, type BuildResult } from '../helpers/build';
import { pagefindTexts } from '../helpers/search';

const ORIGIN = 'https://presse.example.org';
const ITEMS = {
	midiLibre: '/retombees/2020-09-22-midi-libre/',
	lozere: '/retombees/2021-01-15-lozere-nouvelle/',
	objectifGard: '/retombees/2021-02-10-objectif-gard/',
};

let site: BuildResult;
beforeAll(() => {
	site = buildSite({ fixture: 'coverage', env: { RELAIS_BUILD_TIME: '2026-03-01T12:00:00Z' } });
	if (!site.ok) throw new Error(site.output);
});

const html = (file: string) => parse(readOutput(site.outDir, file));

describe('the list « Ils parlent de nous »', () => {
	it('lists every published item newest first, under a heading per year', () => {
		const page = html('retombees/index.html');
		expect(page.querySelector('h1')?.text).toBe('Ils parlent de nous');
		const groups = page.querySelectorAll('.coverage-group').map((group) => ({
			year: group.querySelector('h2')?.text,
			items: group.querySelectorAll('h3 a').map((a) => a.getAttribute('href')),
		}));
		expect(groups).toEqual([
			{ year: 'En 2021', items: [ITEMS.objectifGard, ITEMS.lozere] },
			{ year: 'En 2020', items: [ITEMS.midiLibre] },
		]);
		const media = page.querySelectorAll('.entry-card__type').map((span) => span.text);
		expect(media).toEqual(['Objectif Gard', 'La Lozère Nouvelle', 'Midi Libre']);
		expect(page.querySelectorAll('.entry-card time').map((time) => time.getAttribute('datetime'))).toEqual([
			'2021-02-10',
			'2021-01-15',
			'2020-09-22T06:00+02:00',
		]);
	});

	it('links out in the same window, rel="noopener", announced as external to screen readers', () => {
		const links = html('retombees/index.html').querySelectorAll('a.coverage-link');
		expect(links.map((a) => a.getAttribute('href'))).toEqual([
			'https://www.objectifgard.example/ales/reseaux',
			'https://www.midilibre.example/article?id=12&rubrique=ales',
		]);
		for (const link of links) {
			expect(link.getAttribute('rel')?.split(' ')).toContain('noopener');
			expect(link.getAttribute('target')).toBeUndefined();
			expect(link.querySelector('.visually-hidden')?.text.trim()).toBe('(site externe)');
		}
		expect(links[0]?.text).toContain('Consulter sur le site d’Objectif Gard');
		// The print article has no link, and says so.
		expect(html('retombees/index.html').querySelector('.coverage-link--offline')?.text).toBe('Pas de version en ligne.');
	});
});

describe('an item page', () => {
	it('shows the title, media, date, summary, outbound link, release and themes', () => {
		const page = html('retombees/2020-09-22-midi-libre/index.html');
		expect(page.querySelector('h1')?.text).toBe('Territoires d’industrie\u00a0: l’État fait le point à Alès');
		expect(page.querySelector('.entry__byline')?.text).toBe('Midi Libre');
		expect(page.querySelector('.entry__meta time')?.getAttribute('datetime')).toBe('2020-09-22T06:00+02:00');
		expect(page.querySelector('.entry__body')?.text).toContain('quotidienmarqueur');
		expect(page.querySelector('.entry__outbound a')?.getAttribute('href')).toBe(
			'https://www.midilibre.example/article?id=12&rubrique=ales',
		);
		expect(page.querySelector('.entry__meeting a')?.getAttribute('href')).toBe('/communiques/2020-09-17-visite/');
		expect(page.querySelectorAll('.tag-list a').map((a) => a.getAttribute('href'))).toEqual(['/themes/industrie/']);
	});

	it('has its own social card, and a description drawn from its media when it has no summary', () => {
		for (const item of Object.values(ITEMS)) {
			const card =
				html(`${item.slice(1)}index.html`)
					.querySelector('meta[property="og:image"]')
					?.getAttribute('content') ?? '';
			expect(card).toBe(`${ORIGIN}/og${item.replace(/\/$/, '.png')}`);
			const png = readFileSync(path.join(site.outDir, new URL(card).pathname));
			expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
		}
		const description = html('retombees/2021-02-10-objectif-gard/index.html').querySelector('meta[name="description"]');
		expect(description?.getAttribute('content')).toBe('Retombée presse dans Objectif Gard.');
	});
});

describe('the page of a press release', () => {
	it('lists the published coverage of the release, newest first, and nothing for another release', () => {
		const page = html('communiques/2020-09-17-visite/index.html');
		const section = page.querySelector('section[aria-labelledby="retombees-communique"]');
		expect(section?.querySelector('h2')?.text).toBe('Ils en ont parlé');
		expect(section?.querySelectorAll('h3 a').map((a) => a.getAttribute('href'))).toEqual([ITEMS.lozere, ITEMS.midiLibre]);
		expect(section?.querySelector('a.coverage-link')?.getAttribute('rel')).toContain('noopener');
		expect(html('communiques/2021-03-01-sans-retombee/index.html').querySelector('#retombees-communique')).toBeNull();
	});
});

describe('feeds, themes, search and sitemap', () => {
	it('publishes RSS, Atom and JSON Feed of the coverage, read by real parsers, listed on /flux/', async () => {
		for (const file of ['retombees/rss.xml', 'retombees/atom.xml']) {
			const feed = parseFeed(readOutput(site.outDir, file));
			expect(
				feed.items.map((item) => item.url),
				file,
			).toEqual([ITEMS.objectifGard, ITEMS.lozere, ITEMS.midiLibre].map((item) => `${ORIGIN}${item}`));
			const midiLibre = feed.items.find((item) => item.url?.endsWith(ITEMS.midiLibre));
			// The parser has decoded the escaped `&` of the address.
			expect(midiLibre?.content).toContain(
				'<a href="https://www.midilibre.example/article?id=12&rubrique=ales">Consulter sur le site de Midi Libre</a>',
			);
		}
		const json = parseJsonFeed(JSON.parse(readOutput(site.outDir, 'retombees/feed.json')));
		expect(json.items?.map((item) => item.url)).toHaveLength(3);
		expect(json.items?.[1]?.content_html).toContain('Pas de version en ligne.');
		const feeds = html('flux/index.html')
			.querySelectorAll('input')
			.map((input) => input.getAttribute('value'));
		expect(feeds).toContain(`${ORIGIN}/retombees/rss.xml`);
		expect(parseFeed(readOutput(site.outDir, 'rss.xml')).items.map((item) => item.url)).toContain(`${ORIGIN}${ITEMS.midiLibre}`);
	});

	it('puts items on their theme pages and in their theme feeds', () => {
		const theme = html('themes/industrie/index.html')
			.querySelectorAll('.entry-card__title a')
			.map((a) => a.getAttribute('href'));
		expect(theme).toEqual(expect.arrayContaining([ITEMS.objectifGard, ITEMS.midiLibre]));
		const feed = parseFeed(readOutput(site.outDir, 'themes/industrie/rss.xml'));
		expect(feed.items.map((item) => item.url)).toContain(`${ORIGIN}${ITEMS.objectifGard}`);
	});

	it('indexes the item pages for search, with their type filter, and lists them in the sitemap', () => {
		const index = pagefindTexts(site.outDir)
			.map(({ text }) => text)
			.join('\n');
		expect(index).toContain('quotidienmarqueur');
		expect(index).toContain('retombée presse');
		const sitemap = listFiles(site.outDir)
			.filter((file) => /^sitemap-\d+\.xml$/.test(file))
			.map((file) => readOutput(site.outDir, file))
			.join('\n');
		for (const item of [...Object.values(ITEMS), '/retombees/']) expect(sitemap).toContain(`<loc>${ORIGIN}${item}</loc>`);
	});
});

describe('publishing rules', () => {
	it('leaves no trace of a draft or scheduled item in any output, search index included', () => {
		const secrets = [
			'coupurebrouillon',
			'secretmediadraft',
			'secretcoveragedraft',
			'coupureprogrammee',
			'secretmediascheduled',
			'secretcoveragescheduled',
		];
		const files = listFiles(site.outDir);
		expect(files.filter((file) => /brouillon|programmee/.test(file))).toEqual([]);
		for (const file of files) {
			const text = readFileSync(path.join(site.outDir, file)).toString('utf8').toLowerCase();
			for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
		}
		for (const { file, text } of pagefindTexts(site.outDir)) {
			for (const secret of secrets) expect(text.includes(secret), `${secret} in pagefind/${file}`).toBe(false);
		}
		expect(existsSync(path.join(site.outDir, 'retombees/2021-02-20-brouillon'))).toBe(false);
	});
});
