/**
 * The press kit of an entry as one ZIP, built once per build: a `LISEZ-MOI.txt`
 * (each file, and each photo's caption, credit and licence), the attachments,
 * and the photos' originals under `photos/`.
 */
import { readFileSync } from 'node:fs';
import { settings } from '../config';
import { t } from '../lib/i18n';
import { describePhotoFile } from '../lib/photos';
import { pressKitReadme } from '../lib/press-kit-readme';
import { describeFile } from '../lib/sizes';
import { frenchTypography } from '../lib/typography';
import { buildZip, zipTime } from '../lib/zip';
import { resolveAttachments } from './attachments';
import type { AnyEntry } from './entries';
import { resolvePhotos } from './photos';
import { frenchDate, url } from './site';

/** File name of the archive, beside the entry's page. */
export const PRESS_KIT_FILE = 'dossier-de-presse.zip';
/** The archive's first file. */
export const README_FILE = 'LISEZ-MOI.txt';

export interface PressKit {
	/** Site-relative URL of the ZIP. */
	href: string;
	/** File name offered to the browser. */
	name: string;
	bytes: number;
	/** « ZIP – 2,1 Kio ». */
	label: string;
	data: Uint8Array;
}

// The entry page (for the size) and the ZIP route both need the archive: build it once
// per entry object (content reloaded by `astro dev` is a new object, hence a new archive).
const cache = new WeakMap<AnyEntry, PressKit | null>();

/** The press office as the readme names it: name, e-mail, phone. */
const pressOffice = () => {
	const contact = settings.pressOffice.contacts[0];
	return [settings.pressOffice.name, contact?.email, contact?.phone].filter(Boolean).join(' – ');
};

/**
 * The entry's press kit, or `undefined` when it has neither attachments nor photos.
 * A missing attachment fails the build naming the entry and the file (through `resolveAttachments`).
 */
export function getPressKit(entry: AnyEntry): PressKit | undefined {
	const cached = cache.get(entry);
	if (cached !== undefined) return cached ?? undefined;
	const attachments = resolveAttachments(entry);
	const photos = resolvePhotos(entry);
	let kit: PressKit | undefined;
	if (attachments.length > 0 || photos.length > 0) {
		const photoPath = (name: string) => `photos/${name}`;
		const readme = pressKitReadme({
			title: frenchTypography(entry.collection === 'temoignages' ? entry.data.name : entry.data.title),
			published: `${t(`type.${entry.collection}`)} – ${frenchDate(entry.data.date)}`,
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
		const data = buildZip(
			[
				{ name: README_FILE, data: readme },
				...attachments.map((attachment) => ({ name: attachment.name, data: readFileSync(attachment.source) })),
				...photos.map((photo) => ({ name: photoPath(photo.original.name), data: readFileSync(photo.source) })),
			],
			zipTime(changed, settings.timeZone),
		);
		const name = `${entry.id}-${PRESS_KIT_FILE}`;
		kit = {
			href: url.path(entry.collection, entry.id, PRESS_KIT_FILE),
			name,
			bytes: data.byteLength,
			label: describeFile(name, data.byteLength, settings.locale),
			data,
		};
	}
	cache.set(entry, kit ?? null);
	return kit;
}
