/**
 * The one rule of what is published. Every output (pages, feeds, cards,
 * sitemap, search index, JSON) goes through `isPublished`.
 */

/** The part of an entry the rule looks at. */
export interface Publishable {
	draft: boolean;
	date: { instant: Date };
}

export type PublicationStatus = 'published' | 'draft' | 'scheduled';

export interface PublishingContext {
	/** The build time: entries dated later are scheduled. */
	now: Date;
	/** Preview builds (`astro dev`, `RELAIS_PREVIEW=1`) show drafts and scheduled entries, marked. */
	preview: boolean;
}

/** Why an entry is or is not public at `now`. A draft stays a draft whatever its date. */
export function publicationStatus(entry: Publishable, now: Date): PublicationStatus {
	if (entry.draft) return 'draft';
	if (entry.date.instant.getTime() > now.getTime()) return 'scheduled';
	return 'published';
}

/** True when the entry appears in the outputs of this build. */
export function isPublished(entry: Publishable, context: PublishingContext): boolean {
	return context.preview || publicationStatus(entry, context.now) === 'published';
}
