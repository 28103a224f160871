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

/** `712ms`, `5.36s`, `1m 11s` → milliseconds. */
function durationMs(text) {
	const match = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(text.trim());
	if (!match) return undefined;
	const minutes = Number(match[1] ?? 0);
	const value = Number(match[2]);
	return minutes * 60_000 + (match[3] === 'ms' ? value : value * 1000);
}

/**
 * What Astro's build log says about the routes it generated. Each route is
 * logged as `├─ <file>` followed by `(+12ms)` when rendered (`(+1.20s)` past a
 * second) or `(cached)` / `(restored)` when `experimental.incrementalBuild`
 * reused it. Endpoints (feeds, JSON) count as pages. With several pages in
 * flight (`build.concurrency`) a route's mark is printed when it ends, often
 * after other routes' names: the marks are counted, not matched to files.
 */
function parseLog(log) {
	// Colours are off when the output is a pipe; stripped anyway in case FORCE_COLOR is set.
	const text = log.replace(/\x1b\[[0-9;]*m/g, '');
	const reused = (text.match(/\((?:cached|restored)\)/g) ?? []).length;
	const rendered = (text.match(/\(\+\d+(?:\.\d+)?(?:ms|s)\)/g) ?? []).length;
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
		generationMs,
		msPerRoute: generationMs !== undefined && rendered > 0 ? generationMs / rendered : undefined,
		cards: cards ? { total: +cards[1], rendered: +cards[2], reused: +cards[3], ms: +cards[4] } : undefined,
		searchMs: search ? +search[1] : undefined,
	};
}

/** Size and file count of a built site, and its largest feed file. */
async function outputStats(dir) {
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
