/**
 * Runs one build of `scripts/bench.mjs` in a child process and reads what it
 * cost: wall time, peak memory, the pages Astro rendered or reused (from its
 * build log), the card and search steps (from the integrations' log lines) and
 * the output folder.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Preloaded in the build process: writes its max RSS (kB on Linux, worker threads included) when it exits. */
export const rssHook =
	"import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n";

/** Feed files, wherever they are in the output. */
const feedNames = new Set(['rss.xml', 'atom.xml', 'feed.json']);
/** An entry page of the press releases, as Astro names it in its log. */
const entryPage = /^\/communiques\/[^/]+\/index\.html$/;

export const median = (values) => {
	if (!values.length) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** `712ms`, `5.36s`, `1m 11s` → milliseconds. */
export function durationMs(text) {
	const match = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(text.trim());
	if (!match) return undefined;
	const minutes = Number(match[1] ?? 0);
	const value = Number(match[2]);
	return minutes * 60_000 + (match[3] === 'ms' ? value : value * 1000);
}

/**
 * What Astro's build log says about the routes it generated. Each route is
 * logged as `├─ <file> (+12ms)` when rendered (`(+1.20s)` past a second) and
 * `├─ <file> (cached)` or `(restored)` when `experimental.incrementalBuild`
 * reused it. Endpoints (feeds, JSON) count as pages. A warning logged while a
 * route renders lands between its file and its timing, on the same line as the
 * file: so the log is cut at each `├─ `, not at line ends.
 */
export function parseLog(log) {
	// Colours are off when the output is a pipe; stripped anyway in case FORCE_COLOR is set.
	const text = log.replace(/\x1b\[[0-9;]*m/g, '');
	let rendered = 0;
	let reused = 0;
	let entryPages = 0;
	const entryMs = [];
	for (const part of text.split('├─ ').slice(1)) {
		// The file, without the time stamp of a warning glued to it.
		const file = /^(\S+?)(?:\d\d:\d\d:\d\d)?(?:\s|$)/.exec(part)?.[1] ?? '';
		const mark = /\((cached|restored)\)|\(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(part);
		if (!mark) continue;
		const isEntry = entryPage.test(file);
		if (isEntry) entryPages += 1;
		if (mark[1]) {
			reused += 1;
			continue;
		}
		rendered += 1;
		if (isEntry) entryMs.push(mark[3] === 's' ? Number(mark[2]) * 1000 : Number(mark[2]));
	}
	// The generation step as a whole: with several pages in flight (`build.concurrency`), a
	// page's own `(+Nms)` includes its wait behind the others, so the step divided by the
	// routes rendered is the cost of a page.
	const generation = /generating static routes[\s\S]*?✓ Completed in ((?:\d+m )?[\d.]+(?:ms|s))/.exec(text);
	const generationMs = generation ? durationMs(generation[1]) : undefined;
	const cards = /cartes sociales : (\d+) \((\d+) dessinées, (\d+) reprises du cache\) en (\d+) ms/.exec(text);
	const search = /Index de recherche[^\n]*?en (\d+) ms/.exec(text);
	return {
		rendered,
		reused,
		entryPages,
		entryMs: median(entryMs),
		generationMs,
		msPerRoute: generationMs !== undefined && rendered > 0 ? generationMs / rendered : undefined,
		cards: cards ? { total: +cards[1], rendered: +cards[2], reused: +cards[3], ms: +cards[4] } : undefined,
		searchMs: search ? +search[1] : undefined,
	};
}

/** Size and file count of a built site, and its largest feed file. */
export async function outputStats(dir) {
	let bytes = 0;
	let files = 0;
	let largestFeed;
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		const { size } = await stat(file);
		files += 1;
		bytes += size;
		if (feedNames.has(entry.name) && size > (largestFeed?.bytes ?? -1)) largestFeed = { file: path.relative(dir, file), bytes: size };
	}
	return { bytes, files, largestFeed };
}

/**
 * Runs `node --import <hook> <script>` in `cwd` and measures it. A failed build
 * is reported (`ok: false`), not thrown: the other builds of the run still count.
 */
export async function measureBuild({ script, cwd, env, hook, logFile, outDir }) {
	const rssFile = `${logFile}.rss`;
	const started = performance.now();
	const { code, log } = await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', hook, script], {
			cwd,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_RSS_FILE: rssFile, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const chunks = [];
		child.stdout.on('data', (chunk) => chunks.push(chunk));
		child.stderr.on('data', (chunk) => chunks.push(chunk));
		child.on('error', reject);
		child.on('close', (exitCode) => resolve({ code: exitCode, log: Buffer.concat(chunks).toString('utf8') }));
	});
	const seconds = (performance.now() - started) / 1000;
	await writeFile(logFile, log);
	const rssMiB = Number(await readFile(rssFile, 'utf8').catch(() => '0')) / 1024;
	if (code !== 0) return { ok: false, code, seconds, rssMiB, logFile, tail: log.trimEnd().split('\n').slice(-15).join('\n') };
	return { ok: true, seconds, rssMiB, logFile, ...parseLog(log), output: await outputStats(outDir) };
}
