/**
 * Worker thread of the card pool: loads the fonts and renderers once, then
 * draws one card per message. Runs under Node's own TypeScript type stripping
 * (no bundler), hence the explicit `.ts` import extensions in this module.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type WorkerReply, type WorkerTask } from './task.ts';

parentPort?.on('message', (task: WorkerTask) => {
	runTask(task).then(
		(bytes) => parentPort?.postMessage({ key: task.key, bytes } satisfies WorkerReply),
		(error: unknown) =>
			parentPort?.postMessage({
				key: task.key,
				error: error instanceof Error ? (error.stack ?? error.message) : String(error),
			} satisfies WorkerReply),
	);
});
