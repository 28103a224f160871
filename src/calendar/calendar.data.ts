/**
 * The agenda: published entries with an event (press releases that announce one,
 * rencontres), upcoming and past, and their iCalendar files. Entries come from
 * `src/content/entries.data.ts`, so drafts and scheduled entries are in no agenda.
 */
import { settings } from '../settings/settings';
import { yearOf } from '../text/dates';
import { t } from '../text/i18n';
import { buildCalendar, eventLocation, eventUid, type CalendarEvent } from './ical';
import { getAllPublished, getUpcomingEvents, type NewsItem } from '../content/entries.data';
import { url } from '../site/site.data';

/** An entry known to carry an event. */
export type EventItem = NewsItem & { event: NonNullable<NewsItem['event']> };

const hasEvent = (item: NewsItem): item is EventItem => item.event !== undefined;

interface AgendaYear {
	year: number;
	/** Most recent event first. */
	items: EventItem[];
}

interface Agenda {
	/** Events not over at build time, soonest first. */
	upcoming: EventItem[];
	/** Past events by year of their start, newest year first. */
	past: AgendaYear[];
}

/** Upcoming and past events; « upcoming » is the same rule as the home page's (`getUpcomingEvents`). */
export async function getAgenda(): Promise<Agenda> {
	const upcoming = (await getUpcomingEvents()).filter(hasEvent);
	const upcomingKeys = new Set(upcoming.map((item) => `${item.collection}/${item.id}`));
	const past = (await getAllPublished())
		.filter(hasEvent)
		.filter((item) => !upcomingKeys.has(`${item.collection}/${item.id}`))
		.sort((a, b) => b.event.start.instant.getTime() - a.event.start.instant.getTime() || a.id.localeCompare(b.id));
	const years = Map.groupBy(past, (item) => yearOf(item.event.start.instant, settings.timeZone));
	return {
		upcoming,
		past: [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, items]) => ({ year, items })),
	};
}

/** Site-relative URL of an entry's own `.ics` file. */
export const eventIcsPath = (item: Pick<NewsItem, 'collection' | 'id'>) => url.path(item.collection, item.id, 'evenement.ics');

function calendarEvent(item: EventItem): CalendarEvent {
	const pageUrl = url.absolute(item.collection, item.id);
	return {
		uid: eventUid(item.collection, item.id, settings.site),
		summary: item.title,
		description: `${item.description}\n\n${pageUrl}`,
		start: item.event.start,
		...(item.event.end && { end: item.event.end }),
		location: eventLocation(item.event),
		url: pageUrl,
		lastModified: (item.entry.data.updated ?? item.date).instant,
	};
}

/** The calendar of every published event, past and upcoming (calendar apps keep history). */
export async function siteCalendar(): Promise<string> {
	const events = (await getAllPublished())
		.filter(hasEvent)
		.sort((a, b) => a.event.start.instant.getTime() - b.event.start.instant.getTime() || a.id.localeCompare(b.id));
	return buildCalendar(
		{
			name: `${settings.name} – ${t('agenda.title')}`,
			description: t('agenda.intro'),
			timeZone: settings.timeZone,
			product: settings.name,
			url: url.absolute('agenda'),
		},
		events.map(calendarEvent),
	);
}

/** The calendar of one entry's event. */
export function eventCalendar(item: NewsItem): string {
	if (!hasEvent(item)) throw new Error(`${item.collection}/${item.id} : aucun événement.`);
	return buildCalendar(
		{
			name: item.title,
			timeZone: settings.timeZone,
			product: settings.name,
			url: url.absolute(item.collection, item.id),
		},
		[calendarEvent(item)],
	);
}

/** An iCalendar response. */
export const calendarResponse = (body: string): Response =>
	new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
