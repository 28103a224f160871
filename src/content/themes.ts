// Themes group like names: by a slug that ignores case and accents, shown in their preferred spelling.
import { groupByName, nameSlug } from '../people/people';
import { frenchTypography } from '../text/typography';

/** A theme (tag) and the entries that carry it. */
export interface Theme<T> {
	slug: string;
	/** The spelling most entries use, in French typography (« salon de l’emploi »); the slug comes from the tags as written. */
	label: string;
	entries: T[];
}

/** `Réseaux d'entreprises` → `reseaux-d-entreprises`: themes differing in case or accents are one theme. */
export function themeSlug(tag: string): string {
	return nameSlug(tag, 'theme');
}

/** Groups entries by theme slug (an entry once per theme), sorted by label in French order. */
export function groupByTheme<T>(entries: T[], tagsOf: (entry: T) => string[]): Theme<T>[] {
	const mentions = entries.flatMap((entry) => tagsOf(entry).map((tag) => ({ name: tag, source: entry })));
	return groupByName(mentions, 'theme').map((group) => ({
		slug: group.slug,
		label: frenchTypography(group.name),
		entries: [...new Set(group.mentions.map((mention) => mention.source))],
	}));
}
