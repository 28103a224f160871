/**
 * The files an entry names, on disk beside it: the cover image, the
 * attachments of the press kit, the press photos (there, and really the
 * JPEG, PNG or WebP image their name says).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { extensionOf, PHOTO_EXTENSIONS } from '../content/schemas/photo';
import type { ParsedEntry } from './entry-file';
import type { ContentProblem } from './problems';

/** The entry's folder, where its files are. */
const folderOf = (entry: ParsedEntry, cwd: string) => path.dirname(path.resolve(cwd, entry.file));

/** Cover image and attachments that are not where the validated header says. */
export function missingFileProblems(entry: ParsedEntry, data: Record<string, unknown>, cwd: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const folder = folderOf(entry, cwd);
	const image = data.image as { src: string } | undefined;
	if (image && !existsSync(path.resolve(folder, image.src))) {
		problems.push({
			severity: 'error',
			file: entry.file,
			line: entry.lineOf(['image', 'src']),
			field: 'image.src',
			message: `image « ${image.src} » introuvable : placez-la à côté du fichier de l’entrée.`,
		});
	}
	const attachments = (data.attachments as Array<{ file: string }> | undefined) ?? [];
	attachments.forEach((attachment, index) => {
		if (!existsSync(path.resolve(folder, attachment.file))) {
			problems.push({
				severity: 'error',
				file: entry.file,
				line: entry.lineOf(['attachments', index, 'file']),
				field: `attachments[${index}].file`,
				message: `fichier « ${attachment.file} » introuvable : placez-le à côté du fichier de l’entrée ou corrigez son nom.`,
			});
		}
	});
	return problems;
}

/** Missing or mislabelled photo files, from the frontmatter as written (one photo or a list). */
export function photoFileProblems(entry: ParsedEntry, cwd: string): ContentProblem[] {
	const folder = folderOf(entry, cwd);
	const photos: unknown[] = Array.isArray(entry.data.photos) ? entry.data.photos : entry.data.photos ? [entry.data.photos] : [];
	return photos.flatMap((photo, index) => {
		const typed = (photo as { file?: unknown } | null)?.file;
		// A path the schema refuses (an address, another format) is reported by the schema.
		if (typeof typed !== 'string' || /^([a-z][a-z0-9+.-]*:|\/)/i.test(typed.trim())) return [];
		if (!(PHOTO_EXTENSIONS as readonly string[]).includes(extensionOf(typed.trim()) ?? '')) return [];
		const problem = photoFileProblem(path.resolve(folder, typed.trim()), typed.trim());
		return problem
			? [
					{
						severity: 'error' as const,
						file: entry.file,
						line: entry.lineOf(['photos', index, 'file']),
						field: `photos[${index}].file`,
						message: problem,
					},
				]
			: [];
	});
}

/** What is wrong with a photo's file: missing, or not the JPEG, PNG or WebP image its name says (a renamed HEIC…). */
function photoFileProblem(absolute: string, typed: string): string | undefined {
	if (!statSync(absolute, { throwIfNoEntry: false })?.isFile()) {
		return `photo « ${typed} » introuvable : placez le fichier à côté de celui de l’entrée ou corrigez son nom.`;
	}
	const head = Buffer.alloc(12);
	const descriptor = openSync(absolute, 'r');
	try {
		readSync(descriptor, head, 0, head.length, 0);
	} finally {
		closeSync(descriptor);
	}
	const actual = imageFormat(head);
	const named = extensionOf(typed) === 'jpeg' ? 'jpg' : extensionOf(typed);
	if (actual === named) return undefined;
	return actual
		? `le fichier « ${typed} » est une image ${actual.toUpperCase()} nommée comme une autre : renommez-le avec l’extension .${actual}.`
		: `le fichier « ${typed} » n’est pas une image JPEG, PNG ou WebP : enregistrez la photo dans l’un de ces formats et indiquez le nouveau nom.`;
}

/** The format a file's first bytes announce, among those a photo may have. */
function imageFormat(head: Buffer): 'jpg' | 'png' | 'webp' | undefined {
	if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
	if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
	return undefined;
}
