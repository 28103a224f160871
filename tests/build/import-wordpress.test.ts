/**
 * Imports the realistic WordPress export of `tests/fixtures/wordpress/` into a
 * temporary content folder (as `npm run import` does) and builds the site from
 * it under `BASE_PATH=/presse`: the imported pages, their cover and press kit,
 * their press photos (on the page and in `/photos/`), the old addresses (a
 * meta-refresh page and `_redirects`, none to an unpublished entry), no broken
 * link, nothing of the drafts, private, protected or scheduled posts, and
 * nothing of the hostile post's scripts, handlers and dangerous URLs in any page
 * or feed. A second, incremental build after the scheduled post's date
 * redirects to it too.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWordPress } from '../../src/import/wordpress/import';
import { buildSite, listFiles, readOutput, type BuildResult } from '../helpers/build';
import { checkLinks } from '../helpers/links';

const fixture = path.resolve('tests/fixtures/wordpress');
const RELEASE = 'communiques/2021-03-15-l-usine-1-200-emplois';
/** The old address of the rencontre the import makes a draft (WordPress gives no place). */
const DRAFT_OLD_PATH = '2021/04/02/forum-emploi-bilan';
/** An old address added by hand to the scheduled post (WordPress gave it none: `?p=31`). */
const SCHEDULED_OLD_PATH = '2099/01/10/inauguration';
/** The post full of scripts, event handlers and `javascript:`, `data:`, `vbscript:` URLs, published. */
const HOSTILE = 'communiques/2021-06-01-communique-piege';
/** What none of the hostile post's payloads may leave in any output file, raw or escaped (feeds). */
const HOSTILE_TRACES =
	/javascript:|vbscript:|data:text\/html|data:image\/svg|\bon(error|click|mouseover|load)\s*=|srcdoc|<iframe|&lt;iframe|&lt;script|\\u003cscript|alert\(|msgbox\(/i;
/** The only scripts the site writes itself: structured data, its bundled modules, the web editor's. */
const OWN_SCRIPT =
	/^<script (type="application\/ld\+json"|type="module" src="\/presse\/_astro\/[\w.-]+\.js"|src="\/presse\/admin\/[\w.-]+\.js")>$/;
const env = { BASE_PATH: '/presse', RELAIS_CARDS: 'off' };

let contentDir: string;
let cacheDir: string;
let scheduled: string;
let site: BuildResult;
beforeAll(async () => {
	contentDir = mkdtempSync(path.join(tmpdir(), 'relais-wordpress-'));
	cacheDir = mkdtempSync(path.join(tmpdir(), 'relais-wordpress-cache-'));
	await importWordPress({
		exportFile: path.join(fixture, 'export.xml'),
		uploadsDir: path.join(fixture, 'uploads'),
		contentDir,
		collectionMap: 'Rencontres=rencontres',
	});
	const name = readdirSync(path.join(contentDir, 'communiques')).find((file) => file.includes('inauguration-programmee'));
	scheduled = `communiques/${name?.replace(/\.mdx?$/, '')}`;
	const redirects = JSON.parse(readFileSync(path.join(contentDir, 'redirects.json'), 'utf8')) as Record<string, string>;
	writeFileSync(path.join(contentDir, 'redirects.json'), JSON.stringify({ ...redirects, [`/${SCHEDULED_OLD_PATH}/`]: `/${scheduled}/` }));
	site = buildSite({ fixture: contentDir, cacheDir, env: { ...env, RELAIS_BUILD_TIME: '2026-03-01T12:00:00Z' } });
	if (!site.ok) throw new Error(site.output);
});

describe('a site built from a WordPress import', () => {
	it('passes the content check without errors', () => {
		expect(site.output).not.toMatch(/Erreur :/);
	});

	it('publishes the release with its title, text, cover, body image and press kit', () => {
		const page = parse(readOutput(site.outDir, `${RELEASE}/index.html`));
		expect(page.querySelector('h1')?.text).toContain('L’usine');
		expect(page.querySelector('h1')?.text).toContain('emplois & plus');
		const images = page.querySelectorAll('img').map((image) => image.getAttribute('alt'));
		expect(images).toContain('Le site de l’usine au lever du jour');
		expect(images).toContain('L’atelier de montage');
		expect(page.text).toContain('Agglo / J. Martin');
		expect(page.querySelector('a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]')).not.toBeNull();
		expect(readOutput(site.outDir, `${RELEASE}/index.html`)).not.toContain('piège');
		const pdf = readFileSync(path.join(site.outDir, RELEASE, 'fichiers/programme-usine.pdf'));
		expect(pdf.equals(readFileSync(path.join(fixture, 'uploads/2021/03/programme-usine.pdf')))).toBe(true);
		expect(page.querySelectorAll('a').some((link) => link.getAttribute('href')?.endsWith('fichiers/programme-usine.pdf'))).toBe(true);
	});

	it('publishes the gallery and the credited captioned image as press photos, on the page and in the library', () => {
		const page = parse(readOutput(site.outDir, `${RELEASE}/index.html`));
		const photos = page.querySelectorAll('section[aria-labelledby="photos-de-presse"] .photo');
		expect(photos.map((photo) => photo.querySelector('.photo__credit')?.text)).toEqual([
			'Photo\u00a0: Agglo / J. Martin',
			'Photo\u00a0: Agglo / Hélène Dupré',
			'Photo\u00a0: Agglo Presse',
		]);
		expect(photos[1]?.querySelector('img')?.getAttribute('alt')).toBe('La grue au-dessus des fondations de l’usine');
		expect(photos[1]?.querySelector('figcaption')?.text).toContain('La grue du chantier, en mars');
		const original = readFileSync(path.join(site.outDir, RELEASE, 'photos/chantier-grue.png'));
		expect(original.equals(readFileSync(path.join(fixture, 'uploads/2021/03/chantier-grue.png')))).toBe(true);
		// The uncredited image stays in the text only.
		const inText = page.querySelectorAll('.entry__body img, article img').map((image) => image.getAttribute('alt'));
		expect(inText).toContain('La maquette du futur bâtiment');
		expect(photos.some((photo) => photo.text.includes('maquette'))).toBe(false);

		const library = parse(readOutput(site.outDir, 'photos/index.html'));
		const listed = library.querySelectorAll('.photo-grid > li');
		expect(listed.map((photo) => photo.querySelector('.photo__downloads a')?.getAttribute('href'))).toEqual([
			`/presse/${RELEASE}/photos/atelier.png`,
			`/presse/${RELEASE}/photos/chantier-grue.png`,
			`/presse/${RELEASE}/photos/chantier-equipe.png`,
		]);
	});

	it('has no broken link', () => {
		const report = checkLinks(site.outDir, { origin: 'https://presse.example.org', base: '/presse' });
		expect(report.checked).toBeGreaterThan(100);
		expect(report.broken.join('\n')).toBe('');
	});

	it('redirects the old address: a meta-refresh page and a _redirects line, under the base path', () => {
		const html = readOutput(site.outDir, '2021/03/15/l-usine-1-200-emplois/index.html');
		const refresh = parse(html);
		expect(refresh.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=/presse/${RELEASE}/`);
		expect(refresh.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
		expect(refresh.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://presse.example.org/presse/${RELEASE}/`);
		const link = refresh.querySelector('body a');
		expect(link?.getAttribute('href')).toBe(`/presse/${RELEASE}/`);
		expect(link?.text).toContain('1 200 emplois');
		expect(refresh.querySelector('body')?.text).toContain('Cette page a changé d’adresse\u00a0:');
		expect(readOutput(site.outDir, '_redirects')).toContain(`/presse/2021/03/15/l-usine-1-200-emplois/ /presse/${RELEASE}/ 301\n`);
		// Only sends visitors on: not a page to list.
		expect(readOutput(site.outDir, 'sitemap-0.xml')).not.toContain('2021/03/15/l-usine');
	});

	it('has no redirect to the draft rencontre nor to the scheduled post, and names neither', () => {
		for (const old of [DRAFT_OLD_PATH, SCHEDULED_OLD_PATH]) {
			expect(existsSync(path.join(site.outDir, old, 'index.html'))).toBe(false);
			expect(readOutput(site.outDir, '_redirects')).not.toContain(old);
		}
		expect(readOutput(site.outDir, '_redirects')).not.toMatch(/forum-emploi-bilan|inauguration/);
	});

	it('redirects to the scheduled post from the build that publishes it on', () => {
		const later = buildSite({ fixture: contentDir, cacheDir, env: { ...env, RELAIS_BUILD_TIME: '2099-02-01T12:00:00Z' } });
		if (!later.ok) throw new Error(later.output);
		const refresh = parse(readOutput(later.outDir, `${SCHEDULED_OLD_PATH}/index.html`));
		expect(refresh.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=/presse/${scheduled}/`);
		expect(readOutput(later.outDir, '_redirects')).toContain(`/presse/${SCHEDULED_OLD_PATH}/ /presse/${scheduled}/ 301\n`);
		expect(existsSync(path.join(later.outDir, DRAFT_OLD_PATH, 'index.html'))).toBe(false);
		// The same redirect gives the same bytes, whether rendered again or copied from the cache.
		const release = '2021/03/15/l-usine-1-200-emplois/index.html';
		expect(readOutput(later.outDir, release)).toBe(readOutput(site.outDir, release));
	});

	it('publishes the hostile post with none of its scripts, handlers or dangerous URLs in any page or feed', () => {
		const page = parse(readOutput(site.outDir, `${HOSTILE}/index.html`));
		expect(page.querySelector('h1')?.text).toContain('Communiqué piégé');
		expect(page.text).toContain('La suite du communiqué.');
		expect(page.querySelector('a[href="https://www.example.org/"]')?.text).toBe('un vrai lien');
		for (const feed of ['rss.xml', 'atom.xml', 'feed.json']) expect(readOutput(site.outDir, feed)).toContain('La suite du communiqué.');
		// The web editor's own bundle and translations are the vendor's code, not output of the content.
		const files = listFiles(site.outDir).filter((file) => !/^admin\/(sveltia-cms\.js|locales\/)/.test(file));
		expect(files.length).toBeGreaterThan(100);
		const traces = files.flatMap((file) => {
			const text = readFileSync(path.join(site.outDir, file), 'utf8');
			const found = HOSTILE_TRACES.exec(text)?.[0];
			const scripts = (text.match(/<script\b[^>]*>/gi) ?? []).filter((tag) => !OWN_SCRIPT.test(tag));
			return [...(found ? [`${file}: ${found}`] : []), ...scripts.map((tag) => `${file}: ${tag}`)];
		});
		expect(traces).toEqual([]);
	});

	it('publishes no draft, private, protected or scheduled post', () => {
		const files = listFiles(site.outDir).join('\n');
		for (const id of ['nouveau-plan-climat', 'note-interne', 'dossier-embargo', 'inauguration-programmee', 'forum-emploi-bilan/index']) {
			expect(files).not.toMatch(new RegExp(`(communiques|rencontres)/[^\\n]*${id}`));
		}
	});
});
