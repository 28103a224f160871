/** schema.org objects for JSON-LD: `NewsArticle` for entries, `Event` for events. */

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
