/**
 * Imports the realistic WordPress export of `tests/fixtures/wordpress/` into a
 * temporary content folder (as `npm run import` does) and builds the site from
 * it under `BASE_PATH=/presse`: the imported pages, their cover and press kit,
 * the old addresses (a meta-refresh page and `_redirects`), and nothing of the
 * drafts, private, protected or scheduled posts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWordPress } from '../../scripts/import';
import { buildSite, listFiles, readOutput, type BuildResult } from '../helpers/build';

const fixture = path.resolve('tests/fixtures/wordpress');
const RELEASE = 'communiques/2021-03-15-l-usine-1-200-emplois';

let site: BuildResult;
beforeAll(async () => {
	const contentDir = mkdtempSync(path.join(tmpdir(), 'relais-wordpress-'));
	await importWordPress({
		exportFile: path.join(fixture, 'export.xml'),
		uploadsDir: path.join(fixture, 'uploads'),
		contentDir,
		collectionMap: 'Rencontres=rencontres',
	});
	site = buildSite({
		fixture: contentDir,
		env: { BASE_PATH: '/presse', RELAIS_CARDS: 'off', RELAIS_BUILD_TIME: '2026-03-01T12:00:00Z' },
	});
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

	it('redirects the old address: a meta-refresh page and a _redirects line, under the base path', () => {
		const refresh = readOutput(site.outDir, '2021/03/15/l-usine-1-200-emplois/index.html');
		expect(refresh).toContain(`url=/presse/${RELEASE}/`);
		expect(readOutput(site.outDir, '_redirects')).toContain(`/presse/2021/03/15/l-usine-1-200-emplois/ /presse/${RELEASE}/ 301\n`);
	});

	it('publishes no draft, private, protected or scheduled post', () => {
		const files = listFiles(site.outDir).join('\n');
		for (const id of ['nouveau-plan-climat', 'note-interne', 'dossier-embargo', 'inauguration-programmee', 'forum-emploi-bilan/index']) {
			expect(files).not.toMatch(new RegExp(`(communiques|rencontres)/[^\\n]*${id}`));
		}
	});
});
