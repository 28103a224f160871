/**
 * Builds the `cards` fixture under a base path and checks the social cards in
 * the output: every page's `og:image`/`twitter:image` is an absolute URL under
 * SITE_URL + BASE_PATH of an existing 1200×630 PNG, entries have their own
 * card, drafts and scheduled entries have none, a rebuild reuses the cache,
 * and `RELAIS_CARDS=off` points every entry at the shared card.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPngSize } from '../helpers/png.ts';
import { buildSite, listFiles, type BuildResult } from '../helpers/build';

const ORIGIN = 'https://presse.example.org';
const BASE = '/presse/';
const cacheDir = mkdtempSync(path.join(tmpdir(), 'relais-cards-cache-'));
const env = { BASE_PATH: '/presse', RELAIS_CARDS_CACHE: cacheDir };

let site: BuildResult;
let pages: string[];
beforeAll(() => {
	site = buildSite({ fixture: 'cards', env });
	if (!site.ok) throw new Error(site.output);
	pages = listFiles(site.outDir).filter((file) => file.endsWith('.html'));
});

/** The `og:image` and `twitter:image` of a built page. */
function images(outDir: string, file: string): { og?: string; twitter?: string } {
	const page = parse(readFileSync(path.join(outDir, file), 'utf8'));
	return {
		og: page.querySelector('meta[property="og:image"]')?.getAttribute('content'),
		twitter: page.querySelector('meta[name="twitter:image"]')?.getAttribute('content'),
	};
}

/** The output file an absolute card URL points to. */
function fileOf(outDir: string, url: string): string {
	expect(url.startsWith(`${ORIGIN}${BASE}og/`)).toBe(true);
	return path.join(outDir, decodeURIComponent(url.slice(`${ORIGIN}${BASE}`.length)));
}

describe('social cards', () => {
	it('gives every HTML page an og:image that is an existing 1200×630 PNG', () => {
		expect(pages.length).toBeGreaterThan(10);
		for (const file of pages) {
			const { og, twitter } = images(site.outDir, file);
			expect(og, file).toBeDefined();
			expect(twitter, file).toBe(og);
			const card = fileOf(site.outDir, og!);
			expect(existsSync(card), `${file} → ${og}`).toBe(true);
			expect(readPngSize(readFileSync(card)), og).toEqual({ width: 1200, height: 630 });
		}
	});

	it('gives every published entry its own card', () => {
		for (const entry of [
			'communiques/2020-09-17-visite-du-prefet',
			'communiques/2021-03-01-titre-tres-long',
			'rencontres/2020-02-17-rencontre-des-reseaux',
			'temoignages/2020-02-20-annick-le-lan',
		]) {
			expect(images(site.outDir, `${entry}/index.html`).og).toBe(`${ORIGIN}${BASE}og/${entry}.png`);
		}
	});

	it('publishes nothing of drafts and scheduled entries, and no card list', () => {
		const files = listFiles(site.outDir);
		expect(files.filter((file) => /brouillon|2099-01-01|programmee/.test(file))).toEqual([]);
		expect(files).not.toContain(path.join('og', 'cards.json'));
	});

	it('keeps the cards small', () => {
		const sizes = listFiles(site.outDir)
			.filter((file) => file.endsWith('.png') && file.startsWith('og'))
			.map((file) => readFileSync(path.join(site.outDir, file)).length)
			.sort((a, b) => a - b);
		expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThanOrEqual(60 * 1024);
	});

	it('reuses every card on a rebuild of unchanged content', () => {
		const again = buildSite({ fixture: 'cards', env });
		expect(again.ok, again.output).toBe(true);
		expect(again.output).toMatch(/cartes sociales : \d+ \(0 dessinées, \d+ reprises du cache\)/);
	});

	it('points every entry at the shared card when cards are off', () => {
		const off = buildSite({ fixture: 'cards', env: { ...env, RELAIS_CARDS: 'off' } });
		expect(off.ok, off.output).toBe(true);
		expect(images(off.outDir, 'communiques/2020-09-17-visite-du-prefet/index.html').og).toBe(`${ORIGIN}${BASE}og/site.png`);
		expect(existsSync(path.join(off.outDir, 'og/communiques'))).toBe(false);
		expect(existsSync(path.join(off.outDir, 'og/site.png'))).toBe(true);
	});
});
