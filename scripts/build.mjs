#!/usr/bin/env node
/**
 * `npm run build`: builds the site into a staging folder and replaces the
 * output folder only when the whole build (pages, cards, search index)
 * succeeded, so a failed build leaves the last good site untouched.
 *
 * The content is checked first (`scripts/check.ts`, the same check as
 * `npm run check`): with invalid content the build stops before Astro starts,
 * and its first lines say in French what to fix, file, line and field.
 *
 * Settings, the output and cache folders included, come from
 * src/settings/settings.ts (`RELAIS_OUT_DIR`, `RELAIS_CACHE_DIR`: README,
 * « Configuration »). It builds the project of the working directory.
 */
import { mkdir, readFile, rm, rename, stat, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'astro';
import { tsImport } from 'tsx/esm/api';

const root = process.cwd();
let check;
try {
	// The project's own check and settings, in TypeScript: tsx runs it as `npm run check` does,
	// loaded once (each tsImport evaluates its modules anew).
	check = await tsImport(new URL('./check.ts', import.meta.url).href, import.meta.url);
} catch (error) {
	// Settings (`relais.config.ts`) or the environment refused: their messages are French already.
	console.error(`Échec de la construction du site : rien n’a été publié.\n${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
const { outDir, cacheDir } = check.tools;
// Fixed names, not per process: Astro bakes the output path into its assets module, and a
// path that changed at every build would change the code hash of every page and defeat the
// incremental build. The lock keeps two builds of the same output apart.
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
const lock = `${outDir}.lock`;
const outName = path.relative(root, outDir) || outDir;

async function exists(target) {
	return stat(target).then(
		() => true,
		() => false,
	);
}

/** True when a process with this id is running. */
function running(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

await mkdir(path.dirname(outDir), { recursive: true });
try {
	await writeFile(lock, String(process.pid), { flag: 'wx' });
} catch {
	const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
	if (holder && holder !== process.pid && running(holder)) {
		console.error(`Une autre construction (processus ${holder}) écrit déjà dans ${outName} : attendez qu’elle se termine.`);
		process.exit(1);
	}
	await writeFile(lock, String(process.pid));
}
process.on('exit', () => rmSync(lock, { force: true }));

try {
	const { checkSiteContent, problemLines } = check;
	const { errors, warnings } = problemLines(checkSiteContent());
	if (errors.length > 0) {
		console.error(
			[
				`Contenu invalide : ${errors.length} erreur(s) à corriger, listées ci-dessous (fichier:ligne, champ, correction) ; rien n’a été publié, ${outName} est inchangé.`,
				...errors,
				...warnings,
				`Corrigez ces erreurs puis relancez la construction ; npm run check vérifie le contenu sans construire le site.`,
			].join('\n'),
		);
		process.exit(1);
	}
	for (const line of warnings) console.warn(line);
} catch (error) {
	console.error(
		`Échec de la construction du site : rien n’a été publié, ${outName} est inchangé.\n${error instanceof Error ? error.message : String(error)}`,
	);
	process.exit(1);
}

await rm(staging, { recursive: true, force: true });
await rm(previous, { recursive: true, force: true });
// Astro renders several pages at once: when they fail together, the build rejects with the
// first failure and the others surface as unhandled rejections. Keep the first of those so
// they can neither crash the process before the message below nor pass unnoticed.
let stray;
process.on('unhandledRejection', (reason) => {
	stray ??= reason;
});
try {
	await build({
		root,
		outDir: staging,
		// Vite's dependency cache too: by default it is the project's `node_modules/.vite`, which a
		// build re-optimises, reloading any `astro dev` of the same checkout (and its open page).
		...(cacheDir && { cacheDir, vite: { cacheDir: path.join(cacheDir, 'vite') } }),
	});
	if (stray) throw stray;
} catch (error) {
	const message = error instanceof Error ? error.message : String(error);
	console.error(`\nÉchec de la construction du site : rien n’a été publié, ${outName} est inchangé.\n${message}`);
	// Synchronous, then exit at once: pages still in flight would otherwise keep writing
	// into the staging folder while it is removed (the retries absorb the last writes).
	rmSync(staging, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
	process.exit(1);
}

const hadPrevious = await exists(outDir);
if (hadPrevious) await rename(outDir, previous);
await rename(staging, outDir);
if (hadPrevious) await rm(previous, { recursive: true, force: true });
console.log(`Site construit dans ${outName}`);
