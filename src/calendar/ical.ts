/**
 * iCalendar (RFC 5545) for the agenda: `ical-generator` writes the text (escaping
 * of commas, semicolons, backslashes and newlines, folding at 75 octets),
 * `@touch4it/ical-timezones` supplies the VTIMEZONE of the site's zone.
 *
 * Times are written as wall-clock times with `TZID=<zone>`, as a French reader
 * expects them in any calendar; date-only events are all-day events.
 * Pure logic: no Astro import, unit-tested in `tests/unit/ical.test.ts`.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { escape } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { calendarDay, type ContentDate } from '../text/dates';

/** One event of a calendar, already resolved from an entry. */
export interface CalendarEvent {
	/** Globally unique, stable across builds: `<collection>-<id>@<host>`. */
	uid: string;
	summary: string;
	description?: string;
	start: ContentDate;
	end?: ContentDate;
	/** « Salle A, bâtiment B; étage 2, Alès »: plain text, escaped on output. */
	location: string;
	/** Absolute URL of the entry's page. */
	url: string;
	/** When the entry last changed: its LAST-MODIFIED and its DTSTAMP. */
	lastModified: Date;
}

interface CalendarOptions {
	/** Calendar name shown by calendar apps (X-WR-CALNAME). */
	name: string;
	description?: string;
	/** IANA zone the wall-clock times are written in. */
	timeZone: string;
	/** Product name for PRODID. */
	product: string;
	/** Absolute URL of the calendar file or its page. */
	url?: string;
}

/** « place, address, city » with the empty parts left out: the LOCATION of an event. */
export function eventLocation(event: { place: string; address?: string; city: string }): string {
	return [event.place, event.address, event.city].filter((part): part is string => Boolean(part?.trim())).join(', ');
}

/** A stable UID from the entry's address: same entry, same UID, build after build. */
export function eventUid(collection: string, id: string, site: string): string {
	return `${collection}-${id}@${new URL(site).hostname}`;
}

const plainDate = (date: ContentDate, timeZone: string) => Temporal.PlainDate.from(calendarDay(date.instant, timeZone));

const zoned = (instant: Date, timeZone: string) => Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);

/** The iCalendar text of `events` (CRLF line ends, lines folded at 75 octets). */
export function buildCalendar(options: CalendarOptions, events: CalendarEvent[]): string {
	const calendar = ical({
		// ical-generator writes NAME and X-WR-CALDESC as given: escape them like every TEXT value.
		name: escape(options.name, false),
		description: options.description === undefined ? null : escape(options.description, false),
		prodId: { company: options.product, product: options.product, language: 'FR' },
		// No METHOD: the file is not a scheduling message (RFC 5546), so RFC 5545 lets
		// DTSTAMP be when the event's information last changed, not when the file was
		// written; the entry's date then stamps it and two builds give the same bytes.
		url: options.url ?? null,
		// No calendar-wide zone, so DTSTAMP stays in UTC as RFC 5545 requires; each
		// timed event carries TZID and the generator adds the matching VTIMEZONE.
		timezone: { name: null, generator: getVtimezoneComponent },
		// Subscribed calendars refresh daily (sites are rebuilt daily).
		ttl: 60 * 60 * 24,
	});
	for (const event of events) {
		const common = {
			id: event.uid,
			summary: event.summary,
			description: event.description ?? null,
			location: event.location,
			url: event.url,
			stamp: event.lastModified,
			lastModified: event.lastModified,
		};
		if (!event.start.hasTime) {
			// All-day: DTEND is exclusive, the day after the last day.
			const last = event.end ? plainDate(event.end, options.timeZone) : plainDate(event.start, options.timeZone);
			calendar.createEvent({
				...common,
				allDay: true,
				start: plainDate(event.start, options.timeZone),
				end: last.add({ days: 1 }),
			});
			continue;
		}
		// A timed start with a date-only end lasts until the end of that day.
		const end = event.end
			? event.end.hasTime
				? zoned(event.end.instant, options.timeZone)
				: plainDate(event.end, options.timeZone).add({ days: 1 }).toZonedDateTime(options.timeZone)
			: null;
		calendar.createEvent({
			...common,
			timezone: options.timeZone,
			start: zoned(event.start.instant, options.timeZone),
			end,
		});
	}
	// RFC 5545 ends every content line with CRLF, the last one included.
	return `${calendar.toString()}\r\n`;
}
