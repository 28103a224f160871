/**
 * The feeds of the site: the catalogue (everything, each collection, theme, person and organisation),
 * read by the feed route, the `<link rel="alternate">` tags and `/flux/`; and the
 * items each feed carries, built from published entries only, so drafts and
 * scheduled entries reach no feed. Writing the files is `src/feeds/`'s job.
 */
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getImage } from 'astro:assets';
import { render } from 'astro:content';
import { mdxComponents } from '../components/mdx';
import { settings } from '../settings/settings';
import {
	FEED_BYTE_BUDGET,
	FEED_FORMAT,
	FEED_FORMATS,
	fitFeed,
	serializeFeed,
	type FeedDescription,
	type FeedFormat,
	type FeedItem,
} from '.';
import { ofMedia } from '../content/coverage';
import { isoDateTime } from '../text/dates';
import { absolutizeHtml } from '../text/html';
import { t } from '../text/i18n';
import { collectionLabels } from '../content/collections';
import { eventLocation } from '../calendar/ical';
import { xmlAttribute, xmlText } from './xml';
import { frenchTypography } from '../text/typography';
import { eventIcsPath } from '../calendar/calendar.data';
import { COLLECTIONS, getAllPublished, getPublished, type NewsItem } from '../content/entries.data';
import { pageKey } from '../site/page-keys.data';
import { getOrganisations, getPeople } from '../people/people.data';
import { embeddedEntries } from '../content/relations.data';
import { eventSpan, url } from '../site/site.data';
import { getThemes } from '../content/themes.data';

/* Catalogue */

/** What a feed follows; `/flux/` lists them in this order. */
export const FEED_KINDS = ['site', 'collection', 'theme', 'person', 'organisation'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** One feed of the site, written in every format. */
export interface Feed {
	kind: FeedKind;
	/** Folder of its files under the site root, and its key: `''`, `'communiques'`, `'themes/industrie'`, `'personnes/annick-le-lan'`. */
	folder: string;
	/** What it covers, for people: « Toute l’actualité », « Communiqués de presse », « Thème industrie », « Annick Le Lan ». */
	label: string;
	/** Its title in feed readers: the site's name, then what it covers. */
	title: string;
	description: string;
	/** Site-relative path of the HTML page the feed mirrors. */
	home: string;
	/** The published entries it is drawn from, newest first; it carries the newest `settings.feeds.limit`. */
	entries: NewsItem[];
}

let catalogue: Promise<Feed[]> | undefined;
let byFolder: Promise<Map<string, Feed>> | undefined;

/** Every feed of the build: everything, each collection, theme, person and organisation. */
export function getFeeds(): Promise<Feed[]> {
	catalogue ??= (async (): Promise<Feed[]> => [
		{
			kind: 'site',
			folder: '',
			label: t('feeds.everything'),
			title: settings.name,
			description: settings.description,
			home: url.path(),
			entries: await getAllPublished(),
		},
		...(await Promise.all(
			COLLECTIONS.map(async (collection) => ({
				kind: 'collection' as const,
				folder: collection,
				label: collectionLabels(collection).plural,
				title: `${settings.name} – ${collectionLabels(collection).plural}`,
				description: collectionLabels(collection).intro,
				home: url.path(collection),
				entries: await getPublished(collection),
			})),
		)),
		...(await getThemes()).map((theme) => ({
			kind: 'theme' as const,
			folder: `themes/${theme.slug}`,
			label: t('feeds.themeLabel', { theme: theme.label }),
			title: `${settings.name} – ${theme.label}`,
			description: t('feeds.themeDescription', { theme: theme.label }),
			home: url.path('themes', theme.slug),
			entries: theme.entries,
		})),
		...(await getPeople()).map((person) => ({
			kind: 'person' as const,
			folder: `personnes/${person.slug}`,
			label: person.name,
			title: `${settings.name} – ${person.name}`,
			description: t('feeds.personDescription', { name: person.name }),
			home: person.href,
			entries: person.entries,
		})),
		...(await getOrganisations()).map((organisation) => ({
			kind: 'organisation' as const,
			folder: `organisations/${organisation.slug}`,
			label: organisation.name,
			title: `${settings.name} – ${organisation.name}`,
			description: t('feeds.organisationDescription', { name: organisation.name }),
			home: organisation.href,
			entries: organisation.entries,
		})),
	])();
	return catalogue;
}

/** The feed whose files are in `folder` (`''` for everything). */
export async function getFeed(folder: string): Promise<Feed> {
	byFolder ??= getFeeds().then((feeds) => new Map(feeds.map((feed) => [feed.folder, feed])));
	const feed = (await byFolder).get(folder);
	if (!feed) throw new Error(`Flux inconnu : « ${folder} »`);
	return feed;
}

/** A feed discovery link (`<link rel="alternate">`); `format` defaults to RSS. */
export interface FeedLink {
	title: string;
	href: string;
	format?: FeedFormat;
}

/**
 * The three formats of one feed as discovery links. `scope` is the feed's folder
 * (`[feed.folder]`, or its segments); the RSS link is titled « label (RSS) » like the
 * others unless `rssTitle` is given (the site feed keeps its historical title).
 */
export function feedLinks(label: string, scope: string[] = [], rssTitle?: string): FeedLink[] {
	return FEED_FORMATS.map(({ format, file, label: formatLabel }) => ({
		title: format === 'rss' && rssTitle !== undefined ? rssTitle : t('feeds.formatTitle', { label, format: formatLabel }),
		href: url.path(...scope, file),
		format,
	}));
}

/**
 * The cache key of a feed's files: its description and the entries it can carry,
 * with whatever their bodies show of other entries.
 */
export async function feedKey(feed: Feed): Promise<string> {
	const newest = feed.entries.slice(0, settings.feeds.limit);
	const embedded = (await Promise.all(newest.map(embeddedEntries))).flat();
	return pageKey([...newest, ...embedded], newest.length, feed.folder, feed.title, feed.description, feed.home);
}

/* Files */

/** The text of one feed file: the feed's items, fitted to its limit and byte budget, in `format`. */
export async function feedFile(folder: string, format: FeedFormat): Promise<string> {
	const feed = await getFeed(folder);
	return serializeFeed(format, descriptionOf(feed), await carriedItems(feed));
}

function descriptionOf(feed: Feed): FeedDescription {
	const address = (format: FeedFormat) => url.absolute(feed.folder, FEED_FORMAT[format].file);
	return {
		title: feed.title,
		description: feed.description,
		home: url.toAbsolute(feed.home),
		urls: { rss: address('rss'), atom: address('atom'), json: address('json') },
		language: settings.locale,
		author: { name: settings.name, url: url.absolute() },
		hubs: settings.websub.hubs,
	};
}

// The three formats of a feed carry the same items: decide them once per feed.
const carried = new WeakMap<Feed, Promise<FeedItem[]>>();

function carriedItems(feed: Feed): Promise<FeedItem[]> {
	let items = carried.get(feed);
	if (!items) {
		const { limit } = settings.feeds;
		items = Promise.all(feed.entries.slice(0, limit).map(feedItem)).then((newest) =>
			fitFeed(descriptionOf(feed), newest, { limit, maxBytes: FEED_BYTE_BUDGET, readMore: t('feeds.readMore') }),
		);
		carried.set(feed, items);
	}
	return items;
}

/* Items */

let container: AstroContainer | undefined;

/** The entry's body as HTML: Markdown is pre-rendered, MDX goes through the container API. */
async function bodyHtml(item: NewsItem): Promise<string> {
	const rendered = item.entry.rendered?.html;
	if (rendered !== undefined && !item.entry.filePath?.endsWith('.mdx')) return rendered;
	if (!container) {
		container = await AstroContainer.create();
		container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
	}
	const { Content } = await render(item.entry);
	return container.renderToString(Content, { props: { components: mdxComponents } });
}

/** The cover as a 1200 px JPEG. */
async function coverImage(item: NewsItem): Promise<FeedItem['image']> {
	const image = item.entry.data.image;
	if (!image) return undefined;
	const resized = await getImage({ src: image.src, width: 1200, format: 'jpeg' });
	return { url: url.toAbsolute(resized.src), type: 'image/jpeg' };
}

// An entry appears in several feeds (everything, its collection, each of its themes,
// people and organisations) in three formats: render its body once per build rather than once per file. Keyed by
// the entry object, so content reloaded by `astro dev` is rendered again.
const itemCache = new WeakMap<NewsItem['entry'], Promise<FeedItem>>();

function feedItem(item: NewsItem): Promise<FeedItem> {
	const key = item.entry;
	let built = itemCache.get(key);
	if (!built) {
		built = (async () => {
			const lead = `<p><strong>${xmlText(collectionLabels(item.collection).singular)}</strong></p>${eventHtml(item)}${coverageHtml(item)}`;
			return {
				title: item.title,
				link: url.absolute(item.collection, item.id),
				published: item.date.instant,
				updated: (item.entry.data.updated ?? item.date).instant,
				summary: item.description,
				contentHtml: absolutizeHtml(lead + (await bodyHtml(item)), settings.site),
				leadHtml: lead,
				categories: [collectionLabels(item.collection).singular, ...item.tags.map(frenchTypography)],
				image: await coverImage(item),
				event: feedEvent(item),
			};
		})();
		itemCache.set(key, built);
	}
	return built;
}

/** A press coverage item's media and the link to the article, at the top. */
function coverageHtml({ entry }: NewsItem): string {
	if (entry.collection !== 'retombees') return '';
	const media = frenchTypography(entry.data.media);
	const link = entry.data.url
		? `<a href="${xmlAttribute(entry.data.url)}">${xmlText(t('coverage.read', { ofMedia: ofMedia(media) }))}</a>`
		: xmlText(t('coverage.offline'));
	return `<p>${xmlText(media)}. ${link}</p>`;
}

/** An entry's event for the feed formats that can say it in fields. */
function feedEvent({ event, collection, id }: NewsItem): FeedItem['event'] {
	if (!event) return undefined;
	return {
		start: isoDateTime(event.start, settings.timeZone),
		...(event.end && { end: isoDateTime(event.end, settings.timeZone) }),
		allDay: !event.start.hasTime,
		place: event.place,
		...(event.address && { address: event.address }),
		city: event.city,
		calendar: url.toAbsolute(eventIcsPath({ collection, id })),
	};
}

/** The event as the item's text says it, at the top: when, where, and its calendar file. */
function eventHtml(item: NewsItem): string {
	const { event } = item;
	if (!event) return '';
	const line = (label: string, value: string) => `${xmlText(label)}\u00a0: ${xmlText(value)}`;
	return [
		`<p><strong>${xmlText(t('entry.event'))}</strong><br/>`,
		`${line(t('entry.eventWhen'), eventSpan(event.start, event.end))}<br/>`,
		`${line(t('entry.eventWhere'), eventLocation(event))}<br/>`,
		`<a href="${xmlAttribute(url.toAbsolute(eventIcsPath(item)))}">${xmlText(t('agenda.addToCalendar'))}</a></p>`,
	].join('');
}
