/**
 * The list of the build's social cards, `{ path, data }[]`. It is not part
 * of the site: the cards integration (`src/cards/integration.ts`) starts
 * drawing them from here, on the cores Astro's page rendering leaves free,
 * finishes on every core once the pages are written, then deletes the list.
 */
import type { APIRoute } from 'astro';
import { getCardJobs } from '../../cards/cards.data';
import { startCardsEarly } from '../../cards/early.ts';

export const GET: APIRoute = async () => {
	const jobs = await getCardJobs();
	startCardsEarly(jobs);
	return new Response(JSON.stringify(jobs), { headers: { 'Content-Type': 'application/json' } });
};
