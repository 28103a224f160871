/** Press-kit files declared in frontmatter: located beside the entry, measured, given a stable URL. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { settings } from '../settings/settings';
import { describeFile } from './sizes';
import type { AnyEntry } from '../content/entries.data';
import { url } from '../site/site.data';

export interface ResolvedAttachment {
	title: string;
	/** File name in the published URL. */
	name: string;
	/** Absolute path on disk. */
	source: string;
	/** Site-relative URL. */
	href: string;
	bytes: number;
	/** « PDF – 12,3 Kio ». */
	label: string;
}

/** The entry's attachments; a missing file fails the build naming the entry and the file. */
export function resolveAttachments(entry: AnyEntry): ResolvedAttachment[] {
	if (!('attachments' in entry.data) || !entry.filePath) return [];
	const entryFile = entry.filePath;
	return entry.data.attachments.map((attachment, index) => {
		const source = path.resolve(path.dirname(entryFile), attachment.file);
		let bytes: number;
		try {
			bytes = statSync(source).size;
		} catch {
			throw new Error(
				`${entryFile} : le champ « attachments[${index}].file » désigne « ${attachment.file} », fichier introuvable. Placez le fichier à côté de l’entrée ou corrigez son nom.`,
			);
		}
		const name = path.basename(source);
		return {
			title: attachment.title,
			name,
			source,
			href: url.path(entry.collection, entry.id, 'fichiers', name),
			bytes,
			label: describeFile(name, bytes, settings.locale),
		};
	});
}
