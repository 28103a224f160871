/** Atom 1.0 feed of one collection (same items, same order as its RSS feed). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { COLLECTIONS, type CollectionName } from '../../data/entries';
import { feedOptions, atomResponse } from '../../data/feeds';

export const getStaticPaths = (() => COLLECTIONS.map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
	atomResponse(await feedOptions({ collection: params.collection as CollectionName }, 'atom.xml'));
