/**
 * What the site's privacy page promises, checked in a real browser: on every
 * page type of the sample content (search with results included), every
 * request the browser makes goes to the site itself (127.0.0.1:<port>), and
 * nothing is stored on the reader's machine (no cookie, no web storage).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTypes } from '../helpers/axe';
import { buildSite, projectRoot } from '../helpers/build';
import { launchBrowser, type Browser } from '../helpers/browser';
import { serve, type StaticServer } from '../helpers/serve';
import { statusMatching } from './search-helpers';

const CONTENT = path.join(projectRoot, 'content');
const QUERY = 'entreprises';

let outDir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const build = buildSite({ fixture: CONTENT });
	if (!build.ok) throw new Error(`build failed:\n${build.output}`);
	outDir = build.outDir;
	server = await serve(outDir);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('privacy', () => {
	it('makes no request to another host and stores nothing, on every page type', async () => {
		const pages = pageTypes(outDir, CONTENT, QUERY);
		const site = new URL(server.origin).host;
		const requested: string[] = [];
		const elsewhere: string[] = [];
		const storage: string[] = [];
		for (const [label, relative] of pages) {
			const { page } = await browser.newPage();
			page.on('request', (request) => {
				const target = new URL(request.url());
				requested.push(request.url());
				// data: and blob: URLs are made in the page and fetch nothing.
				if (target.protocol === 'data:' || target.protocol === 'blob:') return;
				if (target.host !== site) elsewhere.push(`${label}: ${request.url()}`);
			});
			await page.goto(new URL(relative, server.url).href, { waitUntil: 'load' });
			if (relative.startsWith('recherche/?q=')) await statusMatching(page, /résultats? pour/);
			// Lazy images and anything loaded late.
			await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
			await page.waitForLoadState('networkidle');
			const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
			if (stored.local || stored.session || stored.cookie) storage.push(`${label}: ${JSON.stringify(stored)}`);
			await page.close();
		}
		expect(requested.length).toBeGreaterThan(pages.length);
		// The search did load its index from the site.
		expect(requested.some((url) => new URL(url).pathname.startsWith('/pagefind/'))).toBe(true);
		expect(elsewhere).toEqual([]);
		expect(storage).toEqual([]);
		expect(await browser.context.cookies()).toEqual([]);
	});
});
