/**
 * Which social cards exist and where: one per published entry and one per
 * listing page (home, collections, themes, archives, search, photo library). Pages point at
 * these paths through their `card` prop; `src/pages/og/cards.json.ts` hands
 * the list to the cards integration, which draws them after the build.
 */
import { settings } from '../settings/settings';
import type { CardData, CardJob } from './types';
import { t } from '../text/i18n';
import { collectionLabels } from '../content/collections';
import { frenchTypography } from '../text/typography';
import { getYearArchives } from '../content/archives.data';
import { COLLECTIONS, getPublished, type NewsItem } from '../content/entries.data';
import { eventSpan, frenchDate } from '../site/site.data';
import { getThemes } from '../content/themes.data';

/** The card shared by the home page, pages without their own, and every entry when cards are off. */
const SITE_CARD = 'og/site.png';

/**
 * `RELAIS_CARDS=off` gives every entry the shared site card (listing pages
 * keep theirs: a few dozen cached cards): a quicker cold build.
 */
const entryCardsEnabled = settings.cards.perEntry;

/** Site-relative path of an entry's card. */
export function cardPath(item: Pick<NewsItem, 'collection' | 'id'>): string {
	return entryCardsEnabled ? `og/${item.collection}/${item.id}.png` : SITE_CARD;
}

/** What an entry's card shows: type, title (testimonial: the speaker), date, and for events the place, for coverage the media. */
function entryCardData(item: NewsItem): CardData {
	const base = { label: collectionLabels(item.collection).singular, date: frenchDate(item.date), site: settings.name };
	const entry = item.entry;
	if (entry.collection === 'temoignages') {
		return {
			kind: 'temoignages',
			...base,
			name: frenchTypography(entry.data.name),
			...(entry.data.organisation && { organisation: frenchTypography(entry.data.organisation) }),
			...(entry.data.role && { role: frenchTypography(entry.data.role) }),
			...(entry.data.title && { quote: frenchTypography(entry.data.title) }),
		};
	}
	if (entry.collection === 'retombees') {
		return { kind: 'retombees', ...base, title: item.title, media: frenchTypography(entry.data.media) };
	}
	const event = item.event;
	return {
		kind: entry.collection,
		...base,
		title: item.title,
		...(event && { when: eventSpan(event.start, event.end), place: event.place, city: event.city }),
	};
}

const page = (path: string, title: string, subtitle?: string, label = t('card.site')): CardJob => ({
	path,
	data: { kind: 'page', label, title, ...(subtitle && { subtitle }), site: settings.name },
});

/** Every card of the build; drafts and scheduled entries have none (they come from `getPublished`). */
export async function getCardJobs(): Promise<CardJob[]> {
	const jobs: CardJob[] = [page(SITE_CARD, settings.name, settings.tagline, t('card.site'))];
	for (const collection of COLLECTIONS) {
		const items = await getPublished(collection);
		jobs.push(page(`og/${collection}.png`, collectionLabels(collection).plural, collectionLabels(collection).intro));
		if (entryCardsEnabled) for (const item of items) jobs.push({ path: cardPath(item), data: entryCardData(item) });
	}
	jobs.push(page('og/themes.png', t('themes.title'), t('themes.intro')));
	for (const theme of await getThemes()) {
		jobs.push(page(`og/themes/${theme.slug}.png`, theme.label, t('card.publications', { count: theme.entries.length }), t('card.theme')));
	}
	jobs.push(page('og/archives.png', t('archives.title'), t('archives.intro')));
	for (const archive of await getYearArchives()) {
		jobs.push(
			page(
				`og/archives/${archive.year}.png`,
				t('archives.year', { year: archive.year }),
				t('card.publications', { count: archive.items.length }),
				t('archives.title'),
			),
		);
	}
	jobs.push(page('og/recherche.png', t('search.title'), t('search.label')));
	jobs.push(page('og/photos.png', t('photos.title'), t('photos.intro')));
	return jobs;
}
