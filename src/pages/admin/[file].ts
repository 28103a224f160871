/**
 * Decap CMS itself, served by the site (no CDN, no third-party request):
 * `decap-cms.js` from the `decap-cms` npm package, plus the chunks and
 * WebAssembly files it loads on demand from beside itself
 * (`<n>.decap-cms.js`, `*.wasm`). Read from node_modules at build time and
 * written to `/admin/`; nothing is copied into public/. Source maps are left
 * out (and their comments stripped) to keep the output small.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';

const DIST = path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('decap-cms/dist/decap-cms.js'));

/** `decap-cms.js`, its chunks `<n>.decap-cms.js` and the WebAssembly files they load. */
const DECAP_FILE = /^(?:\d+\.)?decap-cms\.js$|^[0-9a-f]+\.wasm$/;

export const getStaticPaths = (() =>
	readdirSync(DIST)
		.filter((file) => DECAP_FILE.test(file))
		// Astro's incremental build drops its whole cache when the lockfile changes: the name is key enough.
		.map((file) => ({ params: { file }, cacheKey: file }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
	const file = String(params.file);
	if (file.endsWith('.wasm')) {
		return new Response(readFileSync(path.join(DIST, file)), { headers: { 'Content-Type': 'application/wasm' } });
	}
	const source = readFileSync(path.join(DIST, file), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
	return new Response(source, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
