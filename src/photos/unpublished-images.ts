/**
 * Astro copies every image file the content declares (`image()` fields, Markdown
 * images) into `_astro/` when it bundles the content, drafts' and scheduled
 * entries' included, and deletes an original only once it has made resized
 * versions of it that no page uses whole. An unpublished entry's image is never
 * resized, so its file stays in the output, unlinked but public. The build hands
 * the image files of unpublished entries (and those of published ones, to keep
 * a file both share) over a global, as `src/cards/early.ts` does, and
 * `src/photos/unpublished-images.integration.ts` removes their copies once the site is written.
 * Pure logic: unit-tested in `tests/unit/photos.test.ts`.
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Absolute paths of the image files of the content, by publication. */
interface ImageSources {
	unpublished: string[];
	published: string[];
}

const SOURCES = Symbol.for('relais.unpublished-images');
type WithSources = typeof globalThis & { [SOURCES]?: ImageSources };

/** Hands over (or, with `undefined`, withdraws) the image files of the build. */
export function offerImageSources(sources: ImageSources | undefined): void {
	(globalThis as WithSources)[SOURCES] = sources;
}

/** The image files handed over by this build, if any (none under `astro dev`). */
export function takeImageSources(): ImageSources | undefined {
	const sources = (globalThis as WithSources)[SOURCES];
	offerImageSources(undefined);
	return sources;
}

/** A Markdown image (`![alt](./photo.jpg "title")`) or an ES import of an image file (`import photo from '../lib/photo.jpg'`). */
const IMAGE_REFERENCE =
	/!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+["'(][^)]*)?\)|^\s*import\s+[\w$]+\s+from\s+["']([^"']+\.(?:avif|gif|jpe?g|png|svg|webp))["']/gim;

/**
 * Local image paths an MDX body refers to, as written (`./photo.jpg`). Astro renders an
 * MDX entry only when a page asks for it, so an unpublished one has no `imagePaths`, yet
 * Vite bundles its module, and with it the images, into the output.
 */
export function localImageReferences(body: string): string[] {
	const found = [...body.matchAll(IMAGE_REFERENCE)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
	return found.filter((reference) => reference !== '' && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(reference));
}

const sizeOf = async (file: string) => (await stat(file).catch(() => undefined))?.size;

/**
 * Removes from `assetsDir` the copies of unpublished entries' images: files named
 * after the source (`photo.<hash>.jpg`) with the same bytes. A file whose bytes a
 * published entry's image also has is one asset for both, and stays.
 * @returns the names removed
 */
export async function removeUnpublishedImages(assetsDir: string, sources: ImageSources): Promise<string[]> {
	const names = await readdir(assetsDir).catch(() => [] as string[]);
	const unpublished = [...new Set(sources.unpublished)];
	if (names.length === 0 || unpublished.length === 0) return [];
	// Sizes first: only a published file of the same size can have the same bytes.
	const published = await Promise.all([...new Set(sources.published)].map(async (file) => ({ file, size: await sizeOf(file) })));
	const publishedBySize = Map.groupBy(published, ({ size }) => size);
	const removed: string[] = [];
	for (const source of unpublished) {
		const size = await sizeOf(source);
		if (size === undefined) continue;
		const data = await readFile(source);
		const same = async (file: string) => (await sizeOf(file)) === size && (await readFile(file)).equals(data);
		let shared = false;
		for (const { file } of publishedBySize.get(size) ?? []) shared ||= await same(file);
		if (shared) continue;
		const stem = path.basename(source).replace(/\.[^.]+$/, '');
		for (const name of names) {
			if (!name.startsWith(`${stem}.`) || removed.includes(name)) continue;
			if (await same(path.join(assetsDir, name))) {
				await rm(path.join(assetsDir, name));
				removed.push(name);
			}
		}
	}
	return removed;
}
