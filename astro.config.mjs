// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

// One build time for every module of this build, so an entry scheduled for
// "now" is in or out of every output alike.
process.env.RELAIS_BUILD_TIME ||= new Date().toISOString();

const { settings } = await import('./src/config.ts');
const { contentCheck } = await import('./src/integrations/content-check.ts');
const { search } = await import('./src/integrations/search.ts');
const { cards } = await import('./src/integrations/cards.ts');
const { baseLinks } = await import('./src/lib/base-links.ts');
const { satteriFrenchTypography } = await import('./src/lib/rehype-french-typography.ts');

export default defineConfig({
	site: settings.site,
	base: settings.base,
	trailingSlash: 'ignore',
	// Stylesheets as files, never inlined in <style>: the Content-Security-Policy
	// (src/lib/security-headers.ts) allows no inline style.
	build: { inlineStylesheets: 'never' },
	// Images in entry bodies get a srcset like cover images (no inline styles: the CSP forbids them).
	image: { layout: 'constrained' },
	markdown: {
		// French typography on the text of Markdown and MDX bodies (MDX inherits this processor).
		processor: satteri({ hastPlugins: [baseLinks(settings.base), satteriFrenchTypography] }),
	},
	// Pages from getStaticPaths() with a cacheKey (src/data/page-keys.ts) are copied from the
	// previous build when their key and code are unchanged; the cache lives in Astro's cacheDir.
	experimental: { incrementalBuild: true },
	integrations: [contentCheck(settings), mdx(), sitemap({ filter: (page) => !/\/(404|admin)\/?$/.test(page) }), cards(), search()],
});
