/** JSON Feed 1.1 feed of one collection (same items, same order as its RSS feed). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { COLLECTIONS, type CollectionName } from '../../data/entries';
import { feedOptions, jsonFeedResponse } from '../../data/feeds';

export const getStaticPaths = (() => COLLECTIONS.map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
	jsonFeedResponse(await feedOptions({ collection: params.collection as CollectionName }, 'feed.json'));
