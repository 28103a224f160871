/**
 * Renders a whole build's cards: cached ones are copied, the others are drawn
 * in parallel by a pool of worker threads (one per core; satori and resvg are
 * CPU-bound and single-threaded, so threads are the only way to use the cores).
 */
import { availableParallelism } from 'node:os';
import { constants } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CARDS_MODULE_DIR, CardCache, cardKey, cardsFingerprint } from './cache.ts';
import type { CardJob, CardStats } from './types.ts';
import { runTask, type WorkerReply, type WorkerTask } from './task.ts';

export interface RenderCardsOptions {
	/** The build's output folder; each job's `path` is written under it. */
	outDir: string;
	/** The persistent cache folder. */
	cacheDir: string;
	/** Worker threads; default: one per core. */
	workers?: number;
	/** The cards module's folder (sources hashed into the fingerprint, `worker.ts`). */
	moduleDir?: string;
	/** At most this many cards to draw are drawn on the calling thread: starting workers costs more. Default 2. */
	inlineMax?: number;
}

/** Copies with a copy-on-write clone where the file system offers one. */
const copy = (from: string, to: string) => copyFile(from, to, constants.COPYFILE_FICLONE);

/** Runs `fn` over `items` with at most `limit` promises in flight. */
async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) await fn(items[next++]!);
	});
	await Promise.all(lanes);
}

/** Feeds tasks to `size` workers, one task at a time each, until none is left. */
async function runPool(tasks: WorkerTask[], size: number, workerFile: string): Promise<void> {
	const workers: Worker[] = [];
	let next = 0;
	try {
		await Promise.all(
			Array.from(
				{ length: size },
				() =>
					new Promise<void>((resolve, reject) => {
						const worker = new Worker(workerFile);
						workers.push(worker);
						let done = false;
						const feed = () => {
							const task = tasks[next++];
							if (task) {
								worker.postMessage(task);
							} else {
								done = true;
								resolve();
							}
						};
						worker.on('message', (reply: WorkerReply) => {
							if ('error' in reply) {
								const task = tasks.find((candidate) => candidate.key === reply.key);
								reject(new Error(`carte sociale ${task?.targets[0] ?? reply.key} : ${reply.error}`));
							} else {
								feed();
							}
						});
						worker.on('error', reject);
						worker.on('exit', (code) => {
							if (!done) reject(new Error(`un processus de rendu des cartes s’est arrêté (code ${code})`));
						});
						feed();
					}),
			),
		);
	} finally {
		await Promise.all(workers.map((worker) => worker.terminate()));
	}
}

/**
 * Produces every card of a build: copies those whose content hash is cached,
 * draws the others in worker threads and caches them.
 * @param jobs every card of the build (paths must be unique)
 * @returns how many cards were drawn and reused, and the time taken
 * @throws when two jobs share a path with different data, or a card fails to render
 */
export async function renderCards(jobs: CardJob[], options: RenderCardsOptions): Promise<CardStats> {
	const started = performance.now();
	const moduleDir = options.moduleDir ?? CARDS_MODULE_DIR;
	const fingerprint = cardsFingerprint(moduleDir);
	const cache = new CardCache(options.cacheDir);

	// Cards with equal data are drawn once and copied to each of their paths.
	const byKey = new Map<string, WorkerTask>();
	const seen = new Map<string, string>();
	for (const job of jobs) {
		const key = cardKey(job.data, fingerprint);
		const previous = seen.get(job.path);
		if (previous !== undefined) {
			if (previous !== key) throw new Error(`carte sociale ${job.path} : deux cartes différentes pour le même chemin`);
			continue;
		}
		seen.set(job.path, key);
		const target = path.join(options.outDir, job.path);
		const task = byKey.get(key);
		if (task) task.targets.push(target);
		else byKey.set(key, { key, data: job.data, cacheDir: options.cacheDir, targets: [target] });
	}

	const folders = new Set([...byKey.values()].flatMap((task) => task.targets.map((target) => path.dirname(target))));
	await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));

	const misses: WorkerTask[] = [];
	let reused = 0;
	await eachLimit([...byKey.values()], 32, async (task) => {
		const cached = await cache.lookup(task.key);
		if (!cached) {
			misses.push(task);
			return;
		}
		await Promise.all(task.targets.map((target) => copy(cached, target)));
		reused += task.targets.length;
	});

	let workers = 0;
	if (misses.length > 0 && misses.length <= (options.inlineMax ?? 2)) {
		// Statically imported: by `astro:build:done` Vite's module runner, which
		// loaded this file, is closed and a dynamic import would fail.
		for (const task of misses) await runTask(task);
	} else if (misses.length > 0) {
		workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), misses.length));
		await runPool(misses, workers, path.join(moduleDir, 'worker.ts'));
	}
	if (misses.length > 0) await cache.prune();

	const rendered = misses.reduce((sum, task) => sum + task.targets.length, 0);
	return { total: rendered + reused, rendered, reused, ms: Math.round(performance.now() - started), workers };
}
