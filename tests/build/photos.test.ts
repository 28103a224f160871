/**
 * Builds the `photos` fixture and reads back what a journalist gets of the press
 * photos: the entry page (figures, captions, credits, downloads with their labels),
 * the originals (byte for byte), the web-size JPEGs (size and XMP, read with
 * sharp), the ImageObject JSON-LD, the press-kit ZIP and its LISEZ-MOI.txt, the
 * photo library and its filter pages; nothing of a draft's or a scheduled entry's
 * photos anywhere (search index included); the same bytes from a second build with
 * another cache; every link under /presse/ with BASE_PATH.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { describePhotoFile } from '../../src/photos/photos';
import { buildSite, listFiles, readOutput, type BuildResult } from '../helpers/build';

const ORIGIN = 'https://presse.example.org';
const VISITE = 'communiques/2026-01-10-visite';
const RENCONTRE = 'rencontres/2025-10-07-rencontre';
const fixture = (...parts: string[]) => path.resolve('tests/fixtures/photos/content', ...parts);
/** Cards play no part here: off, the builds are quicker. */
const env = { RELAIS_BUILD_TIME: '2026-03-01T12:00:00Z', RELAIS_CARDS: 'off' };

let site: BuildResult;
beforeAll(() => {
	site = buildSite({ fixture: 'photos', env });
	if (!site.ok) throw new Error(site.output);
});

const html = (file: string, outDir = site.outDir) => parse(readOutput(outDir, file));
const bytes = (file: string, outDir = site.outDir) => readFileSync(path.join(outDir, file));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The schema.org objects of a page's JSON-LD. */
const jsonLd = (file: string, outDir = site.outDir): Array<Record<string, unknown>> =>
	html(file, outDir)
		.querySelectorAll('script[type="application/ld+json"]')
		.flatMap((script) => {
			const data = JSON.parse(script.textContent) as unknown;
			return (Array.isArray(data) ? data : [data]) as Array<Record<string, unknown>>;
		});

describe('entry page', () => {
	it('shows each photo as a lazy responsive figure with its caption and credit', () => {
		const section = html(`${VISITE}/index.html`).querySelector('section[aria-labelledby="photos-de-presse"]');
		expect(section?.querySelector('h2')?.text).toBe('Photos');
		const figures = section?.querySelectorAll('figure') ?? [];
		expect(figures).toHaveLength(3);
		const image = figures[0]?.querySelector('img');
		expect(image?.getAttribute('loading')).toBe('lazy');
		expect(image?.getAttribute('decoding')).toBe('async');
		expect(image?.getAttribute('alt')).toBe('La salle comble pendant l’accueil');
		expect(image?.getAttribute('srcset')).toMatch(/480w, .* 800w, .* 1200w$/);
		expect(image?.getAttribute('width')).toBe('1200');
		// The caption is text, never markup.
		expect(figures[0]?.querySelector('figcaption')?.text).toContain('L’accueil des entreprises <b>dans la salle</b> & le café');
		expect(figures[0]?.querySelector('.photo__credit')?.text).toBe('Photo\u00a0: Alès Agglomération / J. Martin');
		// No section for an entry without photos.
		expect(html('communiques/2025-12-01-sans-photo/index.html').querySelector('#photos-de-presse')).toBeNull();
	});

	it('offers the original and the web-size JPEG with format, pixels and weight, the credit line and the licence', () => {
		const photos = html(`${VISITE}/index.html`).querySelectorAll('.photo');
		const links = photos[0]?.querySelectorAll('.photo__downloads a') ?? [];
		expect(links.map((link) => link.getAttribute('href'))).toEqual([
			`/${VISITE}/photos/salle-comble.jpg`,
			`/${VISITE}/photos/salle-comble-web.jpg`,
		]);
		const original = bytes(`${VISITE}/photos/salle-comble.jpg`);
		const web = bytes(`${VISITE}/photos/salle-comble-web.jpg`);
		expect(squash(links[0]?.text ?? '')).toBe(
			squash(`Télécharger l’original (${describePhotoFile('jpg', 2400, 1600, original.byteLength, 'fr-FR')})`),
		);
		expect(squash(links[1]?.text ?? '')).toBe(
			squash(`Télécharger en format web (${describePhotoFile('jpg', 2000, 1333, web.byteLength, 'fr-FR')})`),
		);
		expect(links[0]?.text).toContain('JPEG – 2\u202f400\u00a0×\u00a01\u202f600\u00a0px – ');
		expect(photos[0]?.querySelector('.photo__credit-line')?.text).toBe('Photo\u00a0: Alès Agglomération / J. Martin');
		expect(photos[0]?.querySelector('.photo__licence')?.text).toContain('Licence\u00a0: Utilisation libre');
		// A photo's own licence, its address a link.
		const licence = photos[1]?.querySelector('.photo__licence a');
		expect(licence?.getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/deed.fr');
		expect(licence?.text).toContain('CC BY 4.0');
		// Two files of the same name: the second gets its own.
		expect(photos[2]?.querySelector('.photo__downloads a')?.getAttribute('href')).toBe(`/${VISITE}/photos/salle-comble-2.jpg`);
	});

	it('serves the originals byte for byte', () => {
		expect(bytes(`${VISITE}/photos/salle-comble.jpg`).equals(readFileSync(fixture(VISITE, 'salle-comble.jpg')))).toBe(true);
		expect(bytes(`${VISITE}/photos/salle-comble-2.jpg`).equals(readFileSync(fixture(VISITE, 'autres/salle-comble.jpg')))).toBe(true);
		expect(bytes(`${VISITE}/photos/plan.png`).equals(readFileSync(fixture(VISITE, 'plan.png')))).toBe(true);
	});

	it('makes web-size JPEGs, never enlarged, carrying credit and licence in their XMP', async () => {
		const web = await sharp(bytes(`${VISITE}/photos/salle-comble-web.jpg`)).metadata();
		expect([web.format, web.width, web.height]).toEqual(['jpeg', 2000, 1333]);
		const xmp = web.xmp?.toString('utf8') ?? '';
		expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>Alès Agglomération / J. Martin</rdf:li></rdf:Seq></dc:creator>');
		expect(xmp).toContain('<photoshop:Credit>Alès Agglomération / J. Martin</photoshop:Credit>');
		expect(xmp).toContain(
			'<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© Alès Agglomération / J. Martin</rdf:li></rdf:Alt></dc:rights>',
		);
		expect(xmp).toMatch(/<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">Utilisation libre[^<]*<\/rdf:li>/);
		expect(xmp).toContain('&lt;b&gt;dans la salle&lt;/b&gt; &amp; le café');
		expect(xmp).toContain(`<plus:LicensorURL>${ORIGIN}/presse/</plus:LicensorURL>`);
		expect(xmp).not.toContain('WebStatement');
		const plan = await sharp(bytes(`${VISITE}/photos/plan-web.jpg`)).metadata();
		expect([plan.format, plan.width, plan.height]).toEqual(['jpeg', 300, 200]);
		expect(plan.xmp?.toString('utf8')).toContain(
			'<xmpRights:WebStatement>https://creativecommons.org/licenses/by/4.0/deed.fr</xmpRights:WebStatement>',
		);
		const portrait = await sharp(bytes(`${RENCONTRE}/photos/tribune-web.jpg`)).metadata();
		expect([portrait.width, portrait.height]).toEqual([1333, 2000]);
	});

	it('describes each photo and its rights as a schema.org ImageObject', () => {
		const images = jsonLd(`${VISITE}/index.html`).filter((object) => object['@type'] === 'ImageObject');
		expect(images).toHaveLength(3);
		expect(images[0]).toEqual({
			'@context': 'https://schema.org',
			'@type': 'ImageObject',
			contentUrl: `${ORIGIN}/${VISITE}/photos/salle-comble.jpg`,
			url: `${ORIGIN}/${VISITE}/`,
			caption: 'L’accueil des entreprises <b>dans la salle</b> & le café',
			creditText: 'Alès Agglomération / J. Martin',
			creator: { '@type': 'Person', name: 'J. Martin' },
			copyrightNotice: 'Alès Agglomération / J. Martin',
			acquireLicensePage: `${ORIGIN}/presse/`,
			inLanguage: 'fr-FR',
		});
		expect(images[1]).toMatchObject({
			creator: { '@type': 'Organization', name: 'Leader Alès' },
			license: 'https://creativecommons.org/licenses/by/4.0/deed.fr',
		});
		// Escaped for a <script> element.
		expect(readOutput(site.outDir, `${VISITE}/index.html`)).toContain('\\u003cb\\u003edans la salle');
	});
});

describe('press kit', () => {
	const readme = (zip: Record<string, Uint8Array>) => Buffer.from(zip['LISEZ-MOI.txt'] ?? []).toString('utf8');

	it('holds a LISEZ-MOI.txt, the attachments and the originals of the photos', () => {
		const zip = unzipSync(new Uint8Array(bytes(`${VISITE}/dossier-de-presse.zip`)));
		expect(Object.keys(zip)).toEqual([
			'LISEZ-MOI.txt',
			'programme.txt',
			'photos/salle-comble.jpg',
			'photos/plan.png',
			'photos/salle-comble-2.jpg',
		]);
		expect(Buffer.from(zip['photos/salle-comble.jpg'] ?? []).equals(readFileSync(fixture(VISITE, 'salle-comble.jpg')))).toBe(true);
		expect(Buffer.from(zip['programme.txt'] ?? []).equals(readFileSync(fixture(VISITE, 'programme.txt')))).toBe(true);
		const text = readme(zip);
		// UTF-8 with a byte order mark, CRLF line ends.
		expect(text.startsWith('\uFEFFDossier de presse – Visite de l’usine Richard Ducros\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toContain('\n');
		const original = readFileSync(fixture(VISITE, 'salle-comble.jpg')).byteLength;
		expect(text).toContain(
			[
				'photos/salle-comble.jpg',
				`  ${describePhotoFile('jpg', 2400, 1600, original, 'fr-FR')}`,
				'  Légende\u00a0: L’accueil des entreprises <b>dans la salle</b> & le café',
				'  Crédit\u00a0: Photo\u00a0: Alès Agglomération / J. Martin',
				'  Licence\u00a0: Utilisation libre',
			].join('\r\n'),
		);
		expect(text).toContain('photos/plan.png\r\n');
		expect(text).toContain('  Licence\u00a0: CC BY 4.0 – https://creativecommons.org/licenses/by/4.0/deed.fr\r\n');
		expect(text).toContain('Code de la propriété intellectuelle, art. L.121-1');
		expect(text).toContain('programme.txt\r\n  Programme de la visite (TXT – ');
		expect(text).toContain(`${ORIGIN}/${VISITE}/\r\n`);
	});

	it('exists for an entry with photos and no attachments, offered on its page', () => {
		const zip = unzipSync(new Uint8Array(bytes(`${RENCONTRE}/dossier-de-presse.zip`)));
		expect(Object.keys(zip)).toEqual(['LISEZ-MOI.txt', 'photos/tribune.jpg']);
		expect(readme(zip)).toContain(
			'  Légende\u00a0: Ouverture de la rencontre par la présidente\r\n  Crédit\u00a0: Photo\u00a0: Lozère Développement / A. Roux\r\n',
		);
		expect(html(`${RENCONTRE}/index.html`).querySelector(`.attachments a[href="/${RENCONTRE}/dossier-de-presse.zip"]`)).not.toBeNull();
		expect(
			listFiles(site.outDir)
				.filter((file) => file.endsWith('.zip'))
				.sort(),
		).toEqual([path.join(VISITE, 'dossier-de-presse.zip'), path.join(RENCONTRE, 'dossier-de-presse.zip')]);
	});
});

describe('photo library', () => {
	it('lists every published photo, newest entry first, each with its entry, credit and downloads', () => {
		const page = html('photos/index.html');
		expect(page.querySelector('h1')?.text).toBe('Photothèque');
		const photos = page.querySelectorAll('.photo-grid > li');
		expect(photos.map((photo) => photo.querySelector('.photo__downloads a')?.getAttribute('href'))).toEqual([
			`/${VISITE}/photos/salle-comble.jpg`,
			`/${VISITE}/photos/plan.png`,
			`/${VISITE}/photos/salle-comble-2.jpg`,
			`/${RENCONTRE}/photos/tribune.jpg`,
		]);
		expect(photos[3]?.querySelector('.photo__from a')?.getAttribute('href')).toBe(`/${RENCONTRE}/`);
		expect(photos[3]?.querySelector('.photo__credit-line')?.text).toBe('Photo\u00a0: Lozère Développement / A. Roux');
		expect(photos[3]?.querySelectorAll('.photo__downloads a').map((link) => link.getAttribute('href'))).toEqual([
			`/${RENCONTRE}/photos/tribune.jpg`,
			`/${RENCONTRE}/photos/tribune-web.jpg`,
		]);
		expect(page.querySelector('.photo-count')?.text).toBe('4 photos');
	});

	it('filters by theme, year and city with static pages linked from its navigation', () => {
		const nav = html('photos/index.html')
			.querySelectorAll('.photo-filters a')
			.map((link) => [link.getAttribute('href'), link.text]);
		expect(nav).toEqual([
			['/photos/', 'Toutes les photos'],
			['/photos/themes/industrie/', 'industrie'],
			['/photos/themes/rse/', 'RSE'],
			['/photos/themes/territoires-d-industrie/', 'Territoires d’industrie'],
			['/photos/annees/2026/', '2026'],
			['/photos/annees/2025/', '2025'],
			['/photos/villes/ales/', 'Alès'],
			['/photos/villes/mende/', 'Mende'],
		]);
		const city = html('photos/villes/mende/index.html');
		expect(city.querySelector('h1')?.text).toBe('Photos à Mende');
		expect(city.querySelector('.photo-filters a[aria-current="page"]')?.getAttribute('href')).toBe('/photos/villes/mende/');
		expect(city.querySelectorAll('.photo-grid > li')).toHaveLength(1);
		expect(html('photos/themes/industrie/index.html').querySelectorAll('.photo-grid > li')).toHaveLength(3);
		expect(html('photos/annees/2025/index.html').querySelectorAll('.photo-grid > li')).toHaveLength(1);
	});
});

describe('publishing rules', () => {
	it('leaves no trace of a draft’s or a scheduled entry’s photos in any file, archives and search index included', () => {
		const secrets = ['secret-brouillon', 'secret-embargo', 'zorglub', 'quasimodo', 'embargoville', 'brouillon-photo', 'embargo-photo'];
		let searched = 0;
		for (const file of listFiles(site.outDir)) {
			expect(file.toLowerCase()).not.toMatch(/secret|brouillon|embargo/);
			const data = bytes(file);
			const contents = [data.toString('utf8')];
			if (file.endsWith('.zip')) {
				for (const entry of Object.values(unzipSync(new Uint8Array(data)))) contents.push(Buffer.from(entry).toString('utf8'));
			}
			// Pagefind's index and fragments are gzipped.
			if (data[0] === 0x1f && data[1] === 0x8b) {
				contents.push(gunzipSync(data).toString('utf8'));
				searched += 1;
			}
			for (const secret of secrets) {
				expect(
					contents.some((content) => content.toLowerCase().includes(secret)),
					`${secret} in ${file}`,
				).toBe(false);
			}
		}
		expect(searched).toBeGreaterThan(3);
	});

	it('indexes captions and credits for search', () => {
		const fragments = listFiles(site.outDir)
			.filter((file) => file.startsWith('pagefind') && file.endsWith('.pf_fragment'))
			.map((file) => gunzipSync(bytes(file)).toString('utf8'));
		expect(fragments.some((fragment) => fragment.includes('Ouverture de la rencontre par la présidente'))).toBe(true);
		expect(fragments.some((fragment) => fragment.includes('Lozère Développement / A. Roux'))).toBe(true);
	});
});

describe('another build', () => {
	let second: BuildResult;
	let based: BuildResult;
	beforeAll(() => {
		// A fresh cache: every web-size JPEG is encoded again.
		second = buildSite({ fixture: 'photos', env: { ...env, RELAIS_BUILD_TIME: '2026-03-01T12:07:00Z' } });
		if (!second.ok) throw new Error(second.output);
		based = buildSite({ fixture: 'photos', env: { ...env, BASE_PATH: '/presse' } });
		if (!based.ok) throw new Error(based.output);
	});

	it('gives the same bytes: pages, originals, web-size JPEGs, archives', () => {
		const files = listFiles(site.outDir).sort();
		expect(listFiles(second.outDir).sort()).toEqual(files);
		const differing = files.filter((file) => !bytes(file).equals(bytes(file, second.outDir)));
		expect(differing).toEqual([]);
		expect(files.filter((file) => file.includes(`${path.sep}photos${path.sep}`)).length).toBeGreaterThanOrEqual(8);
	});

	it('keeps every photo link, download and address under /presse/ with BASE_PATH', () => {
		const page = html(`${VISITE}/index.html`, based.outDir);
		const links = page.querySelectorAll('.photo__downloads a').map((link) => link.getAttribute('href') ?? '');
		expect(links[0]).toBe(`/presse/${VISITE}/photos/salle-comble.jpg`);
		for (const link of links) expect(listFiles(based.outDir)).toContain(link.replace(/^\/presse\//, ''));
		expect(page.querySelector('.photo__figure img')?.getAttribute('src')).toMatch(/^\/presse\/_astro\//);
		const image = jsonLd(`${VISITE}/index.html`, based.outDir).find((object) => object['@type'] === 'ImageObject');
		expect(image?.contentUrl).toBe(`${ORIGIN}/presse/${VISITE}/photos/salle-comble.jpg`);
		expect(image?.acquireLicensePage).toBe(`${ORIGIN}/presse/presse/`);
		const library = html('photos/index.html', based.outDir);
		expect(library.querySelector('.photo__from a')?.getAttribute('href')).toBe(`/presse/${VISITE}/`);
		expect(library.querySelectorAll('.photo-filters a').every((link) => link.getAttribute('href')?.startsWith('/presse/photos/'))).toBe(
			true,
		);
		expect(html('index.html', based.outDir).querySelector('.site-footer a[href="/presse/photos/"]')).not.toBeNull();
	});
});
