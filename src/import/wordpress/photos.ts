/**
 * Who to credit for an imported photo: what WordPress read from the photo's
 * IPTC at upload (`_wp_attachment_metadata`), else a credit written in its
 * caption. Never invented: without either, the image is no press photo.
 */
import { unserializePhp, type PhpValue } from './php-serialize';

const spaces = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `© 2021 Agglo`, `(c) Agglo`, `Copyright Agglo` → `Agglo`: the site writes « Photo : … » itself. */
function withoutCopyrightMark(text: string): string {
	let credit = spaces(text);
	// « Photo : © 2021 Agglo »: the marks may follow each other.
	for (let previous = ''; previous !== credit;) {
		previous = credit;
		credit = credit
			.replace(/^(?:©|\(c\)|copyright\b|cr[ée]dits?(?:\s+photos?)?\s*:|photos?\s*:)\s*/i, '')
			.replace(/^(?:19|20)\d{2}\b[\s,–-]*/, '');
	}
	return credit;
}

const field = (array: PhpValue | undefined, key: string) => (array instanceof Map ? array.get(key) : undefined);

/**
 * The credit in an attachment's `_wp_attachment_metadata` (PHP-serialized):
 * `image_meta.credit` (IPTC Credit Line, else By-line, as WordPress reads them),
 * else `image_meta.copyright` (IPTC Copyright Notice). `undefined` when neither
 * is filled or the value cannot be read.
 */
export function metadataCredit(serialized: string): string | undefined {
	const imageMeta = field(unserializePhp(serialized), 'image_meta');
	for (const key of ['credit', 'copyright']) {
		const value = field(imageMeta, key);
		const credit = typeof value === 'string' ? withoutCopyrightMark(value) : '';
		if (credit) return credit;
	}
	return undefined;
}

/**
 * A credit at the end of a caption: « …. © J. Martin », « … (Photo : J. Martin) »,
 * « Crédit photo : … », « Crédits : … ». `Photo de groupe : …` is no credit: the
 * marker is followed by its colon; and a credit is a name, so it starts with a
 * capital or a digit (« Photos : les lauréats » is a caption). In doubt, no
 * credit: the image is then reported, never credited to the wrong person.
 */
const CAPTION_CREDIT = /(?<!\p{L})(?:©|copyright\b|cr[ée]dits?(?:\s+photos?)?\s*:|photos?\s*:)/giu;

/** The caption without its credit, and the credit, when the caption ends with one. */
export function captionCredit(caption: string): { caption: string; credit?: string } {
	const text = spaces(caption);
	const markers = [...text.matchAll(CAPTION_CREDIT)];
	for (const marker of markers) {
		const before = text.slice(0, marker.index);
		let after = text.slice(marker.index);
		let rest = '';
		// « Le président (photo : J. Martin) salue la salle »: the parenthesis closes the credit.
		if (/\(\s*$/.test(before) && after.includes(')')) {
			rest = after.slice(after.indexOf(')') + 1);
			after = after.slice(0, after.indexOf(')'));
		}
		// A final full stop ends the sentence, unless it ends an initial (« Martin J. »).
		const credit = withoutCopyrightMark(after).replace(/(?<!(?:^|[\s./-])\p{Lu})[\s.]+$/u, '');
		if (!/^[\p{Lu}\d]/u.test(credit)) continue;
		return { caption: spaces(`${before.replace(/[\s(–—|,;/-]+$/, '')}${rest}`), credit };
	}
	return { caption: text };
}

/**
 * The credit of a photo and its caption as shown: the metadata's credit first
 * (the caption stays as written, unless its own credit is the same), else the
 * caption's credit, taken out of the caption.
 */
export function photoCredit(metadata: string | undefined, caption: string): { credit?: string; caption: string } {
	const fromCaption = captionCredit(caption);
	if (!metadata) return fromCaption;
	const same = fromCaption.credit?.toLowerCase() === metadata.toLowerCase();
	return { credit: metadata, caption: same ? fromCaption.caption : spaces(caption) };
}
