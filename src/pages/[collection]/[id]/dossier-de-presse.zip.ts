/** The press kit of an entry: one ZIP of all its attachments, at a stable URL beside the entry. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { COLLECTIONS, getPublished } from '../../../data/entries';
import { getPressKit, type PressKit } from '../../../data/press-kit';

export const getStaticPaths = (async () => {
	const paths = [];
	for (const collection of COLLECTIONS) {
		for (const item of await getPublished(collection)) {
			const kit = getPressKit(item.entry);
			if (kit) paths.push({ params: { collection, id: item.id }, props: { kit } });
		}
	}
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ kit: PressKit }> = ({ props }) =>
	// A fresh ArrayBuffer-backed view: `Response` does not take views over shared buffers.
	new Response(new Uint8Array(props.kit.data), { headers: { 'Content-Type': 'application/zip' } });
