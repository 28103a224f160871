/** A page of a list: its 1-based number and its items. */
interface ListPage<T> {
	number: number;
	items: T[];
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: T[], size: number): ListPage<T>[] {
	const count = Math.max(1, Math.ceil(items.length / size));
	return Array.from({ length: count }, (_, index) => ({
		number: index + 1,
		items: items.slice(index * size, (index + 1) * size),
	}));
}

/**
 * The page numbers a pagination bar shows: the first, the last, and `around`
 * pages either side of the current one; `null` marks a gap (« … »). Bounded,
 * so a list of a thousand pages does not print a thousand links on each.
 */
export function pageWindow(current: number, total: number, around = 2): Array<number | null> {
	const shown: Array<number | null> = [];
	for (let page = 1; page <= total; page += 1) {
		if (page === 1 || page === total || Math.abs(page - current) <= around) shown.push(page);
		else if (shown.at(-1) !== null) shown.push(null);
	}
	return shown;
}
