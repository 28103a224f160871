/**
 * `relais()`: the one integration of `astro.config.mjs`. Like Starlight's
 * `starlight()`, it sets Astro's options through `updateConfig` and adds the
 * integrations Relais is made of, in this order (their `astro:build:done`
 * hooks run in it):
 * - the content check under `npm run dev` (`src/authoring/integration.ts`);
 * - `@astrojs/mdx`, which inherits the Markdown processor set here;
 * - `@astrojs/sitemap`, without the 404 page, `/admin/` and old addresses;
 * - social cards (`src/cards/`), images of unpublished entries removed
 *   (`src/photos/`), the search index (`src/search/`).
 *
 * It also gives the site's modules the one fact settings cannot know: whether
 * Astro runs `astro dev` (`virtual:relais/dev-server`, see `devServerModule`).
 */
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { Plugin, UserConfig } from 'vite';
import { contentCheck } from './authoring/integration';
import { cards } from './cards/integration';
import { unpublishedImages } from './photos/unpublished-images.integration';
import { oldAddressPathnames, readRedirectMap, REDIRECTS_FILE } from './redirects/redirects';
import { search } from './search/integration';
import type { ResolvedSettings } from './settings/resolve';
import { settings as siteSettings } from './settings/settings';
import { baseLinks } from './site/base-links';
import { satteriFrenchTypography } from './text/rehype-french-typography';

const DEV_SERVER_MODULE = 'virtual:relais/dev-server';

/**
 * `virtual:relais/dev-server` exports `devServer`, true under `astro dev`: drafts
 * are previewed and the page CSP is off (Vite injects inline code). A module of
 * the build itself rather than a setting: pages and content loaders are
 * evaluated in Vite's module graph, apart from `astro.config.mjs`, and only
 * Astro's `command` says which server runs.
 */
function devServerModule(devServer: boolean): Plugin {
	const resolved = `\0${DEV_SERVER_MODULE}`;
	return {
		name: 'relais:dev-server',
		resolveId: (id) => (id === DEV_SERVER_MODULE ? resolved : undefined),
		load: (id) => (id === resolved ? `export const devServer = ${JSON.stringify(devServer)};` : undefined),
	};
}

type OnLog = NonNullable<NonNullable<NonNullable<UserConfig['build']>['rolldownOptions']>['onLog']>;

/**
 * Astro marks compiled MDX with a "use astro:head-inject" directive that it reads before bundling;
 * rolldown then warns it may not keep it, at every build, about a sample entry. Expected and harmless
 * (withastro/astro#18087): only that warning is dropped, every other one is printed.
 */
const quietHeadInject: OnLog = (level, log, print) => {
	if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
	print(level, log);
};

/** Every hook and option Relais needs, from the resolved settings (`src/settings/settings.ts` by default). */
export function relais(settings: ResolvedSettings = siteSettings): AstroIntegration {
	return {
		name: 'relais',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				// Old addresses of imported content (`npm run import`): their pages (src/pages/[...redirect].astro) only send visitors on.
				const oldAddresses = oldAddressPathnames(readRedirectMap(new URL(REDIRECTS_FILE, settings.contentDir)), settings.base);
				updateConfig({
					site: settings.site,
					base: settings.base,
					trailingSlash: 'ignore',
					// Stylesheets as files, never inlined in <style>: the Content-Security-Policy
					// (src/site/security-headers.ts) allows no inline style.
					// Several pages in flight: a rebuild mostly copies unchanged pages from the incremental
					// cache, and overlapping those file copies halves the generation step (measured in
					// docs/performance.md). Output order does not depend on it (the sitemap is sorted).
					build: { inlineStylesheets: 'never', concurrency: 8 },
					// Images in entry bodies get a srcset like cover images (no inline styles: the CSP forbids them).
					image: { layout: 'constrained' },
					markdown: {
						// French typography on the text of Markdown and MDX bodies (MDX inherits this processor).
						processor: satteri({ hastPlugins: [baseLinks(settings.base), satteriFrenchTypography] }),
					},
					// Pages from getStaticPaths() with a cacheKey (src/site/page-keys.data.ts) are copied from the
					// previous build when their key and code are unchanged; the cache lives in Astro's cacheDir.
					experimental: { incrementalBuild: true },
					vite: { plugins: [devServerModule(command === 'dev')], build: { rolldownOptions: { onLog: quietHeadInject } } },
					integrations: [
						contentCheck(settings),
						mdx(),
						sitemap({ filter: (page) => !/\/(404|admin)\/?$/.test(page) && !oldAddresses.has(new URL(page).pathname) }),
						cards(settings.cards),
						unpublishedImages(),
						search(),
					],
				});
			},
		},
	};
}
