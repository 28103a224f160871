/** Press-kit files, copied into the build at stable URLs beside their entry. */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { resolveAttachments, type ResolvedAttachment } from '../../../../press-kit/attachments.data';
import { COLLECTIONS, getPublished } from '../../../../content/entries.data';

export const getStaticPaths = (async () => {
	const paths = [];
	for (const collection of COLLECTIONS) {
		for (const item of await getPublished(collection)) {
			for (const attachment of resolveAttachments(item.entry)) {
				paths.push({ params: { collection, id: item.id, file: attachment.name }, props: { attachment } });
			}
		}
	}
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ attachment: ResolvedAttachment }> = async ({ props }) => new Response(await readFile(props.attachment.source));
