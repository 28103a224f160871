/**
 * Shared steps of the browser tests of `/recherche/`: build a fixture once,
 * serve it, open pages in Chromium and read what the reader sees.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { listFiles, sharedBuild } from './build';
import { launchBrowser, type Browser, type WatchedPage } from './browser';
import { serve, type StaticServer } from './serve';

export interface SearchSite {
	outDir: string;
	server: StaticServer;
	browser: Browser;
	/** Opens a page of the site (path relative to the base) and waits for it to load. */
	open(relative: string): Promise<WatchedPage>;
	close(): Promise<void>;
}

/** Builds `fixture` (with `BASE_PATH=base` when given), serves it and launches Chromium. */
export async function startSearchSite(fixture: string, base = '/'): Promise<SearchSite> {
	const build = sharedBuild({ fixture, env: base === '/' ? {} : { BASE_PATH: base } });
	if (!build.ok) throw new Error(`build failed:\n${build.output}`);
	const server = await serve(build.outDir, { base });
	let browser: Browser;
	try {
		browser = await launchBrowser();
	} catch (error) {
		await server.close();
		throw error;
	}
	return {
		outDir: build.outDir,
		server,
		browser,
		async open(relative) {
			const watched = await browser.newPage();
			await watched.page.goto(new URL(relative, server.url).href, { waitUntil: 'load' });
			return watched;
		},
		async close() {
			await browser.close();
			await server.close();
		},
	};
}

/** Waits until the live region announces a count matching `expected`, and returns its text. */
export async function statusMatching(page: Page, expected: RegExp): Promise<string> {
	await page
		.waitForFunction(
			(source) => {
				const status = document.querySelector('[data-status]')?.textContent ?? '';
				const busy = document.querySelector('[data-results]')?.getAttribute('aria-busy') === 'true';
				return !busy && new RegExp(source).test(status);
			},
			expected.source,
			{ timeout: 10_000 },
		)
		.catch(async (error: unknown) => {
			const status = await page.locator('[data-status]').textContent();
			throw new Error(`status « ${status} » never matched ${expected}: ${String(error)}`);
		});
	return (await page.locator('[data-status]').textContent()) ?? '';
}

export interface ShownResult {
	href: string;
	title: string;
	meta: string;
	datetime: string | null;
}

/** The results as listed on the page. */
export function shownResults(page: Page): Promise<ShownResult[]> {
	return page.$$eval('[data-results] > li', (items) =>
		items.map((item) => {
			const link = item.querySelector('a');
			return {
				href: link?.getAttribute('href') ?? '',
				title: link?.textContent?.trim() ?? '',
				meta: item.querySelector('.search-result__meta')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
				datetime: item.querySelector('time')?.getAttribute('datetime') ?? null,
			};
		}),
	);
}

/**
 * Text of every file of the Pagefind bundle, gzip payloads inflated (Pagefind
 * stores its index, fragments, filters and metadata gzipped, so a plain grep
 * of the folder would see nothing either way).
 */
export function pagefindTexts(outDir: string): Array<{ file: string; text: string }> {
	const folder = path.join(outDir, 'pagefind');
	return listFiles(folder).map((file) => {
		const bytes = readFileSync(path.join(folder, file));
		const inflated = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
		return { file, text: inflated.toString('utf8').toLowerCase() };
	});
}
