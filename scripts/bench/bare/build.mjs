/**
 * Builds the bare baseline site (this folder) like `scripts/build.mjs` builds
 * Relais: output in BARE_OUT_DIR, Astro's cache in BARE_CACHE_DIR, content
 * from BENCH_CONTENT_DIR (read by `src/content.config.ts`).
 */
import path from 'node:path';
import { build } from 'astro';

await build({
	root: import.meta.dirname,
	outDir: path.resolve(process.env.BARE_OUT_DIR ?? 'dist'),
	cacheDir: path.resolve(process.env.BARE_CACHE_DIR ?? 'node_modules/.astro'),
});
