/**
 * A link checker over a built site, offline: every HTML file is parsed
 * (node-html-parser) and every URL it holds (`href`, `src`, `srcset`,
 * `action`, `poster`, and the `og:`/`twitter:` image and URL metas) is
 * resolved against the page's own URL the way a browser would. A URL of the
 * site (relative, root-relative, or absolute on the site's origin) must:
 *
 * - stay under the base path (`BASE_PATH`);
 * - name a file of the output (`x/` → `x/index.html`; the query is dropped,
 *   so `/recherche/?q=mot` checks `/recherche/index.html`);
 * - when it has a `#fragment` into an HTML page, find an element with that
 *   `id` (or an `<a name>`) in the target page.
 *
 * `mailto:`, `tel:`, `data:` and URLs of other hosts are counted, not checked.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { listFiles } from './build';

export interface LinkReport {
	/** HTML pages read. */
	pages: number;
	/** Internal URLs checked (files and fragments). */
	checked: number;
	/** Of which with a fragment checked against the target's ids. */
	fragments: number;
	/** External or non-HTTP URLs left alone. */
	skipped: number;
	/** One line per broken reference: page, attribute, URL and why. */
	broken: string[];
}

export interface LinkOptions {
	/** Origin the site was built for (`SITE_URL`), e.g. `https://presse.example.org`. */
	origin: string;
	/** Base path (`BASE_PATH`), `/` by default. */
	base?: string;
}

/** `/`, `/presse/`: the base with one slash at each end. */
export function normaliseBase(base = '/'): string {
	const trimmed = base.replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/** The URL a file of the output is served at (`a/index.html` → `<origin><base>a/`). */
export function pageUrl(file: string, { origin, base }: LinkOptions): URL {
	const relative = file
		.split(path.sep)
		.join('/')
		.replace(/(^|\/)index\.html$/, '$1');
	return new URL(`${normaliseBase(base)}${relative}`, origin);
}

/** Attribute → elements that carry a URL in it. */
const URL_ATTRIBUTES: Array<[selector: string, attribute: string]> = [
	['a[href], area[href], link[href]', 'href'],
	['img[src], script[src], source[src], iframe[src], audio[src], video[src], track[src], embed[src], input[src]', 'src'],
	['img[srcset], source[srcset]', 'srcset'],
	['form[action]', 'action'],
	['video[poster]', 'poster'],
	['object[data]', 'data'],
	['blockquote[cite], q[cite], ins[cite], del[cite]', 'cite'],
];

const URL_METAS = ['og:image', 'og:url', 'og:image:secure_url', 'twitter:image'];

/** Every URL of a page with where it was found. */
function urlsOf(root: HTMLElement): Array<{ where: string; value: string }> {
	const found: Array<{ where: string; value: string }> = [];
	for (const [selector, attribute] of URL_ATTRIBUTES) {
		for (const element of root.querySelectorAll(selector)) {
			const value = element.getAttribute(attribute) ?? '';
			const where = `<${element.tagName.toLowerCase()} ${attribute}>`;
			if (attribute === 'srcset') {
				for (const candidate of value.split(/,\s+/)) {
					const url = candidate.trim().split(/\s+/)[0];
					if (url) found.push({ where, value: url });
				}
			} else {
				found.push({ where, value });
			}
		}
	}
	for (const meta of root.querySelectorAll('meta[property], meta[name]')) {
		const name = meta.getAttribute('property') ?? meta.getAttribute('name') ?? '';
		if (URL_METAS.includes(name)) found.push({ where: `<meta ${name}>`, value: meta.getAttribute('content') ?? '' });
	}
	return found;
}

/**
 * Resolves URLs to files of a built site and checks fragments, caching each
 * target page's ids. Also used on feeds and sitemaps (`check(url, from)`).
 */
export class LinkResolver {
	readonly base: string;
	readonly origin: string;
	private readonly ids = new Map<string, Set<string>>();

	constructor(
		readonly outDir: string,
		options: LinkOptions,
	) {
		this.base = normaliseBase(options.base);
		this.origin = new URL(options.origin).origin;
	}

	/** The output file a site URL names, or `undefined`. */
	fileOf(url: URL): string | undefined {
		if (!url.pathname.startsWith(this.base)) return undefined;
		let relative: string;
		try {
			relative = decodeURIComponent(url.pathname.slice(this.base.length));
		} catch {
			return undefined;
		}
		let file = path.join(this.outDir, relative);
		if (!file.startsWith(this.outDir)) return undefined;
		if (relative === '' || relative.endsWith('/')) file = path.join(file, 'index.html');
		else if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
		return existsSync(file) && statSync(file).isFile() ? file : undefined;
	}

	private idsOf(file: string): Set<string> {
		let ids = this.ids.get(file);
		if (!ids) {
			const root = parse(readFileSync(file, 'utf8'));
			ids = new Set([
				...root.querySelectorAll('[id]').map((element) => element.getAttribute('id') ?? ''),
				...root.querySelectorAll('a[name]').map((element) => element.getAttribute('name') ?? ''),
			]);
			this.ids.set(file, ids);
		}
		return ids;
	}

	/**
	 * Checks one URL found in `from` (a URL of the site): `'skipped'` when it is
	 * not the site's, `'ok'`, `'fragment'` (ok, with a fragment checked), or the
	 * reason it is broken.
	 */
	check(value: string, from: URL): 'skipped' | 'ok' | 'fragment' | { broken: string } {
		const trimmed = value.trim();
		if (trimmed === '') return { broken: 'empty URL' };
		if (/^(mailto|tel|data|sms):/i.test(trimmed)) return 'skipped';
		let url: URL;
		try {
			url = new URL(trimmed, from);
		} catch {
			return { broken: 'not a URL' };
		}
		if (url.protocol === 'javascript:') return { broken: 'javascript: URL' };
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'skipped';
		if (url.origin !== this.origin) return 'skipped';
		if (!url.pathname.startsWith(this.base)) return { broken: `outside the base path ${this.base}` };
		const file = this.fileOf(url);
		if (!file) return { broken: 'no such file in the output' };
		if (!url.hash || !file.endsWith('.html')) return 'ok';
		const fragment = decodeURIComponent(url.hash.slice(1));
		if (fragment === 'top') return 'fragment';
		return this.idsOf(file).has(fragment)
			? 'fragment'
			: { broken: `no element with id « ${fragment} » in ${path.relative(this.outDir, file)}` };
	}
}

/** Checks every HTML page of `outDir`. */
export function checkLinks(outDir: string, options: LinkOptions): LinkReport {
	const resolver = new LinkResolver(outDir, options);
	const report: LinkReport = { pages: 0, checked: 0, fragments: 0, skipped: 0, broken: [] };
	for (const file of listFiles(outDir).filter((name) => name.endsWith('.html'))) {
		report.pages += 1;
		const from = pageUrl(file, options);
		const root = parse(readFileSync(path.join(outDir, file), 'utf8'));
		for (const { where, value } of urlsOf(root)) {
			const result = resolver.check(value, from);
			if (result === 'skipped') {
				report.skipped += 1;
				continue;
			}
			report.checked += 1;
			if (result === 'fragment') report.fragments += 1;
			if (typeof result === 'object') report.broken.push(`${file}: ${where} « ${value} »: ${result.broken}`);
		}
	}
	return report;
}
