/**
 * The list of the build's social cards, `{ path, data }[]`. It is not part
 * of the site: the cards integration (`src/integrations/cards.ts`) reads it
 * once every page is built, draws the cards in parallel, then deletes it.
 * Drawing here, page by page, would run on one core only.
 */
import type { APIRoute } from 'astro';
import { getCardJobs } from '../../data/cards';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(await getCardJobs()), { headers: { 'Content-Type': 'application/json' } });
