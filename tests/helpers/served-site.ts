/**
 * For browser tests: builds a site once per run (`sharedBuild`), serves its output on
 * 127.0.0.1 and starts Debian's chromium, all torn down after the file.
 */
import { afterAll, beforeAll } from 'vitest';
import { sharedBuild } from './build';
import { launchBrowser, type Browser } from './browser';
import { serve, type ServeOptions, type StaticServer } from './serve';

export interface ServedSite {
	outDir: string;
	server: StaticServer;
	browser: Browser;
}

/** Registers the hooks; read the fields inside tests (they are set in `beforeAll`). */
export function useServedSite(fixture: string, serveOptions: ServeOptions = {}): ServedSite {
	const site = {} as ServedSite;
	beforeAll(async () => {
		const build = sharedBuild({ fixture });
		if (!build.ok) throw new Error(`build failed:\n${build.output}`);
		site.outDir = build.outDir;
		site.server = await serve(build.outDir, serveOptions);
		site.browser = await launchBrowser();
	});
	afterAll(async () => {
		await site.browser?.close();
		await site.server?.close();
	});
	return site;
}
