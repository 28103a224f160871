/**
 * The press kit of an entry as one ZIP: a `LISEZ-MOI.txt` (each file, and each
 * photo's caption, credit and licence), the attachments, and the photos'
 * originals under `photos/`. Built when the entry page (for its size) or the ZIP
 * itself is rendered; cache keys use `pressKitSources` instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { settings } from '../settings/settings';
import { collectionLabels } from '../content/collections';
import { describePhotoFile } from '../photos/photos';
import { pressKitReadme } from './readme';
import { describeFile } from './sizes';
import { frenchTypography } from '../text/typography';
import { buildZip, zipTime } from './zip';
import { resolveAttachments } from './attachments.data';
import type { AnyEntry } from '../content/entries.data';
import { resolvePhotos } from '../photos/photos.data';
import { frenchDate, url } from '../site/site.data';

/** File name of the archive, beside the entry's page. */
const PRESS_KIT_FILE = 'dossier-de-presse.zip';
/** The archive's first file. */
const README_FILE = 'LISEZ-MOI.txt';

export interface PressKit {
	/** Site-relative URL of the ZIP. */
	href: string;
	/** File name offered to the browser. */
	name: string;
	bytes: number;
	/** « ZIP – 2,1 Kio ». */
	label: string;
}

/** The press office as the readme names it: name, e-mail, phone. */
const pressOffice = () => {
	const contact = settings.pressOffice.contacts[0];
	return [settings.pressOffice.name, contact?.email, contact?.phone].filter(Boolean).join(' – ');
};

/** Whether the entry has a press kit: attachments or photos. */
export const hasPressKit = (entry: AnyEntry) => resolveAttachments(entry).length > 0 || resolvePhotos(entry).length > 0;

/**
 * The ZIP itself. Not kept: with the photos' originals it weighs megabytes, and an
 * archive held per entry for the whole build would add up to the size of every photo.
 * A missing attachment fails the build naming the entry and the file (through `resolveAttachments`).
 */
export function buildPressKit(entry: AnyEntry): Uint8Array {
	const attachments = resolveAttachments(entry);
	const photos = resolvePhotos(entry);
	const photoPath = (name: string) => `photos/${name}`;
	const readme = pressKitReadme({
		title: frenchTypography(entry.collection === 'temoignages' ? entry.data.name : entry.data.title),
		published: `${collectionLabels(entry.collection).singular} – ${frenchDate(entry.data.date)}`,
		url: url.absolute(entry.collection, entry.id),
		site: settings.name,
		contact: pressOffice(),
		photos: photos.map((photo) => ({
			path: photoPath(photo.original.name),
			caption: photo.caption,
			creditLine: photo.creditLine,
			licence: photo.licence,
			licenceUrl: photo.licenceUrl,
			label: describePhotoFile(photo.original.format, photo.original.width, photo.original.height, photo.original.bytes, settings.locale),
		})),
		files: attachments.map((attachment) => ({ path: attachment.name, title: attachment.title, label: attachment.label })),
	});
	// Dated by the entry's last change, not the build: the same content gives the same bytes.
	const changed = (entry.data.updated ?? entry.data.date).instant;
	return buildZip(
		[
			{ name: README_FILE, data: readme },
			...attachments.map((attachment) => ({ name: attachment.name, data: readFileSync(attachment.source) })),
			...photos.map((photo) => ({ name: photoPath(photo.original.name), data: readFileSync(photo.source) })),
		],
		zipTime(changed, settings.timeZone),
	);
}

// Content reloaded by `astro dev` is a new entry object, hence a new description.
const cache = new WeakMap<AnyEntry, PressKit | null>();

/** What the entry page says of the press kit (its size needs the archive, built then dropped), or `undefined` without one. */
export function getPressKit(entry: AnyEntry): PressKit | undefined {
	const cached = cache.get(entry);
	if (cached !== undefined) return cached ?? undefined;
	let kit: PressKit | undefined;
	if (hasPressKit(entry)) {
		const bytes = buildPressKit(entry).byteLength;
		const name = `${entry.id}-${PRESS_KIT_FILE}`;
		kit = { href: url.path(entry.collection, entry.id, PRESS_KIT_FILE), name, bytes, label: describeFile(name, bytes, settings.locale) };
	}
	cache.set(entry, kit ?? null);
	return kit;
}

/**
 * What the press kit is made of, for cache keys, without building it: the content of
 * the attachments (a file replaced by another of the same size changes its compressed
 * size) and the size of the photos (their content is in the entry's fingerprint, through
 * Astro's image hash). The readme comes from the entry and the settings, which keys hold.
 */
export function pressKitSources(entry: AnyEntry): string {
	const hash = createHash('sha256');
	for (const attachment of resolveAttachments(entry)) hash.update(attachment.name).update('\0').update(readFileSync(attachment.source));
	for (const photo of resolvePhotos(entry)) hash.update(`${photo.original.name}\0${photo.original.bytes}\0`);
	return hash.digest('base64url');
}
