/** Atom 1.0 feed of one theme (same items, same order as its RSS feed). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedOptions, atomResponse } from '../../../data/feeds';
import { getThemes } from '../../../data/themes';

export const getStaticPaths = (async () =>
	(await getThemes()).map((theme) => ({ params: { theme: theme.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => atomResponse(await feedOptions({ theme: String(params.theme) }, 'atom.xml'));
