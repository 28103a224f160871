/**
 * Card data → PNG: satori lays the template out as SVG, resvg rasterises it,
 * and sharp re-encodes the pixels as a palette PNG (a flat card has few
 * colours, so 256 are plenty and the file is several times smaller).
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from './design.ts';
import { loadFonts } from './fonts.ts';
import { cardTemplate } from './templates.ts';
import type { CardData } from './types.ts';

// Cards are rendered in worker threads, one per core: sharp's own thread pool
// would only compete with them.
sharp.concurrency(1);

/** The card's SVG, as laid out by satori. */
async function renderSvg(data: CardData): Promise<string> {
	// satori's types expect a React node; the object syntax is the same shape.
	return satori(cardTemplate(data) as unknown as Parameters<typeof satori>[0], {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: loadFonts(),
	});
}

/** Rasterises the SVG and encodes an optimised PNG. */
async function svgToPng(svg: string): Promise<Buffer> {
	// Text is already paths (satori embeds the glyphs): resvg needs no fonts.
	const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
	// Measured on a typical card (see docs/performance.md): resvg's own PNG
	// encoder ~17 ms and ~55 KiB; sharp's zlib level 6 on opaque RGB ~12 ms and
	// ~35 KiB; a 32-colour palette ~27 ms for ~29 KiB. Level 6 RGB is the best
	// time/size trade-off and is lossless.
	return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
		.removeAlpha()
		.png({ compressionLevel: 6 })
		.toBuffer();
}

/**
 * Renders one card to a 1200×630 PNG.
 * @param data what the card shows
 * @returns the PNG file's bytes
 */
export async function renderCard(data: CardData): Promise<Buffer> {
	return svgToPng(await renderSvg(data));
}
