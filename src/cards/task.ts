/**
 * One card drawn: rendered, stored in the cache, copied to its output files.
 * Shared by the worker threads and by the batch renderer's inline path.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CardCache } from './cache.ts';
import { linkOrCopy } from '../site/files.ts';
import { renderCard } from './render.ts';
import type { CardData } from './types.ts';

/** One card to draw: its data, its cache key, and the output files that want it. */
export interface WorkerTask {
	key: string;
	data: CardData;
	cacheDir: string;
	targets: string[];
}

export type WorkerReply = { key: string; bytes: number } | { key: string; error: string };

/** Renders a task's card, stores it in the cache, and copies it to every target. */
export async function runTask(task: WorkerTask): Promise<number> {
	const png = await renderCard(task.data);
	const stored = await new CardCache(task.cacheDir).store(task.key, png);
	await Promise.all(
		task.targets.map(async (target) => {
			await mkdir(path.dirname(target), { recursive: true });
			await linkOrCopy(stored, target);
		}),
	);
	return png.length;
}
