/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page
 * is copied from the previous build when its key and its code are unchanged,
 * so a key must cover everything the page shows. Keys hash a JSON rendering of
 * those parts; over-covering only costs a re-render, under-covering serves a
 * stale page.
 */
import { createHash } from 'node:crypto';

/**
 * An image of the content (Astro's `image()`) is a proxy that marks its file as used in
 * the page, and Astro then keeps the original in `_astro/` beside its resized versions,
 * whether a page shows it or not. A key only reads it: through its `clone`, which does
 * not mark it (as Astro's own `getImage` does).
 */
const unmarked = (_key: string, value: unknown): unknown => {
	if (value && typeof value === 'object' && typeof (value as { fsPath?: unknown }).fsPath === 'string') {
		return (value as { clone?: unknown }).clone ?? value;
	}
	return value;
};

/** A short stable hash of any JSON-serialisable values (object keys in insertion order). */
export function cacheKey(...parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts, unmarked)).digest('base64url').slice(0, 32);
}
