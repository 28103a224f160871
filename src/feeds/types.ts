/** The plain data every feed format is written from: no Astro, no settings. */

export type FeedFormat = 'rss' | 'atom' | 'json';

/** What a feed says about itself, whatever its format. */
export interface FeedDescription {
	title: string;
	description: string;
	/** Absolute URL of the HTML page the feed mirrors. */
	home: string;
	/** Absolute URL of the feed's file in each format: its `self` link (and its id in Atom). */
	urls: Record<FeedFormat, string>;
	/** BCP 47 language of the feed. Example: `fr-FR`. */
	language: string;
	/** Who publishes the feed and its items: the site. */
	author: { name: string; url: string };
	/** WebSub hubs the feed announces (`rel="hub"`), where readers subscribe to be pushed its updates. */
	hubs: readonly string[];
}

/** The event an item announces or reports. */
export interface FeedEvent {
	/** ISO 8601: a date (`2099-04-20`) for an all-day event, else a date-time with seconds and offset (`2099-06-15T18:30:00+02:00`). */
	start: string;
	end?: string;
	/** True when start (and end) are dates without a time. */
	allDay: boolean;
	place: string;
	address?: string;
	city: string;
	/** Absolute URL of the event's iCalendar file. */
	calendar: string;
}

/** One entry as every format carries it. */
export interface FeedItem {
	title: string;
	/** Absolute URL of the entry's page; also its permanent id in every format. */
	link: string;
	published: Date;
	/** Date of the last update, or the publication date. */
	updated: Date;
	/** Plain-text summary (the chapô). */
	summary: string;
	/** Full HTML content, links absolute. */
	contentHtml: string;
	/** The opening of `contentHtml` (type, event), kept when the item is abridged to fit the feed. */
	leadHtml: string;
	/** The entry's type (« Communiqué de presse »…) then its themes. */
	categories: string[];
	/** The cover image. */
	image?: { url: string; type: string };
	event?: FeedEvent;
}

/** The newest update among the items: the feed's own date, stable while its content is. */
export function latestUpdate(items: readonly FeedItem[]): Date | undefined {
	let latest: Date | undefined;
	for (const item of items) if (!latest || item.updated > latest) latest = item.updated;
	return latest;
}
