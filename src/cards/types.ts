/**
 * The data a social card is drawn from. It is plain JSON on purpose: the
 * pages compute it (French dates, labels) once, it crosses the worker-thread
 * boundary unchanged, and its serialisation is part of the cache key.
 */

/** A press release or a meeting report. */
export interface EntryCardData {
	kind: 'communiques' | 'rencontres';
	/** « Communiqué de presse », « Rencontre ». */
	label: string;
	title: string;
	/** Publication date in French, « 21 septembre 2020 ». */
	date: string;
	/** The event's span in French, when the entry has an event. */
	when?: string;
	place?: string;
	city?: string;
	site: string;
}

/** A testimonial: the speaker is the headline. */
export interface TestimonialCardData {
	kind: 'temoignages';
	/** « Témoignage ». */
	label: string;
	name: string;
	organisation?: string;
	role?: string;
	/** The testimonial's own title (often a quotation), if the author gave one. */
	quote?: string;
	date: string;
	site: string;
}

/** A press coverage item: the headline, the media that published it. */
export interface CoverageCardData {
	kind: 'retombees';
	/** « Retombée presse ». */
	label: string;
	title: string;
	/** « Midi Libre ». */
	media: string;
	date: string;
	site: string;
}

/** Home, list, theme, archive and search pages. */
export interface PageCardData {
	kind: 'page';
	/** Small label above the title: « Thème », « Archives »… */
	label?: string;
	title: string;
	/** One line under the title: a count, the tagline. */
	subtitle?: string;
	site: string;
}

export type CardData = EntryCardData | TestimonialCardData | CoverageCardData | PageCardData;

/** One card to produce: where it goes in the output, and what it shows. */
export interface CardJob {
	/** Site-relative output path, e.g. `og/communiques/2020-09-17-visite.png`. */
	path: string;
	data: CardData;
}

/** What a batch render did. */
export interface CardStats {
	total: number;
	rendered: number;
	reused: number;
	/** Wall time of the whole batch, in milliseconds. */
	ms: number;
	workers: number;
}
