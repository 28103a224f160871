/**
 * The files of each press photo, beside its entry: the original, byte for byte what
 * the author supplied, and the web-size JPEG with the credit and licence in its XMP.
 */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAllPublished } from '../../../../content/entries.data';
import { pageKey } from '../../../../site/page-keys.data';
import { photoDownloads, resolvePhotos, type ResolvedPhoto } from '../../../../photos/photos.data';
import { offerUnpublishedImages } from '../../../../photos/unpublished-images.data';

export const getStaticPaths = (async () => {
	// This route lists the entries' files: it also tells the build which image files to keep out of it.
	await offerUnpublishedImages();
	return (await getAllPublished()).flatMap((item) =>
		resolvePhotos(item.entry).flatMap((photo) =>
			(['original', 'web'] as const).map((version) => ({
				params: { collection: item.collection, id: item.id, file: photo[version].name },
				props: { photo, version },
				// The entry's fingerprint covers the file's content (Astro's image hash) and the rights; the size, a replaced file.
				cacheKey: pageKey([item], photo.key, version, photo.original.bytes),
			})),
		),
	);
}) satisfies GetStaticPaths;

interface Props {
	photo: ResolvedPhoto;
	version: 'original' | 'web';
}

export const GET: APIRoute<Props> = async ({ props: { photo, version } }) =>
	version === 'original'
		? new Response(await readFile(photo.source))
		: new Response(await readFile((await photoDownloads(photo)).web.file), { headers: { 'Content-Type': 'image/jpeg' } });
