/**
 * One template per card type, in satori's object syntax
 * (`{ type, props: { style, children } }`), so no JSX runtime is needed.
 *
 * Layout rule: the root is exactly the canvas and every box that could grow
 * (title, meta lines) has a line clamp and a bounded height, so long text is
 * cut with an ellipsis instead of leaving the canvas. Yoga (satori's layout
 * engine) sizes boxes border-box, so padding never adds to a 100 % height.
 */
import {
	BAND_WIDTH,
	CARD_HEIGHT,
	CARD_WIDTH,
	FONT_FAMILY,
	LABEL_SIZE,
	META_SIZE,
	PADDING,
	SITE_SIZE,
	TITLE_LINE_HEIGHT,
	TITLE_MAX_CHARS,
	accents,
	colors,
	titleScale,
} from './design.ts';
import type { CardData, CoverageCardData, EntryCardData, PageCardData, TestimonialCardData } from './types.ts';

/** A satori element. */
interface CardNode {
	type: string;
	props: { style?: Record<string, string | number>; children?: CardChild | CardChild[] };
}
type CardChild = CardNode | string;

const node = (type: string, style: CardNode['props']['style'], children?: CardNode['props']['children']): CardNode => ({
	type,
	props: children === undefined ? { style } : { style, children },
});

/**
 * French typography for text typed with plain spaces: a no-break space inside
 * « » and before « : », a narrow one before « ; ! ? », so a closing guillemet
 * or a colon never starts a line on its own.
 */
function frenchSpacing(text: string): string {
	return text
		.replace(/«[ \u00a0\u202f]*/g, '«\u00a0')
		.replace(/[ \u00a0\u202f]*»/g, '\u00a0»')
		.replace(/ +:/g, '\u00a0:')
		.replace(/ +([;!?])/g, '\u202f$1');
}

/**
 * Cuts `text` at the last word boundary before `max` characters and adds an
 * ellipsis. The line clamp of the template is the second guard; this one keeps
 * satori from laying out paragraphs that would be hidden anyway.
 */
export function cutText(text: string, max: number): string {
	const clean = frenchSpacing(text)
		.replace(/\s+/g, (space) => (/[\u00a0\u202f]/.test(space) ? space : ' '))
		.trim();
	if (clean.length <= max) return clean;
	const slice = clean.slice(0, max);
	// Cut at a plain space only: no-break spaces hold « 22 h » or « » together.
	const boundary = slice.lastIndexOf(' ');
	// Trailing punctuation and opening quotes before the cut read badly: drop them.
	const cut = `${(boundary > max * 0.6 ? slice.slice(0, boundary) : slice).replace(/[\s,;:«–—-]+$/u, '')}…`;
	// A quotation cut open is closed again.
	const open = (cut.match(/«/g) ?? []).length - (cut.match(/»/g) ?? []).length;
	return open > 0 ? `${cut}\u00a0»` : cut;
}

/** The title's size and line clamp for its length. */
function titleStyle(text: string): { size: number; maxLines: number } {
	const step = titleScale.find((entry) => text.length <= entry.maxChars) ?? titleScale[titleScale.length - 1]!;
	return { size: step.size, maxLines: step.maxLines };
}

function clamped(text: string, size: number, lines: number, style: Record<string, string | number> = {}): CardNode {
	return node(
		'div',
		{
			display: 'block',
			fontSize: size,
			lineHeight: TITLE_LINE_HEIGHT,
			maxHeight: Math.ceil(size * TITLE_LINE_HEIGHT * lines),
			overflow: 'hidden',
			lineClamp: lines,
			...style,
		},
		frenchSpacing(text),
	);
}

/** The frame every card shares: accent band, label and site name on top, body, then the meta lines (date, place). */
function frame(kind: CardData['kind'], label: string | undefined, body: CardNode[], meta: string[], site: string): CardNode {
	const accent = accents[kind];
	return node(
		'div',
		{
			display: 'flex',
			width: CARD_WIDTH,
			height: CARD_HEIGHT,
			backgroundColor: colors.background,
			fontFamily: FONT_FAMILY,
			color: colors.text,
		},
		[
			node('div', { display: 'flex', width: BAND_WIDTH, height: CARD_HEIGHT, backgroundColor: accent }),
			node(
				'div',
				{
					display: 'flex',
					flexDirection: 'column',
					width: CARD_WIDTH - BAND_WIDTH,
					height: CARD_HEIGHT,
					padding: `${PADDING - 8}px ${PADDING}px`,
				},
				[
					node('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }, [
						node(
							'div',
							{ display: 'flex', fontSize: LABEL_SIZE, fontWeight: 700, color: accent, letterSpacing: 1, textTransform: 'uppercase' },
							label ?? '',
						),
						node('div', { display: 'flex', flexShrink: 0, fontSize: SITE_SIZE, fontWeight: 700, color: colors.text }, site),
					]),
					node('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', overflow: 'hidden' }, body),
					node(
						'div',
						{
							display: 'flex',
							flexDirection: 'column',
							flexShrink: 0,
							borderTop: `3px solid ${meta.length ? colors.rule : accent}`,
							paddingTop: meta.length ? 20 : 0,
							color: colors.muted,
						},
						meta.map((line) => clamped(line, META_SIZE, 1, { lineHeight: 1.3, maxHeight: Math.ceil(META_SIZE * 1.3) })),
					),
				],
			),
		],
	);
}

function headline(text: string): CardNode {
	const cut = cutText(text, TITLE_MAX_CHARS);
	const { size, maxLines } = titleStyle(cut);
	return clamped(cut, size, maxLines, { fontWeight: 700, letterSpacing: -0.5 });
}

const place = (data: { place?: string; city?: string }) => [data.place, data.city].filter(Boolean).join(', ');

/** Press release: title; publication date; the announced event, if any. */
function pressReleaseCard(data: EntryCardData): CardNode {
	const where = place(data);
	const event = [data.when, where].filter(Boolean).join(' · ');
	return frame(data.kind, data.label, [headline(data.title)], [data.date, ...(event ? [event] : [])], data.site);
}

/** Meeting report: title; when and where it took place. */
function meetingCard(data: EntryCardData): CardNode {
	const where = place(data);
	return frame(data.kind, data.label, [headline(data.title)], [data.when ?? data.date, ...(where ? [where] : [])], data.site);
}

/** Testimonial: the speaker and their organisation, then their words' title if any. */
function testimonialCard(data: TestimonialCardData): CardNode {
	const body: CardNode[] = [headline(data.name)];
	const who = [data.role, data.organisation].filter(Boolean).join(' · ');
	if (who) body.push(clamped(cutText(who, 110), 36, 2, { marginTop: 12, fontWeight: 400, color: colors.muted, lineHeight: 1.25 }));
	if (data.quote) body.push(clamped(cutText(data.quote, 150), 34, 2, { marginTop: 24, fontWeight: 700, color: accents.temoignages }));
	return frame(data.kind, data.label, body, [data.date], data.site);
}

/** Press coverage: the headline, then the media and the date it was published. */
function coverageCard(data: CoverageCardData): CardNode {
	return frame(data.kind, data.label, [headline(data.title)], [data.media, data.date], data.site);
}

/** Home, list, theme, archive and search pages. */
function pageCard(data: PageCardData): CardNode {
	const body: CardNode[] = [headline(data.title)];
	if (data.subtitle) body.push(clamped(cutText(data.subtitle, 160), 34, 3, { marginTop: 20, color: colors.muted, lineHeight: 1.3 }));
	return frame(data.kind, data.label, body, [], data.site);
}

/** The template for a card's type. */
export function cardTemplate(data: CardData): CardNode {
	switch (data.kind) {
		case 'communiques':
			return pressReleaseCard(data);
		case 'rencontres':
			return meetingCard(data);
		case 'temoignages':
			return testimonialCard(data);
		case 'retombees':
			return coverageCard(data);
		case 'page':
			return pageCard(data);
	}
}
