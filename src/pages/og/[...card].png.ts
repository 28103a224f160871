import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { COLLECTIONS, getPublished } from '../../data/entries';

export const getStaticPaths = (async () => {
	const paths: Array<{ params: { card: string } }> = [{ params: { card: 'site' } }];
	for (const collection of COLLECTIONS) {
		for (const item of await getPublished(collection)) paths.push({ params: { card: `${collection}/${item.id}` } });
	}
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
	new Response(await readFile('src/assets/placeholder-card.png'), {
		headers: { 'Content-Type': 'image/png' },
	});
