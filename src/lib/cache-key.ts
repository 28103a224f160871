/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page
 * is copied from the previous build when its key and its code are unchanged,
 * so a key must cover everything the page shows. Keys hash a JSON rendering of
 * those parts; over-covering only costs a re-render, under-covering serves a
 * stale page.
 */
import { createHash } from 'node:crypto';

/** A short stable hash of any JSON-serialisable values (object keys in insertion order). */
export function cacheKey(...parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}
