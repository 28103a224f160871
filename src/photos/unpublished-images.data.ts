/**
 * The image files of every entry, published or not, handed to the integration
 * that removes unpublished ones from the output (`src/photos/unpublished-images.ts`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageMetadata } from 'astro';
import { root } from 'astro:config/server';
import { localImageReferences, offerImageSources } from './unpublished-images';
import { COLLECTIONS, entryKey, getAllPublished, getEntries, type AnyEntry } from '../content/entries.data';

/** The path of an `image()` file, read without marking it as used (see `src/site/cache-key.ts`). */
const fsPathOf = (image: ImageMetadata | undefined) => (image as (ImageMetadata & { fsPath?: string }) | undefined)?.fsPath;

/** Image files of an entry: cover, photos, and the local images of its Markdown or MDX body. */
function imageFiles(entry: AnyEntry): string[] {
	const declared = [entry.data.image?.src, ...('photos' in entry.data ? entry.data.photos.map((photo) => photo.file) : [])];
	const folder = entry.filePath ? path.dirname(fileURLToPath(new URL(entry.filePath, root))) : undefined;
	const body = folder
		? (entry.rendered?.metadata?.imagePaths ?? localImageReferences(entry.body ?? ''))
				.filter((image) => !/^([a-z][a-z0-9+.-]*:|\/)/i.test(image))
				.map((image) => path.resolve(folder, decodeURI(image)))
		: [];
	return [...declared.map(fsPathOf), ...body].filter((file): file is string => Boolean(file));
}

let offered: Promise<void> | undefined;

/** Hands the build's image files over, once per build. */
export function offerUnpublishedImages(): Promise<void> {
	offered ??= (async () => {
		const entries = (await Promise.all(COLLECTIONS.map((collection) => getEntries(collection)))).flat();
		// The publishing rule as the pages apply it (a translation follows its original).
		const published = new Set((await getAllPublished()).map((item) => item.key));
		const sources = { unpublished: [] as string[], published: [] as string[] };
		for (const entry of entries) {
			(published.has(entryKey(entry.collection, entry.id)) ? sources.published : sources.unpublished).push(...imageFiles(entry));
		}
		offerImageSources(sources);
	})();
	return offered;
}
