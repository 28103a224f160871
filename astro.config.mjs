// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { settings } from './src/settings/settings.ts';
import { cards } from './src/cards/integration.ts';
import { contentCheck } from './src/authoring/integration.ts';
import { search } from './src/search/integration.ts';
import { unpublishedImages } from './src/photos/unpublished-images.integration.ts';
import { baseLinks } from './src/site/base-links.ts';
import { oldAddressPathnames, readRedirectMap, REDIRECTS_FILE } from './src/redirects/redirects.ts';
import { satteriFrenchTypography } from './src/text/rehype-french-typography.ts';

// Old addresses of imported content (`npm run import`): their pages (src/pages/[...redirect].astro) only send visitors on.
const oldAddresses = oldAddressPathnames(readRedirectMap(new URL(REDIRECTS_FILE, settings.contentDir)), settings.base);

export default defineConfig({
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
	vite: {
		build: {
			rolldownOptions: {
				// Astro marks compiled MDX with a "use astro:head-inject" directive that it reads before bundling;
				// rolldown then warns it may not keep it, at every build, about a sample entry. Expected and harmless
				// (withastro/astro#18087): only that warning is dropped, every other one is printed.
				onLog(level, log, print) {
					if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
					print(level, log);
				},
			},
		},
	},
	integrations: [
		contentCheck(settings),
		mdx(),
		sitemap({ filter: (page) => !/\/(404|admin)\/?$/.test(page) && !oldAddresses.has(new URL(page).pathname) }),
		cards(settings.cards),
		unpublishedImages(),
		search(),
	],
});
