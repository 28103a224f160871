/**
 * Renders a whole build's cards: cached ones are copied, the others are drawn
 * in parallel by a pool of worker threads (one per core; satori and resvg are
 * CPU-bound and single-threaded, so threads are the only way to use the cores).
 */
import { availableParallelism } from 'node:os';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { CARDS_MODULE_DIR, CardCache, cardKey, cardsFingerprint } from './cache.ts';
import { linkOrCopy } from '../site/files.ts';
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

/**
 * Worker threads drawing a queue of tasks, one task at a time each. Workers can be
 * added while it runs: the build starts on the cores Astro's page rendering leaves
 * free, and adds the last one once the pages are written.
 */
class CardPool {
	readonly #tasks: WorkerTask[];
	readonly #workerFile: string;
	readonly #workers: Worker[] = [];
	readonly #lanes: Array<Promise<void>> = [];
	#next = 0;
	/** Set once the pool stops its workers: their exits are then expected. */
	#stopping = false;

	constructor(tasks: WorkerTask[], workerFile: string) {
		this.#tasks = tasks;
		this.#workerFile = workerFile;
	}

	get size(): number {
		return this.#workers.length;
	}

	/** Starts workers until there are `size` (never more than tasks left to draw). */
	grow(size: number): void {
		while (!this.#stopping && this.#workers.length < size && this.#next < this.#tasks.length) {
			const lane = this.#lane();
			// A lane added after `done` stopped waiting still fails quietly: `done` reported the first failure.
			lane.catch(() => undefined);
			this.#lanes.push(lane);
		}
	}

	/** Resolves when every task is drawn; the first failure rejects. Workers are stopped either way. */
	async done(): Promise<void> {
		try {
			// Lanes can be added while waiting: wait again until none is new.
			let count = 0;
			while (count < this.#lanes.length) {
				count = this.#lanes.length;
				await Promise.all(this.#lanes);
			}
		} finally {
			this.#stopping = true;
			await Promise.all(this.#workers.map((worker) => worker.terminate()));
		}
	}

	#lane(): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			const worker = new Worker(this.#workerFile);
			this.#workers.push(worker);
			let finished = false;
			const feed = () => {
				const task = this.#tasks[this.#next++];
				if (task) {
					worker.postMessage(task);
				} else {
					finished = true;
					resolve();
				}
			};
			worker.on('message', (reply: WorkerReply) => {
				if ('error' in reply) {
					const task = this.#tasks.find((candidate) => candidate.key === reply.key);
					finished = true;
					reject(new Error(`carte sociale ${task?.targets[0] ?? reply.key} : ${reply.error}`));
				} else {
					feed();
				}
			});
			worker.on('error', (error) => {
				finished = true;
				reject(error);
			});
			worker.on('exit', (code) => {
				if (finished) return;
				if (this.#stopping) resolve();
				else reject(new Error(`un processus de rendu des cartes s’est arrêté (code ${code})`));
			});
			feed();
		});
	}
}

/** Cards being produced: `finish` waits for them, with more workers if asked. */
export interface CardRun {
	/**
	 * Draws what is left with up to `workers` threads (default: the run's option, else one per
	 * core) and resolves when every card is written.
	 */
	finish(workers?: number): Promise<CardStats>;
}

/**
 * Starts producing every card of a build: copies those whose content hash is cached and
 * starts drawing the others with `startWorkers` threads (0: none until `finish`).
 * @param jobs every card of the build (paths must be unique)
 * @throws when two jobs share a path with different data
 */
export async function startCards(jobs: CardJob[], options: RenderCardsOptions, startWorkers = 0): Promise<CardRun> {
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
	// At most 32 cache look-ups and copies at once: thousands of cards would otherwise open as many files together.
	await pLimit(32).map([...byKey.values()], async (task) => {
		const cached = await cache.lookup(task.key);
		if (!cached) {
			misses.push(task);
			return;
		}
		await Promise.all(task.targets.map((target) => linkOrCopy(cached, target)));
		reused += task.targets.length;
	});

	const inline = misses.length <= (options.inlineMax ?? 2);
	const pool = inline ? undefined : new CardPool(misses, path.join(moduleDir, 'worker.ts'));
	pool?.grow(Math.min(startWorkers, misses.length));
	// A failure before `finish` is reported by `finish`, not as an unhandled rejection.
	const early = pool && pool.size > 0 ? pool.done() : undefined;
	early?.catch(() => undefined);

	return {
		async finish(workers = options.workers ?? availableParallelism()) {
			if (pool) {
				pool.grow(Math.max(1, workers));
				// The early run's wait also covers the workers just added.
				await (early ?? pool.done());
			} else {
				// Statically imported: by `astro:build:done` Vite's module runner, which
				// loaded this file, is closed and a dynamic import would fail.
				for (const task of misses) await runTask(task);
			}
			if (misses.length > 0) await cache.prune();
			const rendered = misses.reduce((sum, task) => sum + task.targets.length, 0);
			return { total: rendered + reused, rendered, reused, ms: Math.round(performance.now() - started), workers: pool?.size ?? 0 };
		},
	};
}

/**
 * Produces every card of a build: copies those whose content hash is cached,
 * draws the others in worker threads and caches them.
 * @param jobs every card of the build (paths must be unique)
 * @returns how many cards were drawn and reused, and the time taken
 * @throws when two jobs share a path with different data, or a card fails to render
 */
export async function renderCards(jobs: CardJob[], options: RenderCardsOptions): Promise<CardStats> {
	return (await startCards(jobs, options)).finish();
}
