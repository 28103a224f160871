/**
 * Design tokens of the social cards. Flat on purpose: solid fills, no
 * gradients, shadows or images, so satori emits a small SVG, resvg rasterises
 * it fast and the PNG quantises to a small palette without visible loss.
 */
import type { CardData } from './types.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Colours of the site's light theme (`src/styles/global.css`). */
export const colors = {
	background: '#ffffff',
	text: '#1b1f24',
	muted: '#4a5361',
	rule: '#c9d1db',
} as const;

/** One accent per card type, so a feed of shares tells types apart at a glance. */
export const accents: Record<CardData['kind'], string> = {
	communiques: '#0b4f8a',
	rencontres: '#0f6b4f',
	temoignages: '#8a3b0b',
	retombees: '#5b2f86',
	page: '#083a66',
};

export const FONT_FAMILY = 'Inter';

/** Outer margin; the accent band is drawn inside it on the left. */
export const PADDING = 64;
export const BAND_WIDTH = 24;

/**
 * Title sizes by length: a short title is set large, a long one smaller, and
 * `maxLines` × `lineHeight` × `size` always fits the title box, so nothing can
 * leave the canvas. Line height is a ratio of the size.
 */
export const titleScale = [
	{ maxChars: 48, size: 68, maxLines: 3 },
	{ maxChars: 90, size: 56, maxLines: 4 },
	{ maxChars: Number.POSITIVE_INFINITY, size: 46, maxLines: 5 },
] as const;
export const TITLE_LINE_HEIGHT = 1.18;

/** Upper bound of a title's characters before it is cut at a word (the line clamp is the second guard). */
export const TITLE_MAX_CHARS = 170;

export const LABEL_SIZE = 28;
export const META_SIZE = 28;
export const SITE_SIZE = 30;
