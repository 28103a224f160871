/** JSON Feed 1.1 feed of every published entry (same items, same order as `/rss.xml`). */
import type { APIRoute } from 'astro';
import { feedOptions, jsonFeedResponse } from '../data/feeds';

export const GET: APIRoute = async () => jsonFeedResponse(await feedOptions('all', 'feed.json'));
