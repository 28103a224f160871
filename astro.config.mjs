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
const { baseLinks } = await import('./src/lib/base-links.ts');

export default defineConfig({
	site: settings.site,
	base: settings.base,
	trailingSlash: 'ignore',
	markdown: {
		processor: satteri({ hastPlugins: [baseLinks(settings.base)] }),
	},
	integrations: [contentCheck(settings), mdx(), sitemap({ filter: (page) => !/\/404\/?$/.test(page) }), search()],
});
