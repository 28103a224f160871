import type { APIRoute } from 'astro';
import { settings } from '../config';
import { getAllPublished } from '../data/entries';
import { feedResponse } from '../data/feeds';

export const GET: APIRoute = async () =>
	feedResponse({
		title: settings.name,
		description: settings.description,
		self: 'rss.xml',
		items: await getAllPublished(),
	});
