/** Atom 1.0 feed of every published entry (same items, same order as `/rss.xml`). */
import type { APIRoute } from 'astro';
import { feedOptions, atomResponse } from '../data/feeds';

export const GET: APIRoute = async () => atomResponse(await feedOptions('all', 'atom.xml'));
