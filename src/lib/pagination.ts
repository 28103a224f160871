/** A page of a list: its 1-based number and its items. */
export interface ListPage<T> {
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
