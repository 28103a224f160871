/** Themes (tags) of the published entries. */
import { groupByTheme, type Theme } from '../lib/themes';
import { getAllPublished, type NewsItem } from './entries';

let themes: Promise<Theme<NewsItem>[]> | undefined;

/** Every theme with its published entries (newest first), sorted by French label. */
export function getThemes(): Promise<Theme<NewsItem>[]> {
	themes ??= getAllPublished().then((items) => groupByTheme(items, (item) => item.tags));
	return themes;
}
