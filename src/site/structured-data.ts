/** schema.org objects for JSON-LD: `NewsArticle` for entries, `Event` for events, `ImageObject` for press photos. */

export interface ArticleFacts {
	headline: string;
	description: string;
	url: string;
	image: string;
	datePublished: string;
	dateModified?: string;
	publisher: string;
	keywords: string[];
	author?: string;
	/** BCP 47 locale of the page. Example: `"fr-FR"`. */
	inLanguage: string;
}

export interface EventFacts {
	name: string;
	description: string;
	url: string;
	image: string;
	startDate: string;
	endDate?: string;
	place: string;
	city: string;
	address?: string;
	organizers: string[];
}

export function newsArticle(facts: ArticleFacts): object {
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: facts.headline,
		description: facts.description,
		url: facts.url,
		mainEntityOfPage: facts.url,
		image: [facts.image],
		datePublished: facts.datePublished,
		...(facts.dateModified && { dateModified: facts.dateModified }),
		inLanguage: facts.inLanguage,
		keywords: facts.keywords,
		author: { '@type': facts.author ? 'Person' : 'Organization', name: facts.author ?? facts.publisher },
		publisher: { '@type': 'Organization', name: facts.publisher },
	};
}

export function event(facts: EventFacts): object {
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: facts.name,
		description: facts.description,
		url: facts.url,
		image: [facts.image],
		startDate: facts.startDate,
		...(facts.endDate && { endDate: facts.endDate }),
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		eventStatus: 'https://schema.org/EventScheduled',
		location: {
			'@type': 'Place',
			name: facts.place,
			address: {
				'@type': 'PostalAddress',
				...(facts.address && { streetAddress: facts.address }),
				addressLocality: facts.city,
				addressCountry: 'FR',
			},
		},
		...(facts.organizers.length > 0 && {
			organizer: facts.organizers.map((name) => ({ '@type': 'Organization', name })),
		}),
	};
}

/** A press photo and its rights, as image search engines read them (Google's image licence metadata). */
export interface ImageFacts {
	/** Absolute URL of the original file. */
	contentUrl: string;
	/** The page showing the photo. */
	url: string;
	caption?: string | undefined;
	/** Author or rights holder. */
	credit: string;
	/** Absolute URL of the licence's terms, when there is one. */
	license?: string | undefined;
	/** Where to ask for a licence: the press office's page. */
	acquireLicensePage: string;
	/** BCP 47 locale of the page. */
	inLanguage: string;
}

/**
 * The author in a credit written as the guide asks, « Structure / Prénom Nom »: the
 * person after the last slash; a credit without one names an organisation.
 */
function creatorOf(credit: string): object {
	const person = credit
		.split(/\s+\/\s+/)
		.slice(1)
		.at(-1);
	return person ? { '@type': 'Person', name: person } : { '@type': 'Organization', name: credit };
}

export function imageObject(facts: ImageFacts): object {
	return {
		'@context': 'https://schema.org',
		'@type': 'ImageObject',
		contentUrl: facts.contentUrl,
		url: facts.url,
		...(facts.caption && { caption: facts.caption }),
		creditText: facts.credit,
		creator: creatorOf(facts.credit),
		copyrightNotice: facts.credit,
		...(facts.license && { license: facts.license }),
		acquireLicensePage: facts.acquireLicensePage,
		inLanguage: facts.inLanguage,
	};
}
