/** The JSON-LD of an entry page: `NewsArticle`, plus `Event` when the entry has one, and an `ImageObject` per press photo. */
import { settings } from '../settings/settings';
import { event, imageObject, newsArticle } from './structured-data';
import { cardPath } from '../cards/cards.data';
import { localeOf, type NewsItem } from '../content/entries.data';
import { resolvePhotos } from '../photos/photos.data';
import { isoDate, url } from './site.data';

export function entryJsonLd(item: NewsItem): object[] {
	const { entry } = item;
	const pageUrl = url.absolute(item.collection, item.id);
	const image = url.absolute(cardPath(item));
	const data: object[] = [
		newsArticle({
			headline: item.title,
			description: item.description,
			url: pageUrl,
			image,
			datePublished: isoDate(item.date),
			dateModified: entry.data.updated && isoDate(entry.data.updated),
			// A coverage item is the media's article, described here.
			publisher: entry.collection === 'retombees' ? entry.data.media : settings.name,
			keywords: item.tags,
			author: entry.collection === 'temoignages' ? entry.data.name : undefined,
			inLanguage: localeOf(item),
		}),
	];
	if (item.event) {
		data.push(
			event({
				name: item.title,
				description: item.description,
				url: pageUrl,
				image,
				startDate: isoDate(item.event.start),
				endDate: item.event.end && isoDate(item.event.end),
				place: item.event.place,
				city: item.event.city,
				address: item.event.address,
				organizers: entry.collection === 'rencontres' ? entry.data.organizers : [settings.name],
			}),
		);
	}
	for (const photo of resolvePhotos(entry)) {
		data.push(
			imageObject({
				contentUrl: url.toAbsolute(photo.original.href),
				url: pageUrl,
				caption: photo.caption,
				credit: photo.credit,
				license: photo.licenceUrl,
				acquireLicensePage: url.absolute('presse'),
				inLanguage: localeOf(item),
			}),
		);
	}
	return data;
}
