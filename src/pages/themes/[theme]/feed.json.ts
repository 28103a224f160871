/** JSON Feed 1.1 feed of one theme (same items, same order as its RSS feed). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedOptions, jsonFeedResponse } from '../../../data/feeds';
import { getThemes } from '../../../data/themes';

export const getStaticPaths = (async () =>
	(await getThemes()).map((theme) => ({ params: { theme: theme.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => jsonFeedResponse(await feedOptions({ theme: String(params.theme) }, 'feed.json'));
