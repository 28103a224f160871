/**
 * What the site's privacy page promises, checked in a real browser: on every
 * page type of the `site` fixture, a copy of the sample content (search with results included), every
 * request the browser makes goes to the site itself (127.0.0.1:<port>), and
 * nothing is stored on the reader's machine (no cookie, no web storage).
 */
import { describe, expect, it } from 'vitest';
import { pageTypes } from '../helpers/axe';
import { fixtureContent } from '../helpers/build';
import { useServedSite } from '../helpers/served-site';
import { statusMatching } from '../helpers/search';

const CONTENT = fixtureContent('site');
const QUERY = 'entreprises';

const site = useServedSite(CONTENT);

describe('privacy', () => {
	it('makes no request to another host and stores nothing, on every page type', async () => {
		const pages = pageTypes(site.outDir, CONTENT, QUERY);
		const siteHost = new URL(site.server.origin).host;
		const requested: string[] = [];
		const elsewhere: string[] = [];
		const storage: string[] = [];
		for (const [label, relative] of pages) {
			const { page } = await site.browser.newPage();
			page.on('request', (request) => {
				const target = new URL(request.url());
				requested.push(request.url());
				// data: and blob: URLs are made in the page and fetch nothing.
				if (target.protocol === 'data:' || target.protocol === 'blob:') return;
				if (target.host !== siteHost) elsewhere.push(`${label}: ${request.url()}`);
			});
			await page.goto(new URL(relative, site.server.url).href, { waitUntil: 'load' });
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
		expect(await site.browser.context.cookies()).toEqual([]);
	});
});
