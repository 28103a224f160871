/**
 * Drives Debian's Chromium (`apt-get install chromium`, installed by `.ci/run`)
 * with playwright-core. No browser is ever downloaded: when
 * `/usr/bin/chromium` is missing the tests fail and say how to install it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep Chromium quiet, offline and reproducible in a container. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

export interface Browser {
	context: BrowserContext;
	/** A new page whose console errors, uncaught exceptions and failed requests are collected. */
	newPage(): Promise<WatchedPage>;
	close(): Promise<void>;
}

export interface WatchedPage {
	page: Page;
	/** Console errors, page errors and failed requests, as text. */
	problems: string[];
	/** Every response: URL and body bytes as received. */
	responses: Array<{ url: string; bytes: number }>;
}

/** Launches headless Chromium with a fresh profile folder, removed on close. */
export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Browser tests need Debian's Chromium at ${CHROMIUM_PATH}: run \`apt-get update && apt-get install -y chromium\` (as .ci/run does). No browser is downloaded.`,
		);
	}
	const profile = mkdtempSync(path.join(tmpdir(), 'relais-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
		locale: 'fr-FR',
		viewport: { width: 1280, height: 900 },
	});
	return {
		context,
		async newPage() {
			const page = await context.newPage();
			const problems: string[] = [];
			const responses: WatchedPage['responses'] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') problems.push(`console: ${message.text()}`);
			});
			page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
			page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
			page.on('requestfinished', (request) => {
				// Chromium reports no body size for some requests (a worker's script):
				// fall back on Content-Length, which the test server always sends.
				// The entry is recorded now, in order; its size arrives a moment later.
				const entry = { url: request.url(), bytes: 0 };
				responses.push(entry);
				void Promise.all([request.sizes(), request.response()]).then(
					([sizes, response]) => {
						const declared = Number(response?.headers()['content-length'] ?? 0);
						entry.bytes = Math.max(sizes.responseBodySize, declared);
					},
					() => undefined,
				);
			});
			return { page, problems, responses };
		},
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
