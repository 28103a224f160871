/**
 * Builds a fixture site with the real build (`scripts/build.mjs`, which calls
 * Astro's programmatic `build()`), in a child process so each build has its own
 * environment, and returns where the output is and what the build printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	renameSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
	ok: boolean;
	/** Exit code of the build. */
	status: number | null;
	/** stdout + stderr of the build. */
	output: string;
	outDir: string;
}

export interface BuildOptions {
	/** A folder under `tests/fixtures/` holding `content/`, or an absolute content folder. */
	fixture: string;
	env?: Record<string, string>;
	/** Output folder; a fresh temporary one by default. */
	outDir?: string;
	/** Astro's cache folder (incremental build manifest, content store); a fresh temporary one by default. */
	cacheDir?: string;
	/** Project to build (a snapshot made by `snapshotProject`); this project by default. */
	root?: string;
}

export function fixtureContent(fixture: string): string {
	return path.isAbsolute(fixture) ? fixture : path.join(projectRoot, 'tests/fixtures', fixture, 'content');
}

/** What Vitest sets in the environment for its own mode. */
const VITEST_MODE_VARIABLES = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/** The command, folder and environment of one build. */
function buildCommand({ fixture, env = {}, outDir, cacheDir, root = projectRoot }: BuildOptions) {
	const work = mkdtempSync(path.join(tmpdir(), 'relais-build-'));
	const target = outDir ?? path.join(work, 'dist');
	// Vitest copies its `import.meta.env` into the environment (NODE_ENV=test, DEV=true…), and the
	// build would read it as its own (the search page's development note): build as `npm run build` does.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_MODE_VARIABLES.has(name)));
	return {
		target,
		options: {
			cwd: root,
			env: {
				...inherited,
				SITE_URL: 'https://presse.example.org',
				RELAIS_CONTENT_DIR: fixtureContent(fixture),
				RELAIS_OUT_DIR: target,
				RELAIS_CACHE_DIR: cacheDir ?? path.join(work, 'cache'),
				ASTRO_TELEMETRY_DISABLED: '1',
				...env,
			},
		},
	};
}

export function buildSite(build: BuildOptions): BuildResult {
	const { target, options } = buildCommand(build);
	const result = spawnSync(process.execPath, ['scripts/build.mjs'], { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	return { ok: result.status === 0, status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir: target };
}

/** `buildSite` without blocking the test process, so two builds can share the two cores. */
export function buildSiteAsync(build: BuildOptions): Promise<BuildResult> {
	const { target, options } = buildCommand(build);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/build.mjs'], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += String(chunk)));
		child.stderr.on('data', (chunk) => (stderr += String(chunk)));
		child.once('error', reject);
		child.once('close', (status) => resolve({ ok: status === 0, status, output: `${stdout}\n${stderr}`, outDir: target }));
	});
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** Folder of the builds shared by every test file of a run (`tests/helpers/shared-builds.ts`). */
		sharedBuildsDir: string;
	}
}

/** Sleeps without an event loop: `sharedBuild` is synchronous, as `buildSite` is. */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** How long a file waits for the build another file is running. */
const SHARED_BUILD_WAIT_MS = 15 * 60_000;

/**
 * `buildSite` once per run for each fixture and environment: the first test file to ask
 * builds (it creates the key's folder, which is atomic across the worker processes), the
 * others wait for its `result.json` and read the same output. Only for tests that read
 * the output and change nothing in it, its cache or its content.
 */
export function sharedBuild({ fixture, env = {} }: Pick<BuildOptions, 'fixture' | 'env'>): BuildResult {
	const content = fixtureContent(fixture);
	const key = createHash('sha256')
		.update(JSON.stringify([content, Object.entries(env).sort(([a], [b]) => a.localeCompare(b))]))
		.digest('hex')
		.slice(0, 16);
	// Outside the `site` project of vitest.config.ts (no global setup): a folder for this process only.
	const root = inject('sharedBuildsDir') ?? (sharedFallback ??= mkdtempSync(path.join(tmpdir(), 'relais-shared-')));
	const folder = path.join(root, key);
	const resultFile = path.join(folder, 'result.json');
	try {
		mkdirSync(folder);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		for (const started = Date.now(); !existsSync(resultFile); sleep(250)) {
			if (Date.now() - started > SHARED_BUILD_WAIT_MS) throw new Error(`shared build of ${content} (${folder}) never finished`);
		}
		return JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult;
	}
	const result = buildSite({ fixture, env, outDir: path.join(folder, 'dist'), cacheDir: path.join(folder, 'cache') });
	writeFileSync(`${resultFile}.tmp`, JSON.stringify(result));
	renameSync(`${resultFile}.tmp`, resultFile);
	return result;
}
let sharedFallback: string | undefined;

/** Sources this project builds from, copied by `snapshotProject`. */
const PROJECT_FILES = ['src', 'public', 'scripts', 'astro.config.mjs', 'relais.config.ts', 'package.json', 'tsconfig.json'];

/**
 * A copy of the project's sources (or of another snapshot's) in a temporary folder
 * (node_modules linked), for tests that change code or settings and build the result,
 * or that run two builds at once: Astro writes its prerendered chunks into the project
 * (`.astro/.prerender/`), so two builds of one project at the same time break each other.
 */
export function snapshotProject(from = projectRoot): string {
	const root = mkdtempSync(path.join(tmpdir(), 'relais-project-'));
	for (const name of PROJECT_FILES) cpSync(path.join(from, name), path.join(root, name), { recursive: true });
	symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
	return root;
}

/** Every file of a built site, relative paths. */
export function listFiles(dir: string, prefix = ''): string[] {
	return readdirSync(path.join(dir, prefix)).flatMap((name) => {
		const relative = path.join(prefix, name);
		return statSync(path.join(dir, relative)).isDirectory() ? listFiles(dir, relative) : [relative];
	});
}

export function readOutput(outDir: string, file: string): string {
	const full = path.join(outDir, file);
	if (!existsSync(full)) throw new Error(`missing output file: ${file}`);
	return readFileSync(full, 'utf8');
}
