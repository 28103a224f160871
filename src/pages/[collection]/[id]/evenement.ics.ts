/** One event as an iCalendar file (« Ajouter à mon agenda »), beside its entry. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse, eventCalendar } from '../../../data/calendar';
import { COLLECTIONS, getPublished, type NewsItem } from '../../../data/entries';
import { pageKey } from '../../../data/page-keys';

export const getStaticPaths = (async () => {
	const paths = [];
	for (const collection of COLLECTIONS) {
		for (const item of await getPublished(collection)) {
			if (item.event) paths.push({ params: { collection, id: item.id }, props: { item }, cacheKey: pageKey([item]) });
		}
	}
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: NewsItem }> = ({ props }) => calendarResponse(eventCalendar(props.item));
