#!/usr/bin/env node
/**
 * `npm run bench [-- SIZES]`: what a Relais build costs at 1000 and 10 000
 * entries, beside a bare Astro site building the same content.
 *
 * Sizes: arguments (`npm run bench -- 1000`, `-- 1000 10000` or `-- 1000,10000`),
 * else BENCH_SIZES (`1000,10000`), else 1000 and 10 000. For each size, `content/`
 * plus N synthetic press releases (`scripts/bench/corpus.mjs`, deterministic)
 * are built, in this order, each by `scripts/build.mjs` in its own process:
 *
 *   1. cold            empty Astro cache (RELAIS_CACHE_DIR) and card cache (RELAIS_CARDS_CACHE)
 *   2. no change       same caches, same content
 *   3. one body edit   one paragraph appended to the newest synthetic entry
 *   4. one title edit  the same entry's title changed
 *   5. bare Astro      `scripts/bench/bare/` (one layout, an entry page, an index;
 *                      no cards, no search, no feeds), cold, on the same content
 *
 * Each build gives wall time, peak memory (max RSS of the build process, worker
 * threads included), output size and files, the largest feed file, pages
 * rendered and reused (Astro's log), the cost of a rendered route (Astro's generation
 * step divided by the routes it rendered), and the card and search steps (the
 * integrations' log).
 * One Markdown table per size, then the figures beside the issue's targets.
 * A benchmark, not a test: it asserts nothing.
 *
 * Builds run on a snapshot of the project (sources copied, node_modules linked):
 * Astro keeps build chunks in `<root>/.astro/`, so a build running at the same
 * time in the working tree would otherwise collide with the benchmark's.
 * Build logs are kept in `<size>/logs/`; BENCH_KEEP=1 keeps the whole folder.
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { release, withBodyEdit, withTitleEdit } from './bench/corpus.mjs';
import { measureBuild, rssHook } from './bench/measure.mjs';

const root = path.resolve(import.meta.dirname, '..');
const requested = process.argv.slice(2).join(',') || process.env.BENCH_SIZES || '1000,10000';
const sizes = [
	...new Set(
		requested
			.split(/[\s,]+/)
			.filter(Boolean)
			.map(Number),
	),
];
if (!sizes.length || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
	console.error(`Tailles invalides : « ${requested} » (des entiers positifs, par exemple 1000,10000)`);
	process.exit(2);
}
const keep = process.env.BENCH_KEEP === '1';

/** The issue's targets, by number of synthetic entries; the largest feed's holds at every size. */
const targets = {
	1000: { coldSeconds: 28, bodyEditSeconds: 7, bodyEditVsBare: 1.5 },
	10000: { coldSeconds: 300, editSeconds: 45, memoryMiB: 3 * 1024, outputBytes: 700e6 },
};
const feedTargetBytes = 1e6;
const msPerPageRatioTarget = 1.3;

const steps = [
	{ key: 'cold', label: 'Relais à froid' },
	{ key: 'unchanged', label: 'Relais sans changement' },
	{ key: 'bodyEdit', label: 'Relais, 1 corps modifié' },
	{ key: 'titleEdit', label: 'Relais, 1 titre modifié' },
	{ key: 'bare', label: 'Astro nu à froid' },
];

const seconds = (value) =>
	value >= 60 ? `${value.toFixed(1)} s (${Math.floor(value / 60)} min ${Math.round(value % 60)} s)` : `${value.toFixed(1)} s`;
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} Mo`;
const kilobytes = (bytes) => `${(bytes / 1e3).toFixed(0)} Ko`;
const ms = (value) => (value === undefined ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const ratio = (value) => `${value.toFixed(2)}×`;
const verdict = (value, limit, shown) => `objectif ≤ ${shown} : ${value <= limit ? 'tenu' : 'dépassé'}`;

/** Writes the N synthetic entries, a hundred at a time (10 000 open files at once would exceed the limit). */
async function writeCorpus(folder, count) {
	const files = [];
	for (let start = 1; start <= count; start += 100) {
		const batch = Array.from({ length: Math.min(100, count - start + 1) }, (_, k) => release(start + k));
		await Promise.all(batch.map((file) => writeFile(path.join(folder, file.name), file.text)));
		files.push(...batch);
	}
	return files;
}

function progress(size, label, result) {
	const head = `  [${size}] ${label.padEnd(24)} ${seconds(result.seconds).padStart(8)}`;
	if (!result.ok) {
		console.log(`${head}  ÉCHEC (code ${result.code}), journal : ${result.logFile}\n${result.tail.replace(/^/gm, '      ')}`);
		return;
	}
	console.log(
		`${head}  ${result.rssMiB.toFixed(0)} Mio  ${result.rendered} pages rendues, ${result.reused} reprises  ${ms(result.msPerRoute)}/route rendue`,
	);
}

function table(size, results) {
	console.log(`\n### ${size} communiqués synthétiques\n`);
	console.log(
		'| build | temps | mémoire max | sortie | fichiers | plus gros flux | pages rendues | reprises | ms par route rendue | cartes dessinées / reprises | étape des cartes | Pagefind |',
	);
	console.log('| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const { label, key } of steps) {
		const r = results[key];
		if (!r) continue;
		if (!r.ok) {
			console.log(`| ${label} | échec (${seconds(r.seconds)}) | | | | | | | | | | |`);
			continue;
		}
		const feed = r.output.largestFeed;
		console.log(
			`| ${label} | ${seconds(r.seconds)} | ${r.rssMiB.toFixed(0)} Mio | ${megabytes(r.output.bytes)} | ${r.output.files} | ${feed ? `${feed.file} (${kilobytes(feed.bytes)})` : '–'} | ${r.rendered} | ${r.reused} | ${ms(r.msPerRoute)} | ${r.cards ? `${r.cards.rendered} / ${r.cards.reused}` : '–'} | ${r.cards ? `${(r.cards.ms / 1000).toFixed(2)} s` : '–'} | ${r.searchMs === undefined ? '–' : `${(r.searchMs / 1000).toFixed(2)} s`} |`,
		);
	}
}

function summary(size, results) {
	const target = targets[size] ?? {};
	const ok = (key) => (results[key]?.ok ? results[key] : undefined);
	const note = (value, limit, shown) => (limit === undefined ? '' : ` (${verdict(value, limit, shown)})`);
	const lines = [];
	const [cold, bodyEdit, titleEdit, bare] = ['cold', 'bodyEdit', 'titleEdit', 'bare'].map(ok);
	if (cold) {
		const limit = target.coldSeconds;
		lines.push(`build à froid : ${seconds(cold.seconds)}${note(cold.seconds, limit, limit >= 60 ? `${limit / 60} min` : `${limit} s`)}`);
	}
	for (const [edit, name] of [
		[bodyEdit, '1 corps modifié'],
		[titleEdit, '1 titre modifié'],
	]) {
		if (!edit) continue;
		const limit = edit === bodyEdit ? (target.bodyEditSeconds ?? target.editSeconds) : target.editSeconds;
		let line = `rebuild après ${name} : ${seconds(edit.seconds)}${note(edit.seconds, limit, `${limit} s`)}`;
		if (bare) {
			const versusBare = edit.seconds / bare.seconds;
			const ratioLimit = edit === bodyEdit ? target.bodyEditVsBare : undefined;
			line += `, ${ratio(versusBare)} le build Astro nu à froid${note(versusBare, ratioLimit, ratio(ratioLimit ?? 0))}`;
		}
		lines.push(line);
	}
	const relais = ['cold', 'unchanged', 'bodyEdit', 'titleEdit'].map(ok).filter(Boolean);
	if (relais.length) {
		const peak = Math.max(...relais.map((r) => r.rssMiB));
		lines.push(
			`mémoire max (builds Relais) : ${peak.toFixed(0)} Mio${note(peak, target.memoryMiB, `${(target.memoryMiB ?? 0) / 1024} Gio`)}`,
		);
	}
	if (cold) {
		lines.push(
			`sortie à froid : ${megabytes(cold.output.bytes)}, ${cold.output.files} fichiers${note(cold.output.bytes, target.outputBytes, `${(target.outputBytes ?? 0) / 1e6} Mo`)}`,
		);
		const feed = cold.output.largestFeed;
		if (feed) lines.push(`plus gros flux : ${feed.file}, ${kilobytes(feed.bytes)} (${verdict(feed.bytes, feedTargetBytes, '1 Mo')})`);
		lines.push(
			`ms par route rendue (étape de génération ÷ routes rendues, build à froid) : Relais ${ms(cold.msPerRoute)}${bare ? `, Astro nu ${ms(bare.msPerRoute)}` : ''}`,
		);
	}
	console.log(`\n${size} communiqués :\n${lines.map((line) => `- ${line}`).join('\n')}`);
}

const work = await mkdtemp(path.join(tmpdir(), 'relais-bench-'));
try {
	const project = path.join(work, 'project');
	for (const name of ['src', 'public', 'scripts', 'astro.config.mjs', 'relais.config.ts', 'package.json', 'tsconfig.json']) {
		await cp(path.join(root, name), path.join(project, name), { recursive: true });
	}
	await symlink(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
	const bareProject = path.join(work, 'bare');
	await cp(path.join(root, 'scripts/bench/bare'), bareProject, { recursive: true });
	await symlink(path.join(root, 'node_modules'), path.join(bareProject, 'node_modules'), 'dir');
	const hook = path.join(work, 'rss-hook.mjs');
	await writeFile(hook, rssHook);

	console.log(`Relais bench : ${sizes.join(', ')} communiqués synthétiques + content/ (${work})`);
	const bySize = new Map();
	for (const size of sizes) {
		const dir = path.join(work, `n${size}`);
		const content = path.join(dir, 'content');
		const logs = path.join(dir, 'logs');
		await cp(path.join(root, 'content'), content, { recursive: true });
		await mkdir(path.join(content, 'communiques'), { recursive: true });
		await mkdir(logs, { recursive: true });
		const files = await writeCorpus(path.join(content, 'communiques'), size);
		// The newest entry: the one a newsroom edits, and the one on the most listings (home, feeds, first theme pages).
		const edited = files.reduce((newest, file) => (file.date >= newest.date ? file : newest));
		const editedPath = path.join(content, 'communiques', edited.name);
		console.log(`\n[${size}] corpus écrit ; entrée modifiée aux étapes 3 et 4 : ${edited.name}`);

		const relaisEnv = {
			SITE_URL: 'https://presse.example.org',
			RELAIS_BUILD_TIME: '2025-06-01T00:00:00Z',
			RELAIS_CONTENT_DIR: content,
			RELAIS_OUT_DIR: path.join(dir, 'dist'),
			RELAIS_CACHE_DIR: path.join(dir, 'astro-cache'),
			RELAIS_CARDS_CACHE: path.join(dir, 'card-cache'),
		};
		const results = {};
		const run = async (key, options) => {
			const { label } = steps.find((step) => step.key === key);
			results[key] = await measureBuild({ hook, logFile: path.join(logs, `${key}.log`), ...options });
			progress(size, label, results[key]);
		};
		const relais = { script: 'scripts/build.mjs', cwd: project, env: relaisEnv, outDir: relaisEnv.RELAIS_OUT_DIR };
		await run('cold', relais);
		await run('unchanged', relais);
		await writeFile(editedPath, withBodyEdit(await readFile(editedPath, 'utf8')));
		await run('bodyEdit', relais);
		await writeFile(editedPath, withTitleEdit(await readFile(editedPath, 'utf8')));
		await run('titleEdit', relais);
		const bareEnv = { BENCH_CONTENT_DIR: content, BARE_OUT_DIR: path.join(dir, 'bare-dist'), BARE_CACHE_DIR: path.join(dir, 'bare-cache') };
		await run('bare', { script: 'build.mjs', cwd: bareProject, env: bareEnv, outDir: bareEnv.BARE_OUT_DIR });

		bySize.set(size, results);
		table(size, results);
		// Outputs and caches of 10 000 entries take gigabytes: free them before the next size.
		if (!keep) await rm(dir, { recursive: true, force: true });
	}

	console.log('\n## Objectifs');
	for (const [size, results] of bySize) summary(size, results);
	const perPage = [...bySize]
		.map(([size, results]) => [size, results.cold?.ok ? results.cold.msPerRoute : undefined])
		.filter(([, value]) => value);
	if (perPage.length >= 2) {
		const [smallSize, small] = perPage.reduce((a, b) => (b[0] < a[0] ? b : a));
		const [largeSize, large] = perPage.reduce((a, b) => (b[0] > a[0] ? b : a));
		const note =
			smallSize === 1000 && largeSize === 10000 ? ` (${verdict(large / small, msPerPageRatioTarget, ratio(msPerPageRatioTarget))})` : '';
		console.log(`\nms par route rendue à ${largeSize} vs ${smallSize} : ${ratio(large / small)}${note}`);
	}
	console.log(
		`\nObjectifs du ticket : à 1000, froid ≤ 28 s, rebuild après 1 corps modifié ≤ 7 s et ≤ 1.5× Astro nu à froid ; à 10 000, froid ≤ 5 min, rebuild ≤ 45 s, mémoire ≤ 3 Gio, sortie ≤ 700 Mo ; plus gros flux ≤ 1 Mo ; ms par page de communiqué à 10 000 ≤ 1.3× celle à 1000.`,
	);
	if (keep) console.log(`\nDossier conservé : ${work}`);
} finally {
	if (!keep) await rm(work, { recursive: true, force: true });
}
