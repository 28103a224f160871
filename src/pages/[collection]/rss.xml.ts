import type { APIRoute, GetStaticPaths } from 'astro';
import { settings } from '../../config';
import { COLLECTIONS, getPublished, type CollectionName } from '../../data/entries';
import { feedResponse } from '../../data/feeds';
import { t } from '../../lib/i18n';

export const getStaticPaths = (() => COLLECTIONS.map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const collection = params.collection as CollectionName;
	return feedResponse({
		title: `${settings.name} – ${t(`collection.${collection}`)}`,
		description: t(`collection.${collection}.intro`),
		self: `${collection}/rss.xml`,
		items: await getPublished(collection),
	});
};
