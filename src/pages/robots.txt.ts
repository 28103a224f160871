import type { APIRoute } from 'astro';
import { url } from '../site/site.data';

export const GET: APIRoute = () =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${url.absolute('sitemap-index.xml')}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
