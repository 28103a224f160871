/**
 * The copy of Sveltia CMS the site serves (src/editor/bundle.ts), on the
 * installed bundle: every CDN address it would call for its fonts, its
 * interface strings and its update check points at a file of the site, under
 * the base; the files it names exist in the npm packages; and a bundle whose
 * addresses are not recognised is refused, so an upgrade cannot quietly call
 * a CDN again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITOR_FONTS, editorFontFile, editorFontRequests, selfHostedEditorScript } from '../../src/editor/bundle';
import { projectRoot } from '../helpers/build';

const require = createRequire(path.join(projectRoot, 'package.json'));
const sveltia = path.join(projectRoot, 'node_modules/@sveltia/cms');
const bundle = readFileSync(path.join(sveltia, 'dist/sveltia-cms.js'), 'utf8');
const served = selfHostedEditorScript(bundle, '/presse/admin/');

describe('selfHostedEditorScript', () => {
	it('points the fonts, the interface strings and the update check at the site', () => {
		expect(served).not.toMatch(/cdn\.jsdelivr\.net/);
		expect(served).not.toContain('https://unpkg.com/@sveltia/cms');
		expect(served).toContain('/presse/admin/fonts/material-symbols-outlined-latin-wght-normal.woff2');
		expect(served).toContain('"/presse/admin/locales"');
		expect(served).toContain('"/presse/admin/sveltia-cms"');
		expect(served).not.toMatch(/sourceMappingURL/);
	});

	it('asks only for fonts the npm packages have', () => {
		const requests = editorFontRequests(bundle);
		expect(requests.map((font) => font.family).sort()).toEqual(EDITOR_FONTS.map((font) => font.family).sort());
		for (const { family, file } of requests) {
			const font = EDITOR_FONTS.find((known) => known.family === family)!;
			const folder = path.dirname(require.resolve(`${font.packageName}/package.json`));
			expect(existsSync(path.join(folder, 'files', editorFontFile(family, file))), `${family} ${file}`).toBe(true);
		}
		expect(existsSync(path.join(sveltia, 'locales/fr.json'))).toBe(true);
	});

	it('refuses a bundle whose addresses it does not know, in French', () => {
		expect(() => selfHostedEditorScript(bundle.replace(/noto-mono/g, 'fira-code'), '/admin/')).toThrow(
			/Sveltia CMS : polices inattendues dans sveltia-cms\.js .*EDITOR_FONTS/,
		);
		expect(() => selfHostedEditorScript(bundle.replace(/\/locales`/g, '/i18n`'), '/admin/')).toThrow(
			'Sveltia CMS : adresse des traductions ou du contrôle de version introuvable dans sveltia-cms.js : revoyez src/editor/bundle.ts pour cette version.',
		);
	});
});
