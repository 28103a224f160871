#!/usr/bin/env node
/**
 * `npm run bench [-- N]`: measures what social cards cost a build.
 *
 * Copies `content/` to a temporary folder, adds N synthetic press releases
 * written to the content contract (default 1000, or BENCH_N; deterministic:
 * the same N gives the same files), and builds with `scripts/build.mjs`:
 *
 *   1. cards off, cold      RELAIS_CARDS=off, empty Astro cache    (baseline)
 *   2. cards on, cold       empty Astro cache, empty card cache
 *   3. cards on, rebuild    after editing one entry's title        (1 card drawn)
 *   4. cards off, warm      same content, warm Astro cache         (baseline of 3)
 *
 * and prints wall time, peak memory (max RSS of the build process, worker
 * threads included), cards drawn/reused, card count, median card size, and the
 * Pagefind index (size, files, time) when the output has a `pagefind/` folder.
 * A benchmark, not a test: it asserts nothing; targets are shown beside ratios.
 *
 * The builds run on a snapshot of the project (sources copied, node_modules
 * linked, `scripts/build.mjs` run from there): Astro keeps build chunks in
 * `<root>/.astro/`, so a build running at the same time in the working tree
 * would otherwise collide with the benchmark's. BENCH_KEEP=1 keeps the folder.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const count = Number(process.argv[2] ?? process.env.BENCH_N ?? 1000);
if (!Number.isInteger(count) || count < 0) {
	console.error(`N invalide : « ${process.argv[2] ?? process.env.BENCH_N} » (un entier, par exemple 1000)`);
	process.exit(2);
}
const keep = process.env.BENCH_KEEP === '1';

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const subjects = [
	'Le Territoire d’industrie Alès-Cévennes',
	'Leader Alès',
	'Le MEDEF Lozère',
	'La communauté d’agglomération',
	'Les réseaux d’entreprises',
	'La CCI du Gard',
	'Le Pôle Mécanique',
	'AD’OCC',
];
const verbs = ['lance', 'signe', 'présente', 'accueille', 'inaugure', 'soutient', 'annonce', 'réunit'];
const objects = [
	'un programme RSE pour huit dirigeants',
	'son contrat de relance industrielle',
	'« une usine qui se réinvente »',
	'la rencontre annuelle des réseaux',
	'un plan pour 1 200 emplois qualifiés',
	'les lauréats de l’appel à projets',
	'un atelier sur la transition écologique',
	'le bilan de l’année écoulée',
];
const places = [
	['Pôle Mécanique Alès-Cévennes', 'Alès'],
	['Hôtel de ville', 'Mende'],
	['Maison de l’entreprise', 'Saint-Martin-de-Valgalgues'],
	['Salle des fêtes', 'Florac'],
];
const themes = ['industrie', 'emploi', 'RSE', 'territoire', 'formation', 'réseaux d’entreprises', 'Lozère', 'plan de relance'];

const pick = (next, list) => list[Math.floor(next() * list.length)];
const pad = (value) => String(value).padStart(2, '0');
const yaml = (text) => JSON.stringify(text);

/** The i-th synthetic press release: file name and Markdown. */
function release(i, next) {
	const year = 2015 + Math.floor(next() * 10);
	const month = 1 + Math.floor(next() * 12);
	const day = 1 + Math.floor(next() * 28);
	const date = `${year}-${pad(month)}-${pad(day)}`;
	const title = `${pick(next, subjects)} ${pick(next, verbs)} ${pick(next, objects)}${next() < 0.3 ? ` : ${pick(next, objects)}` : ''}`;
	const tags = [...new Set([pick(next, themes), pick(next, themes)])];
	const lines = [
		'---',
		`title: ${yaml(title)}`,
		`description: ${yaml(`Communiqué de synthèse n° ${i} : ${title.toLowerCase()}.`)}`,
		`date: ${date}`,
		`tags: [${tags.map(yaml).join(', ')}]`,
	];
	if (next() < 0.4) {
		const [place, city] = pick(next, places);
		lines.push('event:', `  start: ${date}T${pad(9 + Math.floor(next() * 9))}:00`, `  place: ${yaml(place)}`, `  city: ${yaml(city)}`);
	}
	lines.push(
		'---',
		'',
		`Texte du communiqué n° ${i}. ${title}. Les partenaires du territoire présentent leurs engagements pour l’année.`,
		'',
	);
	return { name: `${date}-bench-${String(i).padStart(5, '0')}.md`, text: lines.join('\n') };
}

async function folderStats(dir) {
	let bytes = 0;
	let files = 0;
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
		if (!entry.isFile()) continue;
		files += 1;
		bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
	}
	return { bytes, files };
}

async function cardSizes(outDir) {
	const sizes = [];
	for (const entry of await readdir(path.join(outDir, 'og'), { withFileTypes: true, recursive: true }).catch(() => [])) {
		if (entry.isFile() && entry.name.endsWith('.png')) sizes.push((await stat(path.join(entry.parentPath, entry.name))).size);
	}
	return sizes.sort((a, b) => a - b);
}

/** Runs one build in a child process and measures it. */
async function build(label, work, env) {
	const rssFile = path.join(work, `rss-${label.replace(/\W+/g, '-')}.txt`);
	const started = performance.now();
	const output = await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', path.join(work, 'rss-hook.mjs'), 'scripts/build.mjs'], {
			cwd: path.join(work, 'project'),
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_RSS_FILE: rssFile, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let text = '';
		child.stdout.on('data', (chunk) => (text += chunk));
		child.stderr.on('data', (chunk) => (text += chunk));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve(text) : reject(new Error(`${label} : échec de la construction (code ${code})\n${text}`)),
		);
	});
	const seconds = (performance.now() - started) / 1000;
	const cards = /cartes sociales : (\d+) \((\d+) dessinées, (\d+) reprises du cache\) en (\d+) ms/.exec(output);
	const search = /Index de recherche[^\n]*?en (\d+) ms/.exec(output);
	const sizes = await cardSizes(env.RELAIS_OUT_DIR);
	const pagefind = await folderStats(path.join(env.RELAIS_OUT_DIR, 'pagefind'));
	return {
		label,
		seconds,
		rssMiB: Number(await readFile(rssFile, 'utf8').catch(() => '0')) / 1024,
		cards: cards ? { total: +cards[1], rendered: +cards[2], reused: +cards[3], ms: +cards[4] } : undefined,
		files: sizes.length,
		medianKiB: sizes.length ? sizes[Math.floor(sizes.length / 2)] / 1024 : 0,
		pagefind: pagefind.files ? { ...pagefind, ms: search ? +search[1] : undefined } : undefined,
	};
}

const work = await mkdtemp(path.join(tmpdir(), 'relais-bench-'));
try {
	const project = path.join(work, 'project');
	for (const name of ['src', 'public', 'scripts', 'astro.config.mjs', 'relais.config.ts', 'package.json', 'tsconfig.json']) {
		await cp(path.join(root, name), path.join(project, name), { recursive: true });
	}
	await symlink(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
	const content = path.join(work, 'content');
	await cp(path.join(root, 'content'), content, { recursive: true });
	await mkdir(path.join(content, 'communiques'), { recursive: true });
	const next = random(20200917);
	const files = Array.from({ length: count }, (_, i) => release(i + 1, next));
	await Promise.all(files.map((file) => writeFile(path.join(content, 'communiques', file.name), file.text)));
	// Max RSS of the build process (kB on Linux), worker threads included, written when it exits.
	await writeFile(
		path.join(work, 'rss-hook.mjs'),
		"import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
	);

	const base = {
		SITE_URL: 'https://presse.example.org',
		RELAIS_BUILD_TIME: '2025-06-01T00:00:00Z',
		RELAIS_CONTENT_DIR: content,
		RELAIS_OUT_DIR: path.join(work, 'dist'),
	};
	const on = { ...base, RELAIS_CACHE_DIR: path.join(work, 'astro-cache'), RELAIS_CARDS_CACHE: path.join(work, 'card-cache') };
	const off = {
		...base,
		RELAIS_CARDS: 'off',
		RELAIS_CACHE_DIR: path.join(work, 'astro-cache-off'),
		RELAIS_CARDS_CACHE: path.join(work, 'card-cache-off'),
	};

	console.log(`Relais bench : ${count} communiqués synthétiques + content/ (${work})`);
	const results = [];
	const run = async (label, env) => {
		const result = await build(label, work, env);
		results.push(result);
		console.log(`  ${label.padEnd(22)} ${result.seconds.toFixed(1).padStart(6)} s`);
		return result;
	};
	const offCold = await run('cartes off, à froid', off);
	const onCold = await run('cartes on, à froid', on);
	if (files[0]) {
		const edited = path.join(content, 'communiques', files[0].name);
		await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^title: "(.*)"$/m, 'title: "$1 (mis à jour)"'));
	}
	const rebuild = await run('cartes on, 1 édition', on);
	const offWarm = await run('cartes off, à chaud', off);

	console.log('\n| build | temps | mémoire max | cartes | dessinées | reprises | rendu des cartes | fichiers PNG | médiane |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const r of results) {
		const c = r.cards;
		console.log(
			`| ${r.label} | ${r.seconds.toFixed(1)} s | ${r.rssMiB.toFixed(0)} Mio | ${c?.total ?? '–'} | ${c?.rendered ?? '–'} | ${c?.reused ?? '–'} | ${c ? `${(c.ms / 1000).toFixed(2)} s` : '–'} | ${r.files} | ${r.medianKiB.toFixed(1)} Kio |`,
		);
	}
	console.log(`\nÀ froid : ${(onCold.seconds / offCold.seconds).toFixed(2)}× le build sans cartes (objectif ≤ 3×)`);
	console.log(
		`Rebuild après 1 édition : ${(rebuild.seconds / offWarm.seconds).toFixed(2)}× le build sans cartes à chaud, ${(rebuild.seconds / offCold.seconds).toFixed(2)}× à froid (objectif ≤ 1,5×)`,
	);
	const withSearch = results.find((r) => r.pagefind);
	if (withSearch?.pagefind) {
		const p = withSearch.pagefind;
		console.log(`Pagefind : ${p.files} fichiers, ${(p.bytes / 1024).toFixed(0)} Kio${p.ms !== undefined ? `, indexé en ${p.ms} ms` : ''}`);
	} else {
		console.log('Pagefind : pas de dossier pagefind/ dans la sortie');
	}
} finally {
	if (!keep) await rm(work, { recursive: true, force: true });
}
