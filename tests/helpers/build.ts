/**
 * Builds a fixture site with the real build (`scripts/build.mjs`, which calls
 * Astro's programmatic `build()`), in a child process so each build has its own
 * environment, and returns where the output is and what the build printed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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

export function buildSite({ fixture, env = {}, outDir, cacheDir, root = projectRoot }: BuildOptions): BuildResult {
	const work = mkdtempSync(path.join(tmpdir(), 'relais-build-'));
	const target = outDir ?? path.join(work, 'dist');
	// Vitest copies its `import.meta.env` into the environment (NODE_ENV=test, DEV=true…), and the
	// build would read it as its own (the search page's development note): build as `npm run build` does.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_MODE_VARIABLES.has(name)));
	const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
		cwd: root,
		encoding: 'utf8',
		env: {
			...inherited,
			SITE_URL: 'https://presse.example.org',
			RELAIS_CONTENT_DIR: fixtureContent(fixture),
			RELAIS_OUT_DIR: target,
			RELAIS_CACHE_DIR: cacheDir ?? path.join(work, 'cache'),
			ASTRO_TELEMETRY_DISABLED: '1',
			...env,
		},
		maxBuffer: 64 * 1024 * 1024,
	});
	return { ok: result.status === 0, status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir: target };
}

/** Sources this project builds from, copied by `snapshotProject`. */
const PROJECT_FILES = ['src', 'public', 'scripts', 'astro.config.mjs', 'relais.config.ts', 'package.json', 'tsconfig.json'];

/**
 * A copy of the project's sources in a temporary folder (node_modules linked), for
 * tests that change code or settings and build the result.
 */
export function snapshotProject(): string {
	const root = mkdtempSync(path.join(tmpdir(), 'relais-project-'));
	for (const name of PROJECT_FILES) cpSync(path.join(projectRoot, name), path.join(root, name), { recursive: true });
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
