/**
 * Data access for pages, feeds and cards: every list of entries comes from
 * here, filtered by the one publishing rule.
 */
import { existsSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { settings } from '../settings/settings';
import { cacheKey } from '../site/cache-key';
import type { ContentDate } from '../text/dates';
import { isPublished, publicationStatus, type FindOriginal, type PublicationStatus } from './publishing';
import { frenchTypography } from '../text/typography';
import { coverageDescription } from './coverage';
import { testimonialDescription, testimonialTitle } from './testimonial';
import type { EventDetails } from './schemas/event';
import { devServer, url } from '../site/site.data';

import { COLLECTIONS, type CollectionName } from './collections';

export { COLLECTIONS, type CollectionName };
export type AnyEntry = CollectionEntry<CollectionName>;

/** One entry of any collection, with what lists, feeds and cards share. */
export interface NewsItem {
	collection: CollectionName;
	id: string;
	/** `collection/id`: unique across collections. */
	key: string;
	/** Changes whenever anything of the entry (frontmatter, body, status) changes: the part of page cache keys it owns. */
	fingerprint: string;
	entry: AnyEntry;
	title: string;
	description: string;
	date: ContentDate;
	tags: string[];
	event?: EventDetails;
	/** Site-relative URL of the entry's page. */
	href: string;
	status: PublicationStatus;
	/** Language of the entry (BCP 47): its `lang`, or the site's. */
	lang: string;
}

/** Drafts and scheduled entries are shown only by `astro dev` and preview builds. */
const publishingContext = {
	now: settings.buildTime,
	preview: settings.preview || devServer,
};

/** The key of an entry across collections. */
export const entryKey = (collection: CollectionName, id: string) => `${collection}/${id}`;

/** Finds an entry of `entries` by id: a translation's original is in its own collection. */
function originalsAmong(entries: AnyEntry[]): FindOriginal {
	const byId = new Map(entries.map((entry) => [entry.id, entry.data]));
	return (id) => byId.get(id);
}

function toNewsItem(entry: AnyEntry, findOriginal: FindOriginal): NewsItem {
	const status = publicationStatus(entry.data, settings.buildTime, findOriginal);
	const base = {
		collection: entry.collection,
		id: entry.id,
		key: entryKey(entry.collection, entry.id),
		fingerprint: cacheKey(entry.data, entry.body, status),
		entry,
		date: entry.data.date,
		tags: entry.data.tags,
		href: url.path(entry.collection, entry.id),
		status,
		lang: entry.data.lang ?? settings.language,
	};
	switch (entry.collection) {
		case 'temoignages':
			return {
				...base,
				title: frenchTypography(testimonialTitle(entry.data)),
				description: frenchTypography(testimonialDescription(entry.data, entry.body ?? '')),
			};
		case 'retombees':
			return {
				...base,
				title: frenchTypography(entry.data.title),
				description: frenchTypography(coverageDescription(entry.data, entry.body ?? '')),
			};
		case 'rencontres':
		case 'communiques':
			return {
				...base,
				title: frenchTypography(entry.data.title),
				description: frenchTypography(entry.data.description),
				event: entry.data.event && {
					...entry.data.event,
					place: frenchTypography(entry.data.event.place),
					city: frenchTypography(entry.data.event.city),
					address: entry.data.event.address && frenchTypography(entry.data.event.address),
				},
			};
	}
}

/** The BCP 47 locale of an entry's page: the site's (`fr-FR`) for an entry in the site's language, else the entry's `lang`. */
export const localeOf = (item: NewsItem): string => (item.lang === settings.language ? settings.locale : item.lang);

export const byNewest = (a: NewsItem, b: NewsItem) => b.date.instant.getTime() - a.date.instant.getTime() || a.id.localeCompare(b.id);

/**
 * Entries of one collection, published or not (`filter` picks). A site without a folder for a
 * collection (written to an older contract: no `retombees/`) has no entry of it; asking Astro
 * would log a warning the author has nothing to do about.
 */
export function getEntries(collection: CollectionName, filter?: (entry: AnyEntry) => boolean): Promise<AnyEntry[]> {
	if (!existsSync(new URL(`${collection}/`, settings.contentDir))) return Promise.resolve([]);
	return getCollection(collection, filter) as Promise<AnyEntry[]>;
}

const cache = new Map<CollectionName, Promise<NewsItem[]>>();

/** Published entries of one collection, newest first. */
export function getPublished(collection: CollectionName): Promise<NewsItem[]> {
	let items = cache.get(collection);
	if (!items) {
		items = getEntries(collection).then((entries) => {
			const findOriginal = originalsAmong(entries);
			return entries
				.filter((entry) => isPublished(entry.data, publishingContext, findOriginal))
				.map((entry) => toNewsItem(entry, findOriginal))
				.sort(byNewest);
		});
		cache.set(collection, items);
	}
	return items;
}

let all: Promise<NewsItem[]> | undefined;

/** Published entries of every collection, newest first. */
export function getAllPublished(): Promise<NewsItem[]> {
	all ??= Promise.all(COLLECTIONS.map(getPublished)).then((lists) => lists.flat().sort(byNewest));
	return all;
}

/** Published entries with an event starting at or after the build time, soonest first. */
export async function getUpcomingEvents(): Promise<NewsItem[]> {
	const items = await getAllPublished();
	return items
		.filter((item) => item.event && (item.event.end ?? item.event.start).instant >= settings.buildTime)
		.sort((a, b) => (a.event?.start.instant.getTime() ?? 0) - (b.event?.start.instant.getTime() ?? 0));
}
