#!/usr/bin/env node
/**
 * `npm run lighthouse`: Lighthouse scores of the built site, the way a
 * reader's browser sees it from a real host.
 *
 * - Builds the site first when the output folder is missing (`npm run build`).
 * - Serves it on 127.0.0.1 like a well-configured static host: the headers of
 *   src/site/security-headers.ts (CSP included), long caching of hashed files,
 *   gzip for text, `404.html` for missing pages.
 * - Runs Lighthouse's command line, fetched on demand by `npx` at the version
 *   pinned below (it is not in the default install: ~130 MB with its
 *   Puppeteer), with Debian's Chromium (`CHROME_PATH`, default
 *   /usr/bin/chromium; flags `--headless=new --no-sandbox --disable-gpu`) on the
 *   home, an entry and the search page with a query, in Lighthouse's default
 *   mobile setting (simulated slow 4G, mid-range phone), and prints the four
 *   scores of each page.
 *
 * Not part of `npm test`: it is slow and its performance score varies with the
 * machine's load. Settings from src/settings/settings.ts: the output folder
 * (`RELAIS_OUT_DIR`, default `dist`), the base path (`BASE_PATH`), the words
 * searched (`LIGHTHOUSE_QUERY`, default `entreprises`), a folder to write each
 * page's full report to (`LIGHTHOUSE_JSON`), the browser (`CHROME_PATH`).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs, promisify } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { IMMUTABLE, IMMUTABLE_PATHS, SECURITY_HEADERS } from '../src/site/security-headers.ts';

const USAGE =
	'npm run lighthouse: scores of the home, an entry and the search page of the built site.\nSettings: RELAIS_OUT_DIR, BASE_PATH, LIGHTHOUSE_QUERY, LIGHTHOUSE_JSON, CHROME_PATH (README, « Configuration »).';
// No option but --help: what it audits is set like the build it audits, by settings.
try {
	if (parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }).values.help) {
		console.log(USAGE);
		process.exit(0);
	}
} catch (error) {
	console.error(`${error.message}\n\n${USAGE}`);
	process.exit(2);
}

const root = path.resolve(import.meta.dirname, '..');
// TypeScript with extensionless imports: run by tsx, as `npm run build` runs it.
const { settings, tools, childEnvironment } = await tsImport(new URL('../src/settings/settings.ts', import.meta.url).href, import.meta.url);
const { outDir } = tools;
const { base } = settings;
const { query, reportsDir, chromePath } = tools.lighthouse;
/** The Lighthouse `npx` runs (scores move between major versions: change it on purpose). */
const LIGHTHOUSE = 'lighthouse@12.8.2';

if (!existsSync(path.join(outDir, 'index.html'))) {
	console.log(`${path.relative(root, outDir)}/ is missing: building it first (npm run build).`);
	const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpeg': 'image/jpeg',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.ics': 'text/calendar; charset=utf-8',
	'.pdf': 'application/pdf',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript))|image\/svg/;
const immutable = IMMUTABLE_PATHS.map((pattern) => `${base}${pattern.slice(1, -1)}`);

/** The file a request names, or undefined. */
function fileFor(pathname) {
	if (!pathname.startsWith(base)) return undefined;
	let file = path.join(outDir, decodeURIComponent(pathname.slice(base.length)));
	if (!file.startsWith(outDir)) return undefined;
	if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
	return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const server = createServer((request, response) => {
	const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
	const found = fileFor(pathname);
	const file = found ?? path.join(outDir, '404.html');
	const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
	let body = readFileSync(file);
	const headers = {
		...SECURITY_HEADERS,
		'Content-Type': type,
		'Cache-Control': immutable.some((prefix) => pathname.startsWith(prefix)) ? IMMUTABLE : 'no-cache',
	};
	if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
		body = gzipSync(body);
		headers['Content-Encoding'] = 'gzip';
		headers.Vary = 'Accept-Encoding';
	}
	headers['Content-Length'] = body.length;
	response.writeHead(found ? 200 : 404, headers);
	response.end(request.method === 'HEAD' ? undefined : body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** An entry page: a communiqué with press-kit files (and, in the sample content, a cover image), else the latest entry. */
function entryPage() {
	const entries = ['communiques', 'rencontres', 'temoignages'].flatMap((collection) => {
		const folder = path.join(outDir, collection);
		if (!existsSync(folder)) return [];
		return readdirSync(folder)
			.filter((name) => name !== 'page' && existsSync(path.join(folder, name, 'index.html')))
			.sort()
			.reverse()
			.map((id) => `${collection}/${id}/`);
	});
	const entry = entries.find((page) => existsSync(path.join(outDir, page, 'fichiers'))) ?? entries[0];
	if (!entry) throw new Error('no entry page in the output');
	return entry;
}

const pages = [
	['home', ''],
	['entry', entryPage()],
	['search', `recherche/?q=${encodeURIComponent(query)}`],
];

/** One page through Lighthouse's command line (asynchronous: this process serves the site meanwhile). */
async function audit(url) {
	const { stdout } = await promisify(execFile)(
		'npx',
		[
			'--yes',
			LIGHTHOUSE,
			url,
			'--output=json',
			'--output-path=stdout',
			'--quiet',
			'--chrome-flags=--headless=new --no-sandbox --disable-gpu',
		],
		// Lighthouse finds the browser only through CHROME_PATH (it has no option for it).
		{ env: childEnvironment({ CHROME_PATH: chromePath }), maxBuffer: 256 * 1024 * 1024 },
	);
	return { lhr: JSON.parse(stdout), report: stdout };
}

const rows = [];
try {
	for (const [label, relative] of pages) {
		const url = `${origin}${base}${relative}`;
		const result = await audit(url);
		const { categories, runtimeError } = result.lhr;
		if (runtimeError) throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
		const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
		rows.push({
			page: `${label} (${base}${relative})`,
			performance: score('performance'),
			accessibility: score('accessibility'),
			'best-practices': score('best-practices'),
			seo: score('seo'),
		});
		if (reportsDir) {
			mkdirSync(reportsDir, { recursive: true });
			writeFileSync(path.join(reportsDir, `${label}.json`), result.report);
		}
		// What cost points, so a score below 100 says what to fix.
		for (const [id, category] of Object.entries(categories)) {
			for (const ref of category.auditRefs) {
				const audit = result.lhr.audits[ref.id];
				if (ref.weight > 0 && audit.score !== null && audit.score < 1)
					console.log(`  ${label} · ${id} · ${audit.id}: ${audit.title} (${audit.displayValue ?? audit.score})`);
			}
		}
	}
} finally {
	server.close();
}
console.table(rows);
