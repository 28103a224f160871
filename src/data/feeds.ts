/**
 * Feeds in three formats sharing one item list: RSS 2.0 (`@astrojs/rss`), Atom 1.0
 * and JSON Feed 1.1 (`feedsmith` generators). Full HTML content with absolute URLs,
 * categories, cover image. Every feed reads its entries from `src/data/entries.ts`,
 * so drafts and scheduled entries reach no feed.
 */
import mdxRenderer from '@astrojs/mdx/server.js';
import rss from '@astrojs/rss';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getImage } from 'astro:assets';
import { render } from 'astro:content';
import { generateAtomFeed, generateJsonFeed } from 'feedsmith';
import { mdxComponents } from '../components/mdx';
import { settings } from '../config';
import { absolutizeHtml } from '../lib/html';
import { t } from '../lib/i18n';
import { COLLECTIONS, getAllPublished, getPublished, type NewsItem } from './entries';
import { url } from './site';
import { getThemes } from './themes';

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

/** The cover as a 1200 px JPEG; its byte length is unknown before the image is written, hence 0 as RSS allows. */
async function enclosure(item: NewsItem) {
	const image = item.entry.data.image;
	if (!image) return undefined;
	const resized = await getImage({ src: image.src, width: 1200, format: 'jpeg' });
	return { url: url.toAbsolute(resized.src), type: 'image/jpeg', length: 0 };
}

/** One entry as every feed format sees it: built once, then written as RSS, Atom or JSON. */
export interface FeedItem {
	title: string;
	/** Absolute URL of the entry's page; also its permanent id in every format. */
	link: string;
	pubDate: Date;
	/** Date of the last update (`updated`), or the publication date. */
	updated: Date;
	description: string;
	/** Full HTML content with absolute URLs. */
	content: string;
	/** The entry's type (« Communiqué de presse »…) then its themes. */
	categories: string[];
	enclosure?: { url: string; type: string; length: number };
}

// An entry appears in up to three feeds (all, collection, themes) in three formats:
// render its body once per build rather than once per feed file. Keyed by the entry
// object, so content reloaded by `astro dev` is rendered again.
const itemCache = new WeakMap<NewsItem['entry'], Promise<FeedItem>>();

function feedItem(item: NewsItem): Promise<FeedItem> {
	const key = item.entry;
	let built = itemCache.get(key);
	if (!built) {
		built = (async () => {
			const intro = `<p><strong>${escapeXmlText(t(`type.${item.collection}`))}</strong></p>`;
			return {
				title: item.title,
				link: url.absolute(item.collection, item.id),
				pubDate: item.date.instant,
				updated: (item.entry.data.updated ?? item.date).instant,
				description: item.description,
				content: absolutizeHtml(intro + (await bodyHtml(item)), settings.site),
				categories: [t(`type.${item.collection}`), ...item.tags],
				enclosure: await enclosure(item),
			};
		})();
		itemCache.set(key, built);
	}
	return built;
}

/** The feed items of `items`, in the same order: the one list RSS, Atom and JSON Feed are written from. */
export function buildFeedItems(items: NewsItem[]): Promise<FeedItem[]> {
	return Promise.all(items.map(feedItem));
}

export interface FeedOptions {
	title: string;
	description: string;
	/** Site-relative path of this feed, for `atom:link rel="self"` (and the Atom/JSON `self`). */
	self: string;
	items: NewsItem[];
	/** Site-relative path of the HTML page the feed mirrors (Atom `alternate`, JSON `home_page_url`). Default: the home page. */
	home?: string;
}

/** RSS 2.0. */
export async function feedResponse({ title, description, self, items }: FeedOptions): Promise<Response> {
	const feedItems = (await buildFeedItems(items)).map((item) => ({
		title: item.title,
		link: item.link,
		pubDate: item.pubDate,
		description: item.description,
		content: item.content,
		categories: item.categories,
		enclosure: item.enclosure,
	}));
	return rss({
		title,
		description,
		site: url.absolute(),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: `<language>fr-FR</language><atom:link href="${url.absolute(self)}" rel="self" type="application/rss+xml"/><lastBuildDate>${settings.buildTime.toUTCString()}</lastBuildDate>`,
		items: feedItems,
		trailingSlash: true,
	});
}

/** Atom 1.0 (RFC 4287). */
export async function atomResponse({ title, description, self, items, home }: FeedOptions): Promise<Response> {
	const feedItems = await buildFeedItems(items);
	const author = { name: settings.name, uri: url.absolute() };
	const body = generateAtomFeed({
		id: url.absolute(self),
		title: { value: title },
		subtitle: { value: description },
		// The newest change among the items: a stable value when content did not change.
		updated: latest(feedItems),
		authors: [author],
		links: [
			{ href: url.absolute(self), rel: 'self', type: 'application/atom+xml' },
			{ href: home ? url.toAbsolute(home) : url.absolute(), rel: 'alternate', type: 'text/html' },
		],
		generator: { text: 'Relais' },
		xml: { lang: 'fr-FR' },
		entries: feedItems.map((item) => ({
			id: item.link,
			title: { value: item.title, type: 'text' },
			updated: item.updated,
			published: item.pubDate,
			summary: { value: item.description, type: 'text' },
			content: { value: item.content, type: 'html' },
			links: [
				{ href: item.link, rel: 'alternate', type: 'text/html' },
				...(item.enclosure ? [{ href: item.enclosure.url, rel: 'enclosure', type: item.enclosure.type }] : []),
			],
			categories: item.categories.map((term) => ({ term })),
			authors: [author],
		})),
	});
	return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

/** JSON Feed 1.1. */
export async function jsonFeedResponse({ title, description, self, items, home }: FeedOptions): Promise<Response> {
	const feedItems = await buildFeedItems(items);
	const feed = generateJsonFeed({
		title,
		description,
		home_page_url: home ? url.toAbsolute(home) : url.absolute(),
		feed_url: url.absolute(self),
		language: 'fr-FR',
		authors: [{ name: settings.name, url: url.absolute() }],
		items: feedItems.map((item) => ({
			id: item.link,
			url: item.link,
			title: item.title,
			summary: item.description,
			content_html: item.content,
			date_published: item.pubDate,
			date_modified: item.updated,
			tags: item.categories,
			...(item.enclosure && { image: item.enclosure.url }),
		})),
	});
	return new Response(JSON.stringify(feed, null, '\t'), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}

function latest(items: FeedItem[]): Date {
	const times = items.map((item) => item.updated.getTime());
	return times.length > 0 ? new Date(Math.max(...times)) : settings.buildTime;
}

function escapeXmlText(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/* Feed catalogue: which feeds exist, for the routes, the `<link rel="alternate">` tags and `/flux/`. */

export type FeedFormat = 'rss' | 'atom' | 'json';

/** File name and MIME type of each format, in the order pages list them. */
export const FEED_FORMATS: ReadonlyArray<{ format: FeedFormat; file: string; type: string; label: string }> = [
	{ format: 'rss', file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
	{ format: 'atom', file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
	{ format: 'json', file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
];

/** A feed discovery link (`<link rel="alternate">`); `format` defaults to RSS. */
export interface FeedLink {
	title: string;
	href: string;
	format?: FeedFormat;
}

/**
 * The three formats of one feed as discovery links. `scope` is the folder of the
 * feed (`[]` for everything, `['communiques']`, `['themes', slug]`); the RSS title
 * keeps the historical « … (RSS) » wording unless `rssTitle` is given.
 */
export function feedLinks(label: string, scope: string[] = [], rssTitle?: string): FeedLink[] {
	return FEED_FORMATS.map(({ format, file, label: formatLabel }) => ({
		title: format === 'rss' && rssTitle !== undefined ? rssTitle : t('feeds.formatTitle', { label, format: formatLabel }),
		href: url.path(...scope, file),
		format,
	}));
}

/** One feed of the site, in every format. */
export interface FeedGroup {
	/** « Toute l’actualité », « Communiqués de presse », « Thème industrie ». */
	label: string;
	description: string;
	/** Folder of the feed files: `[]`, `['communiques']`, `['themes', slug]`. */
	scope: string[];
	/** Site-relative path of the HTML page the feed mirrors. */
	home: string;
}

/** Every feed of the build: everything, each collection, each theme. */
export async function getFeedGroups(): Promise<FeedGroup[]> {
	return [
		{ label: t('feeds.everything'), description: settings.description, scope: [], home: url.path() },
		...COLLECTIONS.map((collection) => ({
			label: t(`collection.${collection}`),
			description: t(`collection.${collection}.intro`),
			scope: [collection],
			home: url.path(collection),
		})),
		...(await getThemes()).map((theme) => ({
			label: t('feeds.themeLabel', { theme: theme.label }),
			description: t('feeds.themeDescription', { theme: theme.label }),
			scope: ['themes', theme.slug],
			home: url.path('themes', theme.slug),
		})),
	];
}

/** What a feed route needs, for the whole site, a collection or a theme. */
export async function feedOptions(
	scope: 'all' | { collection: (typeof COLLECTIONS)[number] } | { theme: string },
	file: string,
): Promise<FeedOptions> {
	if (scope === 'all') {
		return { title: settings.name, description: settings.description, self: file, items: await getAllPublished(), home: url.path() };
	}
	if ('collection' in scope) {
		const { collection } = scope;
		return {
			title: `${settings.name} – ${t(`collection.${collection}`)}`,
			description: t(`collection.${collection}.intro`),
			self: `${collection}/${file}`,
			items: await getPublished(collection),
			home: url.path(collection),
		};
	}
	const theme = (await getThemes()).find((candidate) => candidate.slug === scope.theme);
	if (!theme) throw new Error(`Thème inconnu : ${scope.theme}`);
	return {
		title: `${settings.name} – ${theme.label}`,
		description: t('feeds.themeDescription', { theme: theme.label }),
		self: `themes/${theme.slug}/${file}`,
		items: theme.entries,
		home: url.path('themes', theme.slug),
	};
}
