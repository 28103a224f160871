/** One event as an iCalendar file (« Ajouter à mon agenda »), beside its entry. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse, eventCalendar } from '../../../calendar/calendar.data';
import { COLLECTIONS, getPublished, type NewsItem } from '../../../content/entries.data';
import { pageKey } from '../../../site/page-keys.data';

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
