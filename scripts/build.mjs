#!/usr/bin/env node
/**
 * `npm run build`: builds the site into a staging folder and replaces the
 * output folder only when the whole build (pages, cards, search index)
 * succeeded, so a failed build leaves the last good site untouched.
 *
 * Environment: SITE_URL, BASE_PATH, RELAIS_CONTENT_DIR (default `content`),
 * RELAIS_OUT_DIR (default `dist`), RELAIS_CACHE_DIR (Astro's cache folder).
 */
import { rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'astro';

const root = path.resolve(process.env.RELAIS_ROOT ?? '.');
const outDir = path.resolve(root, process.env.RELAIS_OUT_DIR ?? 'dist');
const staging = `${outDir}.staging-${process.pid}`;
const previous = `${outDir}.previous-${process.pid}`;

async function exists(target) {
	return stat(target).then(
		() => true,
		() => false,
	);
}

try {
	await build({
		root,
		outDir: staging,
		...(process.env.RELAIS_CACHE_DIR && { cacheDir: path.resolve(process.env.RELAIS_CACHE_DIR) }),
	});
} catch (error) {
	await rm(staging, { recursive: true, force: true });
	const message = error instanceof Error ? error.message : String(error);
	console.error(
		`\nÉchec de la construction du site : rien n’a été publié, ${path.relative(root, outDir) || outDir} est inchangé.\n${message}`,
	);
	process.exit(1);
}

const hadPrevious = await exists(outDir);
if (hadPrevious) await rename(outDir, previous);
await rename(staging, outDir);
if (hadPrevious) await rm(previous, { recursive: true, force: true });
console.log(`Site construit dans ${path.relative(root, outDir) || outDir}`);
