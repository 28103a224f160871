import slugify from '@sindresorhus/slugify';

/** A theme (tag) and the entries that carry it. */
export interface Theme<T> {
	slug: string;
	/** The spelling most entries use. */
	label: string;
	entries: T[];
}

/** `Réseaux d'entreprises` → `reseaux-d-entreprises`: themes differing in case or accents are one theme. */
export function themeSlug(tag: string): string {
	return slugify(tag, { lowercase: true, decamelize: false }) || 'theme';
}

/** Groups entries by theme slug, sorted by label in French order. */
export function groupByTheme<T>(entries: T[], tagsOf: (entry: T) => string[]): Theme<T>[] {
	const themes = new Map<string, { spellings: Map<string, number>; entries: T[] }>();
	for (const entry of entries) {
		const seen = new Set<string>();
		for (const tag of tagsOf(entry)) {
			const slug = themeSlug(tag);
			const theme = themes.get(slug) ?? { spellings: new Map<string, number>(), entries: [] as T[] };
			theme.spellings.set(tag, (theme.spellings.get(tag) ?? 0) + 1);
			if (!seen.has(slug)) theme.entries.push(entry);
			seen.add(slug);
			themes.set(slug, theme);
		}
	}
	const collator = new Intl.Collator('fr', { sensitivity: 'base' });
	return [...themes.entries()]
		.map(([slug, theme]) => ({
			slug,
			label: [...theme.spellings.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))[0]?.[0] ?? slug,
			entries: theme.entries,
		}))
		.sort((a, b) => collator.compare(a.label, b.label));
}
