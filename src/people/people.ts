/**
 * People and organisations named in the content (speakers, testimonial authors,
 * organisers), grouped by a slug so that « Annick Le Lan », « annick le lan » and
 * « Annick Lé Lan » are one person, while « Anick Le Lan » stays another.
 * Pure logic: no Astro import, unit-tested in `tests/unit/people.test.ts`.
 */
import slugify from '@sindresorhus/slugify';

/** `Annick Le Lan` → `annick-le-lan`; case and accents do not matter. */
export function nameSlug(name: string, fallback = 'personne'): string {
	return slugify(name, { lowercase: true, decamelize: false }) || fallback;
}

/** One place a name appears, with what it holds (an entry, a role…). */
export interface Mention<T> {
	name: string;
	source: T;
}

/** Every mention of one name, under its slug and its preferred spelling. */
interface NameGroup<T> {
	slug: string;
	/** The spelling most mentions use. */
	name: string;
	mentions: Array<Mention<T>>;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

// On a tie, prefer the spelling with more capitals then more accents: « Annick Lé Lan » over « annick le lan ».
const capitals = (value: string) => (value.match(/\p{Lu}/gu) ?? []).length;
const accents = (value: string) => (value.normalize('NFD').match(/\p{M}/gu) ?? []).length;

/** The most frequent spelling; ties go to the most carefully written one, then French order. */
export function preferredSpelling(counts: Map<string, number>): string {
	return (
		[...counts.entries()].sort(
			(a, b) => b[1] - a[1] || capitals(b[0]) - capitals(a[0]) || accents(b[0]) - accents(a[0]) || collator.compare(a[0], b[0]),
		)[0]?.[0] ?? ''
	);
}

/** Groups mentions by slug, sorted by preferred spelling in French order; mentions keep their order. */
export function groupByName<T>(mentions: Array<Mention<T>>, fallback?: string): Array<NameGroup<T>> {
	const groups = new Map<string, { spellings: Map<string, number>; mentions: Array<Mention<T>> }>();
	for (const mention of mentions) {
		const name = mention.name.trim().replace(/\s+/g, ' ');
		if (!name) continue;
		const slug = nameSlug(name, fallback);
		const group = groups.get(slug) ?? { spellings: new Map<string, number>(), mentions: [] };
		group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
		group.mentions.push({ ...mention, name });
		groups.set(slug, group);
	}
	return [...groups.entries()]
		.map(([slug, group]) => ({ slug, name: preferredSpelling(group.spellings), mentions: group.mentions }))
		.sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
}
