/**
 * Validates every content file against the collection schemas before Astro
 * runs, so authors get every problem at once, each with its file, line,
 * field and the fix, in French. Used by `npm run check`, by `npm run build`
 * (before Astro starts) and by `npm run dev` (after each save).
 *
 * Nothing an author typed may vanish silently: unknown fields and folders are
 * reported, and so are texts the YAML reader would cut or merge. Whatever the
 * input, each file gets French messages, never an exception.
 *
 * This module walks the content folder; each kind of check has its module:
 * `content-files.ts` (which files), `entry-file.ts` (header and YAML syntax),
 * `schema-problems.ts` (fields), `typed-text.ts` (what YAML would change,
 * template leftovers), `files-on-disk.ts`, `unsafe-links.ts`,
 * `entry-warnings.ts`, `references.ts` (between entries), `problems.ts`
 * (reporting).
 */
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { collectionSpec, COLLECTIONS, type CollectionName } from '../content/collections';
import { entryIdFromPath } from '../content/ids';
import type { SchemaHelpers } from '../content/schemas/entries';
import { listEntryFiles, strayFiles, unreadable } from './content-files';
import { readEntryFile, type ParsedEntry } from './entry-file';
import { entryWarnings } from './entry-warnings';
import { missingFileProblems, photoFileProblems } from './files-on-disk';
import { fieldIndex, fieldShape, type FieldIndex, type FieldShape } from './known-fields';
import { sortProblems, type ContentProblem } from './problems';
import { crossEntryProblems, type FoundEntries } from './references';
import { checkSchema } from './schema-problems';
import { typedTextProblems } from './typed-text';
import { unsafeLinkProblems } from './unsafe-links';

export { formatProblem, type ContentProblem } from './problems';
export { TEMPLATE_PLACEHOLDER, TEMPLATE_SAMPLE_LINES } from './templates';

export interface CheckOptions {
	/** Folder holding a folder per collection (`communiques/`, `rencontres/`…). */
	contentDir: string;
	timeZone: string;
	now: Date;
	/** Base for the file paths in messages. Default: the working directory. */
	cwd?: string;
	/** How an unknown field (or folder) is reported. Default: `'warn'`. */
	unknownFields?: 'warn' | 'error';
}

/** A collection's schema, with the fields it knows (for unknown-field suggestions). */
interface CollectionCheck {
	collection: CollectionName;
	schema: z.ZodType;
	shape: FieldShape;
	index: FieldIndex;
}

/** Every problem of the content folder, file by file in line order; errors fail the build, warnings do not. */
export function checkContent(options: CheckOptions): ContentProblem[] {
	const cwd = options.cwd ?? process.cwd();
	const unknownSeverity = options.unknownFields ?? 'warn';
	const relative = (absolute: string) => path.relative(cwd, absolute) || absolute;
	const problems: ContentProblem[] = [];
	const entries: ParsedEntry[] = [];
	const found: FoundEntries = new Map();
	// Paths stay text here (Astro resolves images at build); their files are checked by `files-on-disk.ts`.
	const helpers: SchemaHelpers = {
		image: () => z.string() as unknown as z.ZodType<ImageMetadata>,
		reference: () => z.string().transform((id) => ({ id })),
		timeZone: options.timeZone,
	};

	problems.push(...strayFiles(options.contentDir, relative, unknownSeverity === 'error' ? 'error' : 'warning'));
	for (const collection of COLLECTIONS) {
		const folder = path.join(options.contentDir, collection);
		const schema = collectionSpec(collection).schema(helpers);
		const shape = fieldShape(schema);
		const check: CollectionCheck = { collection, schema, shape, index: fieldIndex(shape) };
		for (const absolute of listEntryFiles(folder)) {
			const file = relative(absolute);
			const id = entryIdFromPath(path.relative(folder, absolute));
			const twin = found.get(`${collection}/${id}`);
			if (twin) {
				problems.push({
					severity: 'error',
					file,
					message: `même identifiant « ${id} » que ${twin.file} : renommez l’un des deux fichiers.`,
				});
			}
			const fileProblems: ContentProblem[] = [];
			let parsed: ParsedEntry | undefined;
			try {
				parsed = checkEntryFile({ absolute, file, id }, check, { ...options, cwd, unknownFields: unknownSeverity }, fileProblems);
			} catch (error) {
				fileProblems.push({ severity: 'error', file, message: unreadable(error) });
			}
			problems.push(...fileProblems);
			const valid = parsed !== undefined && !fileProblems.some((problem) => problem.severity === 'error');
			found.set(`${collection}/${id}`, { file, valid: valid && !twin });
			if (parsed) entries.push(parsed);
		}
	}
	problems.push(...crossEntryProblems(entries, found));
	return sortProblems(problems);
}

/** Reads, parses and validates one file; its problems go to `problems`. The entry is returned when its data could be read. */
function checkEntryFile(
	where: { absolute: string; file: string; id: string },
	check: CollectionCheck,
	options: Required<Pick<CheckOptions, 'cwd' | 'unknownFields' | 'now'>>,
	problems: ContentProblem[],
): ParsedEntry | undefined {
	const read = readEntryFile({ ...where, collection: check.collection }, problems);
	if (!read) return undefined;
	const { entry } = read;
	const schema = checkSchema(read, check, options.unknownFields);
	problems.push(...schema.unknownFields, ...typedTextProblems(read, check.shape), ...schema.issues);
	// Photo files and links are checked even when other fields have errors: an author fixing a credit hears of a missing file at once.
	problems.push(...photoFileProblems(entry, options.cwd), ...unsafeLinkProblems(entry));
	if (schema.data)
		problems.push(...entryWarnings(entry, schema.data, options.now), ...missingFileProblems(entry, schema.data, options.cwd));
	return entry;
}
