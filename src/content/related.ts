/**
 * Related entries: those sharing the most themes, then the closest in time.
 *
 * Closest in time rather than newest: a 2016 release is read beside its 2016
 * neighbours, and a new entry changes the related block of a few pages, not of
 * every page of its themes (which an incremental build would have to re-render).
 * Each entry looks at a bounded window of its neighbours in each theme, so the
 * cost of a page does not grow with the archive.
 */

/** What the ranking reads of an entry. */
export interface Relatable {
	/** Unique key of the entry (`communiques/2020-09-21-x`). */
	key: string;
	/** Milliseconds since the epoch. */
	time: number;
	/** Theme slugs, without duplicates. */
	themes: readonly string[];
}

/** How many neighbours on each side of an entry, in each of its themes, are candidates. */
const RELATED_WINDOW = 12;

/**
 * For every entry, the keys of at most `limit` related entries. `members` maps
 * a theme slug to its entries sorted by time (any direction, consistently).
 */
export function relatedEntries<T extends Relatable>(
	entries: readonly T[],
	members: ReadonlyMap<string, readonly T[]>,
	limit = 3,
	window = RELATED_WINDOW,
): Map<string, string[]> {
	const position = new Map<string, Map<string, number>>();
	for (const [theme, list] of members) {
		const positions = new Map<string, number>();
		list.forEach((entry, index) => positions.set(entry.key, index));
		position.set(theme, positions);
	}
	const related = new Map<string, string[]>();
	for (const entry of entries) {
		const own = new Set(entry.themes);
		const candidates = new Map<string, T>();
		for (const theme of entry.themes) {
			const list = members.get(theme) ?? [];
			const at = position.get(theme)?.get(entry.key) ?? -1;
			if (at < 0) continue;
			for (let index = Math.max(0, at - window); index <= Math.min(list.length - 1, at + window); index += 1) {
				const other = list[index];
				if (other && other.key !== entry.key) candidates.set(other.key, other);
			}
		}
		const ranked = [...candidates.values()]
			.map((other) => ({
				other,
				shared: other.themes.filter((theme) => own.has(theme)).length,
				distance: Math.abs(other.time - entry.time),
			}))
			.sort(
				(a, b) => b.shared - a.shared || a.distance - b.distance || b.other.time - a.other.time || a.other.key.localeCompare(b.other.key),
			)
			.slice(0, limit)
			.map(({ other }) => other.key);
		related.set(entry.key, ranked);
	}
	return related;
}
