/**
 * Cache keys of the pages built from `getStaticPaths()`, for Astro's
 * incremental build: a page whose key and code are unchanged is copied from the
 * previous build. A key covers the settings, the fingerprint of every entry the
 * page shows, and whatever else it shows (`extra`).
 */
import { settings } from '../settings/settings';
import { cacheKey } from './cache-key';
import type { NewsItem } from '../content/entries.data';

// The build clock only matters through what it publishes, which the entries' fingerprints and
// lists carry; folders and worker counts change no page.
const { buildTime: _clock, contentDir: _folder, cards, ...shown } = settings;
const settingsPart = cacheKey(shown, cards.perEntry);

/** The key of a page showing `items` and `extra` (labels, page numbers…). */
export function pageKey(items: ReadonlyArray<NewsItem | undefined>, ...extra: unknown[]): string {
	return cacheKey(
		settingsPart,
		items.map((item) => item?.fingerprint ?? null),
		extra,
	);
}
