/**
 * Sveltia CMS itself, served by the site (no CDN, no third-party request),
 * read from node_modules at build time and written under `/admin/`; nothing
 * is copied into public/:
 * - `sveltia-cms.js`: the bundle of `@sveltia/cms`, its CDN addresses pointed
 *   at the files below (src/editor/bundle.ts), without source map;
 * - `fonts/*.woff2`: its three fonts, from the fontsource npm packages;
 * - `locales/*.json`: its interface strings (French is `fr.json`), from the package;
 * - `sveltia-cms/package.json`: the version its update check compares with
 *   (the version the site serves, so it never asks for a newer one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { url } from '../../site/site.data';
import { EDITOR_FONTS, editorFontFile, editorFontRequests, selfHostedEditorScript } from '../../editor/bundle';

const require = createRequire(path.join(process.cwd(), 'package.json'));
// `@sveltia/cms` exports only its module entry, `npm/index.js`: the package is the folder above.
const SVELTIA = path.resolve(path.dirname(require.resolve('@sveltia/cms')), '..');
const BUNDLE = readFileSync(path.join(SVELTIA, 'dist/sveltia-cms.js'), 'utf8');
const VERSION = (JSON.parse(readFileSync(path.join(SVELTIA, 'package.json'), 'utf8')) as { version: string }).version;

type Served = { type: string; body: () => string | Uint8Array<ArrayBuffer> };

/** `/presse/admin/`: the script names its files under it. */
const ADMIN = url.path('admin');

const bytes = (file: string) => new Uint8Array(readFileSync(file));

function servedFiles(): Map<string, Served> {
	const files = new Map<string, Served>();
	files.set('sveltia-cms.js', {
		type: 'text/javascript; charset=utf-8',
		body: () => selfHostedEditorScript(BUNDLE, ADMIN),
	});
	files.set('sveltia-cms/package.json', {
		type: 'application/json',
		body: () => `${JSON.stringify({ name: '@sveltia/cms', version: VERSION })}\n`,
	});
	for (const locale of readdirSync(path.join(SVELTIA, 'locales')).filter((file) => file.endsWith('.json'))) {
		files.set(`locales/${locale}`, { type: 'application/json', body: () => bytes(path.join(SVELTIA, 'locales', locale)) });
	}
	for (const { family, file } of editorFontRequests(BUNDLE)) {
		const font = EDITOR_FONTS.find((known) => known.family === family);
		if (!font) continue; // selfHostedEditorScript refuses the bundle then
		const name = editorFontFile(family, file);
		const source = path.join(path.dirname(require.resolve(`${font.packageName}/package.json`)), 'files', name);
		files.set(`fonts/${name}`, { type: 'font/woff2', body: () => bytes(source) });
	}
	return files;
}

const FILES = servedFiles();

export const getStaticPaths = (() =>
	// Astro's incremental build drops its whole cache when the lockfile changes; the script also names the base.
	[...FILES.keys()].map((file) => ({ params: { file }, cacheKey: `${VERSION}:${ADMIN}:${file}` }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
	const served = FILES.get(String(params.file));
	if (!served) return new Response(null, { status: 404 });
	return new Response(served.body(), { headers: { 'Content-Type': served.type } });
};
