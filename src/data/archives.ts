/** Year archives of the published entries. */
import { settings } from '../config';
import { yearOf } from '../lib/dates';
import { getAllPublished, type NewsItem } from './entries';

export interface YearArchive {
	year: number;
	items: NewsItem[];
}

/** Years with published entries, newest first. */
export async function getYearArchives(): Promise<YearArchive[]> {
	const years = new Map<number, NewsItem[]>();
	for (const item of await getAllPublished()) {
		const year = yearOf(item.date.instant, settings.timeZone);
		years.set(year, [...(years.get(year) ?? []), item]);
	}
	return [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, items]) => ({ year, items }));
}
