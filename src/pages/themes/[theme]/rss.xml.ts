import type { APIRoute, GetStaticPaths } from 'astro';
import { settings } from '../../../config';
import type { NewsItem } from '../../../data/entries';
import { feedResponse } from '../../../data/feeds';
import { getThemes } from '../../../data/themes';
import type { Theme } from '../../../lib/themes';

export const getStaticPaths = (async () =>
	(await getThemes()).map((theme) => ({ params: { theme: theme.slug }, props: { theme } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ theme: Theme<NewsItem> }> = async ({ props: { theme } }) =>
	feedResponse({
		title: `${settings.name} – ${theme.label}`,
		description: `Publications sur le thème « ${theme.label} ».`,
		self: `themes/${theme.slug}/rss.xml`,
		items: theme.entries,
	});
