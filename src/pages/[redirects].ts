/**
 * `_redirects` (Netlify, Cloudflare Pages): the old addresses of imported content
 * as real 301s, from the same map as Astro's meta-refresh pages. A file whose name
 * starts with `_` is no route in `src/pages/`, hence the parameter; no map, no file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { settings } from '../config';
import { readRedirectMap, redirectsFile, REDIRECTS_FILE } from '../lib/redirects';

const map = readRedirectMap(new URL(REDIRECTS_FILE, settings.contentDir));

export const getStaticPaths = (() =>
	Object.keys(map).length > 0 ? [{ params: { redirects: '_redirects' } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
	new Response(redirectsFile(map, settings.base), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
