/**
 * The one rule of what is published. Every output (pages, feeds, cards,
 * sitemap, search index, JSON) goes through `isPublished`.
 */

/** The part of an entry the rule looks at. */
export interface Publishable {
	draft: boolean;
	date: { instant: Date };
	/** The entry of the same collection this one translates. */
	translationOf?: { id: string };
}

export type PublicationStatus = 'published' | 'draft' | 'scheduled';

export interface PublishingContext {
	/** The build time: entries dated later are scheduled. */
	now: Date;
	/** Preview builds (`astro dev`, `RELAIS_PREVIEW=1`) show drafts and scheduled entries, marked. */
	preview: boolean;
}

/** Finds an entry of the same collection by id: the original of a translation. */
export type FindOriginal = (id: string) => Publishable | undefined;

/** The entry's own status, by its draft flag and date. A draft stays a draft whatever its date. */
function ownStatus(entry: Publishable, now: Date): PublicationStatus {
	if (entry.draft) return 'draft';
	if (entry.date.instant.getTime() > now.getTime()) return 'scheduled';
	return 'published';
}

/**
 * Why an entry is or is not public at `now`. A translation is public only once
 * the entry it translates is (the contract: « a translation of an unpublished
 * entry is not published either »): it takes the first status other than
 * `published` along its chain of originals. `findOriginal` is required to apply
 * that part; an id it does not find (the content check reports it) or a chain
 * that loops back adds nothing.
 */
export function publicationStatus(entry: Publishable, now: Date, findOriginal?: FindOriginal): PublicationStatus {
	const seen = new Set<Publishable>();
	let current: Publishable | undefined = entry;
	while (current && !seen.has(current)) {
		seen.add(current);
		const status = ownStatus(current, now);
		if (status !== 'published') return status;
		current = current.translationOf && findOriginal?.(current.translationOf.id);
	}
	return 'published';
}

/** True when the entry appears in the outputs of this build. */
export function isPublished(entry: Publishable, context: PublishingContext, findOriginal?: FindOriginal): boolean {
	return context.preview || publicationStatus(entry, context.now, findOriginal) === 'published';
}
