/**
 * Press photos: the rights that travel with them (credit line, XMP packet) and
 * the web-size JPEG made from each original, kept in a content-hash cache
 * outside the output so a rebuild re-encodes nothing that did not change.
 * Pure logic (no Astro import), unit-tested in `tests/unit/photos.test.ts`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { t } from '../text/i18n';
import { formatFileSize } from '../press-kit/sizes';
import { frenchTypography } from '../text/typography';

/** Longest side of the web-size JPEG: sharp on a laptop screen, light enough to mail (~0.3–0.6 MB). */
const WEB_PHOTO_SIZE = 2000;
/** JPEG quality of the web-size version: no visible loss at that size. */
const WEB_PHOTO_QUALITY = 82;

/** What a reader must know to reuse a photo. */
export interface PhotoRights {
	/** Author or rights holder. Example: `"Alès Agglomération / J. Martin"`. */
	credit: string;
	/** Terms of use. Example: `"CC BY 4.0"`. */
	licence: string;
	/** Page stating the terms, when there is one. */
	licenceUrl?: string | undefined;
	/** Where to ask for other uses (the press office's page). */
	licensorUrl?: string | undefined;
	caption?: string | undefined;
	/** Text alternative. */
	alt: string;
}

/** « Photo : Alès Agglomération / J. Martin », the line to print with the photo (French spacing before the colon). */
export const creditLine = (credit: string) => frenchTypography(t('photos.creditLine', { credit }));

const FORMAT_LABELS: Record<string, string> = { jpg: 'JPEG', jpeg: 'JPEG', png: 'PNG', webp: 'WebP' };

/** « JPEG – 4 000 × 2 667 px – 3,2 Mio » (the locale's digit grouping, units of `formatFileSize`). */
export function describePhotoFile(format: string, width: number, height: number, bytes: number, locale: string): string {
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	const label = FORMAT_LABELS[format.toLowerCase()] ?? format.toUpperCase();
	return `${label} – ${number.format(width)}\u00a0×\u00a0${number.format(height)}\u00a0px – ${formatFileSize(bytes, locale)}`;
}

const xml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** An `rdf:Alt` of one French text (with the `x-default` every reader falls back to). */
const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;

/**
 * The XMP packet of a web-size JPEG, in the IPTC Photo Metadata fields that
 * image search engines and photo tools read: Creator (`dc:creator`), Credit Line
 * (`photoshop:Credit`), Copyright Notice (`dc:rights`), Rights Usage Terms
 * (`xmpRights:UsageTerms`), Web Statement of Rights (`xmpRights:WebStatement`),
 * Licensor URL (`plus:Licensor`), Description (`dc:description`) and Alt Text
 * (`Iptc4xmpCore:AltTextAccessibility`).
 */
export function photoXmp(rights: PhotoRights): string {
	const fields = [
		`<dc:creator><rdf:Seq><rdf:li>${xml(rights.credit)}</rdf:li></rdf:Seq></dc:creator>`,
		`<dc:rights>${alt(`© ${rights.credit}`)}</dc:rights>`,
		rights.caption ? `<dc:description>${alt(rights.caption)}</dc:description>` : '',
		`<photoshop:Credit>${xml(rights.credit)}</photoshop:Credit>`,
		`<xmpRights:UsageTerms>${alt(rights.licence)}</xmpRights:UsageTerms>`,
		rights.licenceUrl ? `<xmpRights:WebStatement>${xml(rights.licenceUrl)}</xmpRights:WebStatement>` : '',
		rights.licensorUrl
			? `<plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource"><plus:LicensorURL>${xml(rights.licensorUrl)}</plus:LicensorURL></rdf:li></rdf:Seq></plus:Licensor>`
			: '',
		`<Iptc4xmpCore:AltTextAccessibility>${alt(rights.alt)}</Iptc4xmpCore:AltTextAccessibility>`,
	].filter(Boolean);
	return [
		'<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
		'<x:xmpmeta xmlns:x="adobe:ns:meta/">',
		'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
		'<rdf:Description rdf:about=""',
		' xmlns:dc="http://purl.org/dc/elements/1.1/"',
		' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"',
		' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"',
		' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"',
		' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">',
		...fields,
		'</rdf:Description>',
		'</rdf:RDF>',
		'</x:xmpmeta>',
		'<?xpacket end="w"?>',
	].join('\n');
}

/** A web-size JPEG: where its bytes are, and its size. */
interface WebPhoto {
	file: string;
	bytes: number;
	width: number;
	height: number;
}

/** sharp's and its JPEG encoder's versions: another encoder may give other bytes. */
const ENCODER = `sharp@${sharp.versions.sharp ?? '?'} vips@${sharp.versions.vips} mozjpeg@${sharp.versions.mozjpeg ?? '?'}`;

/**
 * Encodes waiting for a turn: libvips already spreads one encode over the cores, and a
 * 12-megapixel photo takes ~50 MB decoded, so eight pages in flight encoding at once
 * would only add memory.
 */
const ENCODES_AT_ONCE = 2;
const inTurn = pLimit(ENCODES_AT_ONCE);

/**
 * The web-size JPEG of `original` (longest side {@link WEB_PHOTO_SIZE}, never
 * enlarged, turned upright, sRGB, transparency on white) carrying `xmp`. Cached in `cacheDir` under the
 * hash of the original's bytes, the XMP, the encoding settings and sharp's
 * version: the same inputs give the same file, encoded once. The file is
 * written under a temporary name then renamed, so a build running beside this
 * one never reads half of it.
 */
export async function webPhoto(original: Uint8Array, xmp: string, cacheDir: string): Promise<WebPhoto> {
	const key = createHash('sha256')
		.update(original)
		.update('\0')
		.update(xmp)
		.update('\0')
		.update(JSON.stringify([WEB_PHOTO_SIZE, WEB_PHOTO_QUALITY, ENCODER]))
		.digest('hex')
		.slice(0, 40);
	const file = path.join(cacheDir, key.slice(0, 2), `${key}.jpg`);
	const cached = await readFile(file).catch(() => undefined);
	if (cached) {
		const { width = 0, height = 0 } = await sharp(cached).metadata();
		return { file, bytes: cached.byteLength, width, height };
	}
	const { data, info } = await inTurn(() =>
		sharp(original)
			.rotate()
			// A PNG's transparent parts turn white, not black: JPEG has no transparency.
			.flatten({ background: '#ffffff' })
			.resize({ width: WEB_PHOTO_SIZE, height: WEB_PHOTO_SIZE, fit: 'inside', withoutEnlargement: true })
			.withXmp(xmp)
			.jpeg({ quality: WEB_PHOTO_QUALITY })
			.toBuffer({ resolveWithObject: true }),
	);
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
	await writeFile(temporary, data);
	await rename(temporary, file);
	return { file, bytes: data.byteLength, width: info.width, height: info.height };
}
