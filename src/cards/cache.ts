/**
 * The persistent card cache: one PNG per content hash, kept outside the build
 * output (default `node_modules/.cache/relais-cards/`) so it survives the
 * staging-folder swap of `scripts/build.mjs`. The key hashes the card's data
 * and a fingerprint of everything that draws it (this module's sources, the
 * font files, the renderer versions): a changed title misses, a changed
 * template invalidates every card, and anything else is copied, not redrawn.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontPaths } from './fonts.ts';
import type { CardData } from './types.ts';

/** This module's folder, whose sources are part of the fingerprint. */
export const CARDS_MODULE_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Default cache folder, relative to the project root. */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/relais-cards';

const RENDERERS = ['satori', '@resvg/resvg-js', 'sharp'];

/** Version of an installed package, found by walking up from its entry point (some packages do not export `package.json`). */
function packageVersion(name: string): string {
	const require = createRequire(import.meta.url);
	let dir = path.dirname(require.resolve(name));
	while (dir !== path.dirname(dir)) {
		const file = path.join(dir, 'package.json');
		if (existsSync(file)) {
			const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
			if (pkg.name === name) return pkg.version ?? '?';
		}
		dir = path.dirname(dir);
	}
	return '?';
}

/**
 * Hash of everything that draws a card besides its data: every `.ts` source of
 * the cards module (templates, design tokens, renderer), the font files and
 * the renderer versions. Hashing the sources rather than a hand-bumped version
 * number means no one can forget to invalidate the cache.
 * @param moduleDir the cards module's folder (default: this file's folder)
 */
export function cardsFingerprint(moduleDir: string = CARDS_MODULE_DIR): string {
	const hash = createHash('sha256');
	for (const name of readdirSync(moduleDir)
		.filter((file) => file.endsWith('.ts'))
		.sort()) {
		hash
			.update(`source:${name}\0`)
			.update(readFileSync(path.join(moduleDir, name)))
			.update('\0');
	}
	for (const font of fontPaths())
		hash
			.update(`font:${path.basename(font)}\0`)
			.update(readFileSync(font))
			.update('\0');
	for (const name of RENDERERS) hash.update(`${name}@${packageVersion(name)}\0`);
	return hash.digest('hex');
}

/** JSON with sorted keys, so two equal data objects built in a different order hash alike. */
function stableJson(value: unknown): string {
	return JSON.stringify(value, (_key, item: unknown) =>
		item && typeof item === 'object' && !Array.isArray(item)
			? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
			: item,
	);
}

/**
 * The cache key of one card.
 * @param data what the card shows
 * @param fingerprint {@link cardsFingerprint} of the templates and fonts
 */
export function cardKey(data: CardData, fingerprint: string): string {
	return createHash('sha256').update(fingerprint).update('\0').update(stableJson(data)).digest('hex').slice(0, 40);
}

/** A folder of `<key>.png` files. */
export class CardCache {
	readonly dir: string;

	// A plain field, not a parameter property: worker threads load these
	// sources with Node's type stripping, which only erases annotations.
	constructor(dir: string) {
		this.dir = dir;
	}

	/** Where the card of `key` is (or would be) stored. */
	file(key: string): string {
		return path.join(this.dir, key.slice(0, 2), `${key}.png`);
	}

	/** The cached file of `key` if there is one; its time is refreshed so pruning keeps it. */
	async lookup(key: string): Promise<string | undefined> {
		const file = this.file(key);
		try {
			const now = new Date();
			await utimes(file, now, now);
			return file;
		} catch {
			return undefined;
		}
	}

	/**
	 * Stores a card. Written to a temporary name then renamed, so a build
	 * running beside this one never copies a half-written file.
	 */
	async store(key: string, png: Uint8Array): Promise<string> {
		const file = this.file(key);
		await mkdir(path.dirname(file), { recursive: true });
		const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
		await writeFile(temporary, png);
		await rename(temporary, file);
		return file;
	}

	/**
	 * Deletes cards no build has used for `maxAgeDays`, so the cache does not
	 * grow forever with every edited title.
	 * @returns how many files were deleted
	 */
	async prune(maxAgeDays = 30): Promise<number> {
		const limit = Date.now() - maxAgeDays * 86_400_000;
		let removed = 0;
		const shards = await readdir(this.dir).catch(() => [] as string[]);
		for (const shard of shards) {
			const folder = path.join(this.dir, shard);
			for (const name of await readdir(folder).catch(() => [] as string[])) {
				const file = path.join(folder, name);
				const info = await stat(file).catch(() => undefined);
				if (info && info.mtimeMs < limit) {
					await rm(file, { force: true });
					removed += 1;
				}
			}
		}
		return removed;
	}
}
