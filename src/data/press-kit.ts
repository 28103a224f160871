/** The press kit of an entry as one ZIP of all its attachments, built once per build. */
import { readFileSync } from 'node:fs';
import { settings } from '../config';
import { describeFile } from '../lib/sizes';
import { buildZip, zipTime } from '../lib/zip';
import { resolveAttachments } from './attachments';
import type { AnyEntry } from './entries';
import { url } from './site';

/** File name of the archive, beside the entry's page. */
export const PRESS_KIT_FILE = 'dossier-de-presse.zip';

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

/**
 * The entry's press kit, or `undefined` when it has no attachments. A missing
 * attachment fails the build naming the entry and the file (through `resolveAttachments`).
 */
export function getPressKit(entry: AnyEntry): PressKit | undefined {
	const cached = cache.get(entry);
	if (cached !== undefined) return cached ?? undefined;
	const attachments = resolveAttachments(entry);
	let kit: PressKit | undefined;
	if (attachments.length > 0) {
		// Dated by the entry's last change, not the build: the same content gives the same bytes.
		const changed = (entry.data.updated ?? entry.data.date).instant;
		const data = buildZip(
			attachments.map((attachment) => ({ name: attachment.name, data: readFileSync(attachment.source) })),
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
