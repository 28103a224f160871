/** The press kit of an entry: one ZIP of its readme, attachments and photos, at a stable URL beside the entry. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { COLLECTIONS, getPublished, type AnyEntry } from '../../../content/entries.data';
import { pageKey } from '../../../site/page-keys.data';
import { buildPressKit, hasPressKit, pressKitSources } from '../../../press-kit/press-kit.data';

export const getStaticPaths = (async () => {
	const paths = [];
	for (const collection of COLLECTIONS) {
		for (const item of await getPublished(collection)) {
			const { entry } = item;
			if (!hasPressKit(entry)) continue;
			// Built when rendered: an unchanged archive is copied from the previous build.
			paths.push({ params: { collection, id: item.id }, props: { entry }, cacheKey: pageKey([item], pressKitSources(entry)) });
		}
	}
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: AnyEntry }> = ({ props }) =>
	// A fresh ArrayBuffer-backed view: `Response` does not take views over shared buffers.
	new Response(new Uint8Array(buildPressKit(props.entry)), { headers: { 'Content-Type': 'application/zip' } });
