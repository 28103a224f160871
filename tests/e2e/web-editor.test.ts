/**
 * The web editor (Sveltia CMS at `/admin/`) in Debian's Chromium, driven
 * through its own form as an author would: create a press release with
 * themes, a cover image and a PDF uploaded through the editor, save; the file
 * passes the content check and the next build publishes it with both files;
 * then edit it and turn it into a draft, and the builds follow.
 *
 * The local backend. Sveltia works on a local repository through
 * `showDirectoryPicker()`, and no automation can answer that picker: with
 * Chromium's file chooser interception (CDP
 * `Page.setInterceptFileChooserDialog`, what playwright's `filechooser` uses)
 * the picker is announced, then rejected with « AbortError: Intercepted by
 * Page.setInterceptFileChooserDialog() » (tried with Chromium 156); without
 * it, headless Chromium has no dialog to answer. So the test answers the
 * picker with a folder of the origin-private file system (OPFS): the same
 * `FileSystemDirectoryHandle` API the editor reads and writes a real folder
 * with. The fixture repository (a temporary copy, `.git` and `content/`) is
 * copied into it before, and what the editor wrote is copied back to the
 * fixture folder after each save, then checked and built from disk. Only
 * `window.showDirectoryPicker` is replaced; every click, keystroke and file
 * upload (`<input type="file">`, answered through playwright) goes through the
 * editor's own interface.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/authoring/check';
import { axeViolations, describeViolations } from '../helpers/axe';
import { launchBrowser, type Browser } from '../helpers/browser';
import { buildSite, listFiles, projectRoot, type BuildResult } from '../helpers/build';
import { serve, type StaticServer } from '../helpers/serve';

const UPLOADS = path.join(projectRoot, 'tests/fixtures/wordpress/uploads/2021/03');
const BUILD_ENV = {
	CMS_BACKEND: 'gitlab',
	CMS_REPO: 'relais/salle-de-presse',
	// Self-hosted: gitlab.com would have the editor ask its status page, which the policy refuses.
	CMS_API_ROOT: 'https://gitlab.example.org/api/v4',
	CMS_APP_ID: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
	RELAIS_BUILD_TIME: '2026-01-15T12:00:00+01:00',
};
/** Bidi isolates Sveltia puts around names in its labels (« Champ « ⁨Titre⁩ » »). */
const named = (name: string) => new RegExp(`^Champ « ?\u2068?${name.replace(/[()]/g, '\\$&')}\u2069? ?»$`);

let repository: string;
let content: string;
let site: BuildResult;
let server: StaticServer;
let browser: Browser;
let page: Page;
let problems: string[];
const violations: string[] = [];

const build = () => {
	const result = buildSite({ fixture: content, env: BUILD_ENV });
	if (!result.ok) throw new Error(`build failed:\n${result.output}`);
	return result;
};
const check = () =>
	checkContent({
		contentDir: content,
		timeZone: 'Europe/Paris',
		now: new Date(BUILD_ENV.RELAIS_BUILD_TIME),
		unknownFields: 'error',
	}).filter((problem) => problem.severity === 'error');

/** Files of the fixture repository, as base64, for the browser. */
function repositoryFiles(): Array<{ path: string; data: string }> {
	return listFiles(repository).map((file) => ({
		path: file.split(path.sep).join('/'),
		data: readFileSync(path.join(repository, file)).toString('base64'),
	}));
}

/** Fills the page's private file system folder `depot` with the fixture repository. */
async function seedFolder() {
	await page.evaluate(async (files) => {
		const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('depot', { create: true });
		await root.getDirectoryHandle('.git', { create: true });
		for (const file of files) {
			const parts = file.path.split('/');
			let folder = root;
			for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
			const writable = await (await folder.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
			await writable.write(Uint8Array.from(atob(file.data), (char) => char.charCodeAt(0)));
			await writable.close();
		}
	}, repositoryFiles());
}

/** Copies `content/` of the private folder back to the fixture repository (the editor's saves). */
async function syncBack() {
	// A write may still be finishing: its file disappears under the walk (NotFoundError); walk again.
	for (let attempt = 0; ; attempt += 1) {
		try {
			return await copyBack();
		} catch (error) {
			if (attempt >= 10 || !String(error).includes('NotFoundError')) throw error;
		}
	}
}

async function copyBack() {
	const files = await page.evaluate(async () => {
		const found: Array<{ path: string; data: string }> = [];
		const walk = async (folder: FileSystemDirectoryHandle, prefix: string) => {
			for await (const [name, handle] of folder as unknown as AsyncIterable<[string, FileSystemHandle]>) {
				// Chromium's swap file of a write in progress.
				if (name.endsWith('.crswap')) continue;
				if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
				else {
					const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
					let binary = '';
					for (const byte of bytes) binary += String.fromCharCode(byte);
					found.push({ path: `${prefix}${name}`, data: btoa(binary) });
				}
			}
		};
		const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('depot');
		await walk(await root.getDirectoryHandle('content'), 'content/');
		return found;
	});
	rmSync(content, { recursive: true, force: true });
	for (const file of files) {
		const target = path.join(repository, file.path);
		mkdirSync(path.dirname(target), { recursive: true });
		writeFileSync(target, Buffer.from(file.data, 'base64'));
	}
}

/** The new entry's file: the editor names it after the day it was created (the clock's) and the title. */
const pressReleases = () => readdirSync(path.join(content, 'communiques'));
const ENTRY_NAME = /^\d{4}-\d{2}-\d{2}-inauguration-de-l-atelier-mutualise\.md$/;
const entryFile = () => {
	const file = pressReleases().find((name) => ENTRY_NAME.test(name));
	if (!file) throw new Error(`no new entry in ${pressReleases().join(', ')}`);
	return path.join(content, 'communiques', file);
};

/** Saves, then copies the editor's writes back until `written` holds on disk (the status line may come first). */
async function save(written: () => boolean) {
	await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
	// Back to the list, or the entry reopened: the status line says it is saved either way.
	await page
		.getByText(/enregistrée/i)
		.first()
		.waitFor({ timeout: 30_000 });
	for (let attempt = 0; ; attempt += 1) {
		await syncBack();
		if (written()) return;
		if (attempt >= 60) throw new Error(`the editor's save did not reach its folder in 15 s: ${pressReleases().join(', ')}`);
		await page.waitForTimeout(250);
	}
}

/** « Parcourir » of a field, then « Téléverser » in the editor's file dialog, the file, « Insérer ». */
async function upload(field: RegExp, file: string) {
	await page.getByRole('group', { name: field }).getByRole('button', { name: 'Parcourir' }).click();
	const dialog = page.getByRole('dialog');
	const chooser = page.waitForEvent('filechooser');
	await dialog.getByRole('button', { name: 'Téléverser' }).click();
	await (await chooser).setFiles(file);
	await dialog.getByText(path.basename(file)).first().waitFor();
	await dialog.getByRole('button', { name: 'Insérer' }).click();
	await dialog.waitFor({ state: 'hidden' });
}

/**
 * axe on the editor's screen: no critical or serious violation. (Sveltia's
 * moderate ones, for the record: it adds a second viewport with
 * `maximum-scale=1`, and some content lies outside landmarks; Decap CMS
 * 3.16 had critical and serious ones on the same screens: docs/web-editor.md.)
 */
async function expectNoSeriousViolation() {
	const serious = (await axeViolations(page)).filter((violation) => violation.impact === 'critical' || violation.impact === 'serious');
	expect(serious, describeViolations(serious)).toEqual([]);
}

/** Opens the press release from the collection's list. */
async function openEntry(title: string) {
	await page.goto(`${server.url}admin/#/collections/communiques`);
	await page
		.getByRole('status')
		.filter({ hasText: /Vous consultez maintenant/ })
		.waitFor({ timeout: 30_000 });
	await page.getByText(title).filter({ visible: true }).first().click();
	await page.getByRole('textbox', { name: 'Chapô' }).waitFor();
}

beforeAll(async () => {
	repository = mkdtempSync(path.join(tmpdir(), 'relais-editor-'));
	content = path.join(repository, 'content');
	mkdirSync(path.join(repository, '.git'));
	cpSync(path.join(projectRoot, 'tests/fixtures/search/content'), content, { recursive: true });
	site = build();
	server = await serve(site.outDir);
	browser = await launchBrowser();
	const watched = await browser.newPage();
	({ page, problems } = watched);
	await page.addInitScript(() => {
		// The one stand-in: the directory picker answers with the private folder `depot` (see above).
		Object.defineProperty(window, 'showDirectoryPicker', {
			value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle('depot', { create: true }),
		});
		document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP ${event.violatedDirective} ${event.blockedURI}`));
	});
	page.on('console', (message) => {
		if (message.text().startsWith('CSP ')) violations.push(message.text());
	});
	await page.goto(server.url);
	await seedFolder();
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
	if (repository) rmSync(repository, { recursive: true, force: true });
});

describe('/admin/ (Sveltia CMS) on a local folder', () => {
	it('opens in French, from the site alone, with no serious accessibility violation', async () => {
		await page.goto(`${server.url}admin/`);
		await page.getByRole('button', { name: 'Travailler avec un dépôt local' }).waitFor();
		await expectNoSeriousViolation();
		await page.getByRole('button', { name: 'Travailler avec un dépôt local' }).click();
		await page.getByRole('button', { name: 'Créer une entrée', exact: true }).waitFor({ timeout: 30_000 });
		expect(await page.getByRole('main', { name: /Communiqués de presse/ }).isVisible()).toBe(true);
		const requests = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
		expect(requests.filter((url) => !url.startsWith(new URL(page.url()).origin) && !/^(blob|data):/.test(url))).toEqual([]);
		expect(requests.some((url) => url.endsWith('/admin/locales/fr.json'))).toBe(true);
	}, 60_000);

	it('creates a press release through the form, which passes the check and is published with its files', async () => {
		await expectNoSeriousViolation();
		await page.getByRole('button', { name: 'Créer une entrée', exact: true }).click();
		await page.getByRole('textbox', { name: 'Titre', exact: true }).waitFor();
		await expectNoSeriousViolation();
		await page.getByRole('textbox', { name: 'Titre', exact: true }).fill('Inauguration de l’atelier mutualisé');
		await page.getByRole('textbox', { name: 'Date de publication' }).fill('2025-06-12T09:30');
		await page.getByRole('textbox', { name: 'Chapô' }).fill('Le réseau ouvre un atelier partagé entre douze entreprises du bassin.');
		const themes = page.getByRole('group', { name: named('Thèmes') });
		await themes.getByRole('textbox').first().fill('industrie');
		await themes.getByRole('button', { name: /Ajouter/ }).click();
		await themes.getByRole('textbox').last().fill('formation');
		await page.getByRole('checkbox', { name: /Ajouter.*Image de couverture/ }).check();
		await upload(named('Fichier image'), path.join(UPLOADS, 'usine-couverture.png'));
		await page.getByRole('textbox', { name: 'Texte alternatif' }).fill('La façade de l’atelier, un matin de juin.');
		await page.getByRole('button', { name: /Ajouter.*fichier/ }).click();
		await upload(named('Fichier'), path.join(UPLOADS, 'programme-usine.pdf'));
		await page.getByRole('textbox', { name: 'Titre du fichier' }).fill('Programme de l’inauguration');
		await page.getByRole('textbox', { name: 'Texte', exact: true }).click();
		await page.keyboard.type('Douze entreprises partagent désormais les machines de l’atelier.');
		await save(() => pressReleases().some((name) => ENTRY_NAME.test(name)));

		const source = readFileSync(entryFile(), 'utf8');
		expect(source).toMatch(/^title: Inauguration de l’atelier mutualisé$/m);
		expect(source).toMatch(/^date: '?2025-06-12T09:30'?$/m);
		expect(pressReleases()).toEqual(expect.arrayContaining(['usine-couverture.png', 'programme-usine.pdf']));
		expect(check()).toEqual([]);

		site = build();
		const id = path.basename(entryFile(), '.md');
		const html = readFileSync(path.join(site.outDir, 'communiques', id, 'index.html'), 'utf8');
		expect(html).toContain('Douze entreprises partagent désormais les machines de l’atelier.');
		expect(html).toContain('alt="La façade de l’atelier, un matin de juin."');
		expect(html).toMatch(/href="[^"]*programme-usine[^"]*\.pdf"/);
		expect(html).toContain('Programme de l’inauguration');
	}, 240_000);

	it('edits it, then turns it into a draft: the builds follow', async () => {
		await openEntry('Inauguration de l’atelier mutualisé');
		await page.getByRole('textbox', { name: 'Chapô' }).fill('Le réseau ouvre un atelier partagé entre quinze entreprises du bassin.');
		await save(() => readFileSync(entryFile(), 'utf8').includes('quinze entreprises'));
		expect(check()).toEqual([]);
		site = build();
		const id = path.basename(entryFile(), '.md');
		const entryPage = () => path.join(site.outDir, 'communiques', id, 'index.html');
		expect(readFileSync(entryPage(), 'utf8')).toContain('quinze entreprises');

		await openEntry('Inauguration de l’atelier mutualisé');
		await page.getByRole('switch', { name: 'Brouillon' }).check();
		await save(() => /^draft: true$/m.test(readFileSync(entryFile(), 'utf8')));
		expect(readFileSync(entryFile(), 'utf8')).toMatch(/^draft: true$/m);
		expect(check()).toEqual([]);
		site = build();
		expect(existsSync(entryPage())).toBe(false);
		expect(readFileSync(path.join(site.outDir, 'index.html'), 'utf8')).not.toContain('Inauguration de l’atelier mutualisé');
	}, 240_000);

	it('met no violation of its policy but the PDF viewer it asks unpkg for', () => {
		// PDF thumbnails: the editor loads pdf.js from unpkg; the policy refuses it and a file icon is shown.
		expect(violations.filter((violation) => !/^CSP script-src-elem https:\/\/unpkg\.com\/pdfjs-dist@/.test(violation))).toEqual([]);
		expect(problems.filter((problem) => !/unpkg\.com\/pdfjs-dist@/.test(problem))).toEqual([]);
	});
});
