/** Themes (tags) of the published entries, grouped once per build. */
import { groupByTheme, themeSlug, type Theme } from './themes';
import { frenchTypography } from '../text/typography';
import { getAllPublished, type NewsItem } from './entries.data';

let themes: Promise<Theme<NewsItem>[]> | undefined;
let labels: Promise<Map<string, string>> | undefined;

/** Every theme with its published entries (newest first), sorted by French label. */
export function getThemes(): Promise<Theme<NewsItem>[]> {
	themes ??= getAllPublished().then((items) => groupByTheme(items, (item) => item.tags));
	return themes;
}

/** Theme slug → the label the theme pages use. */
function getThemeLabels(): Promise<Map<string, string>> {
	labels ??= getThemes().then((list) => new Map(list.map((theme) => [theme.slug, theme.label])));
	return labels;
}

/** The labels of an entry's tags as the theme pages spell them, once each. */
export async function themeLabelsOf(tags: string[]): Promise<string[]> {
	const map = await getThemeLabels();
	return [...new Set(tags.map((tag) => map.get(themeSlug(tag)) ?? frenchTypography(tag)))];
}
