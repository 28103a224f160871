/** Year archives of the published entries, grouped once per build. */
import { settings } from '../settings/settings';
import { yearOf } from '../text/dates';
import { getAllPublished, type NewsItem } from './entries.data';

interface YearArchive {
	year: number;
	items: NewsItem[];
}

let archives: Promise<YearArchive[]> | undefined;

async function groupByYear(): Promise<YearArchive[]> {
	const years = Map.groupBy(await getAllPublished(), (item) => yearOf(item.date.instant, settings.timeZone));
	return [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, items]) => ({ year, items }));
}

/** Years with published entries, newest first. */
export function getYearArchives(): Promise<YearArchive[]> {
	archives ??= groupByYear();
	return archives;
}
