/**
 * Placing files kept in a build cache into the output: by hard link (no bytes
 * copied, a rebuild places thousands of files), or by copy where a link cannot
 * be made (another file system). Cached files are written once under their key
 * and never rewritten in place, so output and cache can share them.
 * Plain Node TypeScript (no bundler): the card workers import it too.
 */
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** Puts the file `from` at `to`, replacing whatever is there. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
	try {
		await link(from, to);
	} catch {
		await rm(to, { force: true });
		await copyFile(from, to);
	}
}

/** Puts every file of the folder `from` at the same place under `to`. */
export async function linkTree(from: string, to: string): Promise<void> {
	const entries = await readdir(from, { withFileTypes: true, recursive: true });
	const folders = new Set([
		to,
		...entries
			.filter((entry) => entry.isDirectory())
			.map((entry) => path.join(to, path.relative(from, path.join(entry.parentPath, entry.name)))),
	]);
	for (const folder of folders) await mkdir(folder, { recursive: true });
	await Promise.all(
		entries
			.filter((entry) => entry.isFile())
			.map((entry) => {
				const source = path.join(entry.parentPath, entry.name);
				return linkOrCopy(source, path.join(to, path.relative(from, source)));
			}),
	);
}
