/**
 * The one base-aware URL builder. Every internal link goes through it, so a
 * build for `BASE_PATH=/presse` keeps every link under `/presse/`.
 */

interface UrlBuilder {
	/** Site-relative path: `path('communiques', id)` → `/presse/communiques/<id>/`; a last segment with a dot is a file (`rss.xml`). */
	path(...segments: Array<string | number>): string;
	/** The same path as an absolute URL on `SITE_URL`. */
	absolute(...segments: Array<string | number>): string;
	/** Makes a root-relative path (`/presse/x/`) absolute; leaves absolute URLs alone. */
	toAbsolute(href: string): string;
}

export function createUrlBuilder(site: string, base: string): UrlBuilder {
	const origin = new URL(site).origin;
	const root = base.endsWith('/') ? base : `${base}/`;
	const path = (...segments: Array<string | number>): string => {
		const parts = segments
			.flatMap((segment) => String(segment).split('/'))
			.filter((part) => part !== '')
			.map((part) => encodeURIComponent(decodeSafely(part)));
		if (parts.length === 0) return root;
		const last = parts[parts.length - 1] ?? '';
		const isFile = /\.[a-z0-9]+$/i.test(last);
		return `${root}${parts.join('/')}${isFile ? '' : '/'}`;
	};
	const toAbsolute = (href: string): string => (/^[a-z][a-z0-9+.-]*:/i.test(href) ? href : new URL(href, `${origin}${root}`).href);
	return {
		path,
		absolute: (...segments) => `${origin}${path(...segments)}`,
		toAbsolute,
	};
}

function decodeSafely(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
}
