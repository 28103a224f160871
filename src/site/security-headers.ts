/**
 * The Content-Security-Policy of the public pages and the HTTP headers a host
 * should send. The page policy travels inside every page as
 * `<meta http-equiv="Content-Security-Policy">` (src/layouts/BaseLayout.astro),
 * so it holds on any static host, GitHub Pages included. The web editor at
 * `/admin/` carries its own, `editorPolicy()`.
 * The header part carries what a meta element cannot (`frame-ancestors`).
 * This is the single source: `public/_headers` is exactly `headersFile()`,
 * docs/deploiement.md copies these strings, and tests/e2e/csp.test.ts serves a
 * build with the headers and checks that the browser reports no violation.
 *
 * Why each source is allowed:
 * - everything comes from the site itself (`'self'`): no CDN, font or analytics;
 * - `'wasm-unsafe-eval'`: Pagefind compiles its WebAssembly search engine
 *   (it allows WebAssembly only, never `eval`);
 * - no `'unsafe-inline'` for scripts or styles: Astro writes the page script
 *   and the stylesheet as files (`build.inlineStylesheets: 'never'` in
 *   src/relais.ts), and JSON-LD `<script type="application/ld+json">` is
 *   data, never executed, so `script-src` does not apply to it;
 * - Pagefind's worker is a file of the site (`/pagefind/pagefind-worker.js`):
 *   `worker-src` falls back to `script-src 'self'`, no `blob:` needed.
 */
export const PAGE_POLICY = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
].join('; ');

/**
 * The policy of the web editor at `/admin/` (Sveltia CMS, served by the site:
 * src/pages/admin/[...file].ts), in a `<meta http-equiv>` of its shell:
 * - scripts and fonts only from the site (the bundle's CDN addresses are
 *   rewritten to files of the site, src/editor/bundle.ts);
 * - `'unsafe-inline'` styles: Svelte adds its components' styles at run time;
 * - `blob:` and `data:` images and fetches: previews of the files an author
 *   picks, the editor's own logo;
 * - `connect` and `img`: the git host's API and OAuth server
 *   (`editorBackendOrigins()` in src/editor/sveltia-config.ts), nothing else.
 */
export function editorPolicy(origins: { connect: readonly string[]; img: readonly string[] }): string {
	return [
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self' 'unsafe-inline'",
		"font-src 'self'",
		['img-src', "'self'", 'blob:', 'data:', ...origins.img].join(' '),
		"media-src 'self' blob:",
		// The editor describes itself as an installable app with a generated manifest.
		"manifest-src 'self' blob:",
		['connect-src', "'self'", 'blob:', 'data:', ...origins.connect].join(' '),
		"frame-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	].join('; ');
}

/** The header policy, for every path: framing is refused everywhere (a meta policy cannot say it). */
export const CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";

/** Headers for every response of the site. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'Content-Security-Policy': CONTENT_SECURITY_POLICY,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Long-lived caching for files whose name changes with their content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Paths (under the site's root) whose files are named by their content hash:
 * Astro's assets, and Pagefind's index chunks. Pagefind's entry file, script
 * and WebAssembly keep their names from build to build: they are left to the
 * host's default (revalidated), so a new index is seen at once.
 */
export const IMMUTABLE_PATHS = ['/_astro/*', '/pagefind/fragment/*', '/pagefind/index/*', '/pagefind/filter/*'];

/** The `_headers` file of Netlify and Cloudflare Pages, as committed in `public/_headers`. */
export function headersFile(): string {
	const lines = [
		'# Response headers for Netlify and Cloudflare Pages (generated from src/site/security-headers.ts: edit there, then copy).',
		'# With BASE_PATH=/presse, prefix every path below with /presse.',
		'/*',
		...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
		...IMMUTABLE_PATHS.flatMap((pattern) => [pattern, `  Cache-Control: ${IMMUTABLE}`]),
	];
	return `${lines.join('\n')}\n`;
}

/** The same headers as nginx `add_header` lines (`always`, so error pages carry them too). */
export function nginxHeaders(): string {
	return Object.entries(SECURITY_HEADERS)
		.map(([name, value]) => `add_header ${name} "${value}" always;`)
		.join('\n');
}
