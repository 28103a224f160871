/**
 * Sveltia CMS, the web editor of `/admin/`, served by the site itself. Its
 * bundle (`@sveltia/cms/dist/sveltia-cms.js`) fetches a few files from CDNs
 * at run time: its three fonts from jsDelivr (the icons are a font: without
 * it, buttons show words like `arrow_back`), its non-English interface
 * strings from unpkg (`fr.json`), and its own `package.json` from unpkg to
 * tell of new versions. The site makes no third-party request and the
 * editor's policy (src/site/security-headers.ts) forbids them, so the copy
 * served at `/admin/` points these at files of the site, taken from
 * node_modules at build time (src/pages/admin/[...file].ts).
 *
 * Each rewrite must match: a new version of Sveltia that changes one stops
 * the build here (tests/unit/editor-bundle.test.ts) instead of shipping an
 * editor that quietly calls a CDN. Pure: no file access.
 */

/** A font the bundle loads from jsDelivr, and the npm package that has the same file. */
export interface EditorFont {
	/** Family as jsDelivr's fontsource path names it. Example: `"material-symbols-outlined"`. */
	family: string;
	/** npm package holding the font files. Example: `"@fontsource-variable/material-symbols-outlined"`. */
	packageName: string;
}

/** The fonts of the bundle's `@font-face` rules (Source Sans 3 for text, Noto Mono for code, Material Symbols for icons). */
export const EDITOR_FONTS: readonly EditorFont[] = [
	{ family: 'source-sans-3', packageName: '@fontsource-variable/source-sans-3' },
	{ family: 'noto-mono', packageName: '@fontsource/noto-mono' },
	{ family: 'material-symbols-outlined', packageName: '@fontsource-variable/material-symbols-outlined' },
];

/** `https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2`. */
const FONT_URL = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+\.woff2)/g;

/** `` `${cdn}@${version}/locales` ``: the folder of the interface strings, minified names vary. */
const LOCALES_URL = /`\$\{(\w+)\}@\$\{(\w+)\}\/locales`/g;

/** The package's own address on unpkg, whose `package.json` the update check reads. */
const PACKAGE_URL = '`https://unpkg.com/@sveltia/cms`';

/** The file name under `/admin/fonts/` of a font file of the bundle: `material-symbols-outlined-latin-wght-normal.woff2`, as fontsource names it in npm. */
export function editorFontFile(family: string, file: string): string {
	return `${family}-${file}`;
}

/** The fonts the bundle asks for, as `{ family, file }` (the file name of the CDN). */
export function editorFontRequests(source: string): Array<{ family: string; file: string }> {
	return [...source.matchAll(FONT_URL)].map(([, family, file]) => ({ family: family!, file: file! }));
}

/**
 * The bundle with its CDN addresses replaced by files of the site under
 * `adminPath` (`/presse/admin/`): fonts in `fonts/`, interface strings in
 * `locales/`, the version it checks against in `sveltia-cms/package.json`.
 * The source map comment is dropped (maps are not shipped).
 */
export function selfHostedEditorScript(source: string, adminPath: string): string {
	const fonts = editorFontRequests(source);
	const unknown = fonts.filter((font) => !EDITOR_FONTS.some((known) => known.family === font.family));
	if (fonts.length < EDITOR_FONTS.length || unknown.length > 0) {
		throw new Error(
			`Sveltia CMS : polices inattendues dans sveltia-cms.js (${fonts.map((font) => font.family).join(', ') || 'aucune'}) : mettez à jour EDITOR_FONTS dans src/editor/bundle.ts.`,
		);
	}
	if ([...source.matchAll(LOCALES_URL)].length !== 1 || source.split(PACKAGE_URL).length !== 2) {
		throw new Error(
			'Sveltia CMS : adresse des traductions ou du contrôle de version introuvable dans sveltia-cms.js : revoyez src/editor/bundle.ts pour cette version.',
		);
	}
	return source
		.replace(FONT_URL, (_match, family: string, file: string) => `${adminPath}fonts/${editorFontFile(family, file)}`)
		.replace(LOCALES_URL, () => JSON.stringify(`${adminPath}locales`))
		.replace(PACKAGE_URL, () => JSON.stringify(`${adminPath}sveltia-cms`))
		.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}
