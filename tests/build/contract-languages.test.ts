/**
 * The content contract's newer fields (docs/content-model.md « Languages »,
 * « Embargo », a contact's `organisation`), built from the `contract-languages`
 * fixture and read in the output: an entry in English and the French entry it
 * translates, a translation of a draft, an entry under embargo dated after the
 * build, and a press contact of another organisation.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '@rowanmanning/feed-parser';
import { unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureContent, listFiles, readOutput, type BuildResult } from '../helpers/build';

const ORIGIN = 'https://presse.example.org';
const ORIGINAL = 'communiques/2025-05-10-visite-usine';
const TRANSLATION = 'communiques/2025-05-20-factory-visit';
const env = { RELAIS_BUILD_TIME: '2026-03-01T12:00:00Z' };

let work: string;
let content: string;
let cacheDir: string;
let site: BuildResult;
beforeAll(() => {
	// A copy, and a kept cache: the last test edits the content and rebuilds incrementally.
	work = mkdtempSync(path.join(tmpdir(), 'relais-languages-'));
	content = path.join(work, 'content');
	cacheDir = path.join(work, 'cache');
	cpSync(fixtureContent('contract-languages'), content, { recursive: true });
	site = buildSite({ fixture: content, outDir: path.join(work, 'dist'), cacheDir, env });
	if (!site.ok) throw new Error(site.output);
});

const html = (file: string) => parse(readOutput(site.outDir, file));
const page = (entry: string) => html(`${entry}/index.html`);
/** The `<link rel="alternate" hreflang>` of a page, as `hreflang → href`. */
const versions = (entry: string) =>
	Object.fromEntries(
		page(entry)
			.querySelectorAll('link[rel="alternate"][hreflang]')
			.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]),
	);
const jsonLd = (entry: string) =>
	page(entry)
		.querySelectorAll('script[type="application/ld+json"]')
		.map((script) => JSON.parse(script.text) as { '@type': string; inLanguage?: string });

/** Every file of the output with its text, gzip payloads (Pagefind) and ZIP members (press kits) included. */
function outputTexts(outDir: string): Array<{ file: string; text: string }> {
	return listFiles(outDir).flatMap((file) => {
		const bytes = readFileSync(path.join(outDir, file));
		const texts = [bytes.toString('utf8'), bytes.toString('latin1')];
		if (bytes[0] === 0x1f && bytes[1] === 0x8b) texts.push(gunzipSync(bytes).toString('utf8'));
		if (file.endsWith('.zip'))
			texts.push(...Object.values(unzipSync(new Uint8Array(bytes))).map((data) => Buffer.from(data).toString('utf8')));
		return texts.map((text) => ({ file, text: text.toLowerCase() }));
	});
}

describe('an entry in another language and the entry it translates', () => {
	it('gives each page the <html lang> of its entry, the site’s interface marked French', () => {
		expect(page(TRANSLATION).querySelector('html')?.getAttribute('lang')).toBe('en');
		expect(page(ORIGINAL).querySelector('html')?.getAttribute('lang')).toBe('fr');
		// The interface has no English words yet: its header and footer say what they are.
		const chrome = page(TRANSLATION).querySelectorAll('body > div[lang="fr"]');
		expect(chrome.map((div) => div.querySelector('.site-header, .site-footer')?.classNames)).toEqual([
			expect.stringContaining('site-header'),
			expect.stringContaining('site-footer'),
		]);
		expect(page(ORIGINAL).querySelectorAll('body > div[lang]')).toHaveLength(0);
		expect(page(TRANSLATION).querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe('en');
	});

	it('links both pages to each other with hreflang, and to the original as x-default', () => {
		const expected = {
			fr: `${ORIGIN}/${ORIGINAL}/`,
			en: `${ORIGIN}/${TRANSLATION}/`,
			'x-default': `${ORIGIN}/${ORIGINAL}/`,
		};
		expect(versions(ORIGINAL)).toEqual(expected);
		expect(versions(TRANSLATION)).toEqual(expected);
		expect(versions('rencontres/2025-03-12-rencontre-printemps')).toEqual({});
	});

	it('says the language in the JSON-LD and writes the dates in it', () => {
		expect(jsonLd(TRANSLATION).find((data) => data['@type'] === 'NewsArticle')?.inLanguage).toBe('en');
		expect(jsonLd(ORIGINAL).find((data) => data['@type'] === 'NewsArticle')?.inLanguage).toBe('fr-FR');
		const times = (entry: string) =>
			page(entry)
				.querySelectorAll('.entry__meta time')
				.map((time) => time.text);
		expect(times(TRANSLATION)).toEqual(['May 20, 2025 at 10:00 AM', 'May 22, 2025']);
		expect(times(ORIGINAL)).toEqual(['10\u00a0mai\u00a02025 à 10\u00a0h', '12\u00a0mai\u00a02025']);
	});

	it('lists both in the feeds, which feed readers parse', () => {
		for (const feed of ['rss.xml', 'atom.xml', 'communiques/rss.xml']) {
			const urls = parseFeed(readOutput(site.outDir, feed)).items.map((item) => item.url);
			expect(urls, feed).toEqual(expect.arrayContaining([`${ORIGIN}/${ORIGINAL}/`, `${ORIGIN}/${TRANSLATION}/`]));
		}
	});
});

describe('what is not published', () => {
	const absent = {
		'the translation of a draft': ['zeppelinfield', '2025-04-02-internal-project', '2025-04-01-projet-interne'],
		'the entry under embargo': ['xylophage', '2026-09-01-annonce-xylophage'],
	};
	for (const [what, secrets] of Object.entries(absent)) {
		it(`leaves no trace of ${what} in any file of the output (pages, feeds, sitemap, index, cards, calendars)`, () => {
			const texts = outputTexts(site.outDir);
			// The checks below read each kind of output: an empty or unread one would pass them all.
			for (const kind of ['rss.xml', 'atom.xml', 'feed.json', 'sitemap-0.xml', 'pagefind-entry.json', '.pf_fragment', '.png', '.ics']) {
				expect(
					texts.some(({ file }) => file.endsWith(kind)),
					kind,
				).toBe(true);
			}
			expect(texts.some(({ text }) => text.includes('salindres plant'))).toBe(true);
			for (const { file, text } of texts) {
				for (const secret of secrets) {
					expect(file.toLowerCase(), file).not.toContain(secret);
					expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
				}
			}
		});
	}
});

describe('a press contact of another organisation', () => {
	const vcard = (slug: string) => readOutput(site.outDir, `${ORIGINAL}/contacts/${slug}.vcf`).replace(/\r\n /g, '');

	it('is shown with their organisation, which their card gives as ORG', () => {
		const contact = page(ORIGINAL)
			.querySelectorAll('.contacts li')
			.find((item) => item.text.includes('Marie Dupont'));
		expect(contact?.querySelectorAll('span').map((span) => span.text)).toContain('Alès Myriapolis');
		expect(vcard('marie-dupont')).toContain('\r\nORG:Alès Myriapolis\r\n');
	});

	it('keeps the site’s publisher as ORG for a contact without organisation', () => {
		expect(vcard('paul-martin')).toContain('\r\nORG:Relais (exemple de salle de presse)\r\n');
	});
});

describe('an incremental rebuild', () => {
	it('updates the original’s page when its translation changes language', () => {
		const file = path.join(content, `${TRANSLATION}.md`);
		writeFileSync(file, readFileSync(file, 'utf8').replace('lang: en', 'lang: de'));
		const rebuilt = buildSite({ fixture: content, outDir: site.outDir, cacheDir, env });
		if (!rebuilt.ok) throw new Error(rebuilt.output);
		// Pages were reused, so the original's page was rebuilt because its key covers the translation:
		// the fixture keeps them apart otherwise (no shared theme, another release dated between them).
		expect((rebuilt.output.match(/\((cached|restored)\)/g) ?? []).length).toBeGreaterThan(0);
		expect(versions(ORIGINAL)).toEqual({
			fr: `${ORIGIN}/${ORIGINAL}/`,
			de: `${ORIGIN}/${TRANSLATION}/`,
			'x-default': `${ORIGIN}/${ORIGINAL}/`,
		});
	});
});
