/**
 * The cards' fonts: Inter from `@fontsource/inter`, shipped with the project
 * as WOFF files (satori reads TTF, OTF and WOFF, not WOFF2), so a build never
 * fetches anything. Read once per process (per worker thread).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_FAMILY } from './design.ts';

interface CardFont {
	name: string;
	data: Buffer;
	weight: 400 | 700;
	style: 'normal';
}

/**
 * Latin covers French (accents, Œ, « », ’, U+00A0, U+202F); latin-ext is a
 * fallback for names from elsewhere in Europe. Satori picks per glyph.
 */
const FONT_FILES = [
	{ file: '@fontsource/inter/files/inter-latin-400-normal.woff', weight: 400 },
	{ file: '@fontsource/inter/files/inter-latin-700-normal.woff', weight: 700 },
	{ file: '@fontsource/inter/files/inter-latin-ext-400-normal.woff', weight: 400 },
	{ file: '@fontsource/inter/files/inter-latin-ext-700-normal.woff', weight: 700 },
] as const;

const require = createRequire(import.meta.url);

let fonts: CardFont[] | undefined;

/** Absolute paths of the font files, resolved through the package's exports. */
export function fontPaths(): string[] {
	return FONT_FILES.map(({ file }) => require.resolve(file));
}

/** The fonts, read from disk on first use and kept for the life of the process. */
export function loadFonts(): CardFont[] {
	fonts ??= FONT_FILES.map(({ file, weight }) => ({
		name: FONT_FAMILY,
		data: readFileSync(require.resolve(file)),
		weight,
		style: 'normal' as const,
	}));
	return fonts;
}
