/**
 * `_redirects` (Netlify, Cloudflare Pages): the live redirects of the old addresses
 * of imported content as real 301s, the same as the redirect pages
 * (`[...redirect].astro`). A file whose name starts with `_` is no route in
 * `src/pages/`, hence the parameter; no live redirect, no file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { settings } from '../settings/settings';
import { getLiveRedirects, redirectsFileKey } from '../redirects/redirects.data';
import { redirectsFile } from '../redirects/redirects';

export const getStaticPaths = (async () =>
	(await getLiveRedirects()).length > 0
		? [{ params: { redirects: '_redirects' }, cacheKey: await redirectsFileKey() }]
		: []) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
	new Response(redirectsFile(await getLiveRedirects(), settings.base), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
