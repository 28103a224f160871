/**
 * The site satisfies its own Content-Security-Policy: the `site` fixture (a
 * copy of the sample content) is built, served with the headers of src/site/security-headers.ts on every
 * response (as `public/_headers` and the nginx example of docs/deploiement.md
 * do), and the home, an entry and a search with results raise no
 * `securitypolicyviolation` event and no console error, while the search
 * (Pagefind's WebAssembly, in its worker) really runs. The committed
 * `public/_headers` and the docs must carry the very same policy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	CONTENT_SECURITY_POLICY,
	editorPolicy,
	headersFile,
	nginxHeaders,
	PAGE_POLICY,
	SECURITY_HEADERS,
} from '../../src/site/security-headers';
import { listFiles, projectRoot } from '../helpers/build';
import { useServedSite } from '../helpers/served-site';
import { statusMatching } from '../helpers/search';

const site = useServedSite('site', { headers: { ...SECURITY_HEADERS } });

/** Opens a page with a listener for CSP violations installed before any script of the page runs. */
async function openWatched(relative: string) {
	const watched = await site.browser.newPage();
	await watched.page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
		});
	});
	const response = await watched.page.goto(new URL(relative, site.server.url).href, { waitUntil: 'load' });
	const violations = () => watched.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
	return { ...watched, response, violations };
}

describe('Content-Security-Policy', () => {
	it('is in every public page, and the header part is sent by the test server as configured', async () => {
		const { response, page } = await openWatched('');
		expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
		await page.close();
		const pages = listFiles(site.outDir).filter((file) => file.endsWith('.html') && !file.startsWith('admin/'));
		for (const file of pages) {
			const head = readFileSync(path.join(site.outDir, file), 'utf8').split('</head>')[0] ?? '';
			// First in <head> after the charset, so it covers every resource of the page.
			expect(head, file).toMatch(
				/^<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/i,
			);
			expect(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(head)?.[1]?.replace(/&#39;/g, "'"), file).toBe(PAGE_POLICY);
		}
	});

	it('gives the web editor its own policy, for the site and its git host only', () => {
		const head = readFileSync(path.join(site.outDir, 'admin/index.html'), 'utf8').split('</head>')[0] ?? '';
		const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(head)?.[1]?.replace(/&#39;/g, "'");
		expect(policy).toBe(editorPolicy({ connect: ['https://api.github.com'], img: ['https://avatars.githubusercontent.com'] }));
		expect(policy).toMatch(/script-src 'self';/);
	});

	it('raises no violation and no console error on the home, an entry and a search with results', async () => {
		const entry = listFiles(site.outDir).find(
			(file) =>
				/^communiques\/[^/]+\/index\.html$/.test(file) &&
				readFileSync(path.join(site.outDir, file), 'utf8').includes('application/ld+json'),
		);
		expect(entry, 'an entry page with JSON-LD').toBeDefined();
		const pages = ['', entry!.replace(/index\.html$/, ''), 'recherche/?q=entreprises'];
		for (const relative of pages) {
			const { page, problems, responses, violations } = await openWatched(relative);
			if (relative.startsWith('recherche/')) {
				await statusMatching(page, /^\d+ résultats? pour/);
				expect(await page.locator('[data-results] > li').count(), 'the search ran under the policy').toBeGreaterThan(0);
				// The index really was loaded: Pagefind's WebAssembly and worker are allowed.
				const loaded = responses.map((entry) => new URL(entry.url).pathname);
				expect(loaded.some((file) => /\/pagefind\/wasm\.[a-z]+\.pagefind$/.test(file))).toBe(true);
			}
			await page.waitForLoadState('networkidle');
			expect(await violations(), `/${relative}`).toEqual([]);
			expect(problems, `/${relative}`).toEqual([]);
			await page.close();
		}
	});

	it('blocks what it should: an inline script injected into a page is refused and reported', async () => {
		const { page, problems, violations } = await openWatched('');
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__ran = true';
			document.body.append(script);
		});
		await page.waitForTimeout(100);
		expect(await page.evaluate(() => 'ran' in window || '__ran' in window)).toBe(false);
		expect((await violations()).some((violation) => violation.startsWith('script-src'))).toBe(true);
		expect(problems.some((problem) => problem.includes('Content Security Policy'))).toBe(true);
		await page.close();
	});
});

describe('one policy everywhere', () => {
	it('public/_headers is exactly what src/site/security-headers.ts describes', () => {
		expect(readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8')).toBe(headersFile());
		expect(readFileSync(path.join(site.outDir, '_headers'), 'utf8')).toBe(headersFile());
	});

	it('docs/deploiement.md shows the same policy and nginx headers', () => {
		const docs = readFileSync(path.join(projectRoot, 'docs/deploiement.md'), 'utf8');
		expect(docs).toContain(PAGE_POLICY);
		expect(docs).toContain(CONTENT_SECURITY_POLICY);
		expect(docs).toContain(nginxHeaders());
		expect(docs).toContain(headersFile().trim());
	});
});
