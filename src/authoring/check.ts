/**
 * Validates every content file against the collection schemas before Astro
 * runs, so authors get every problem at once, each with its file, line,
 * field and the fix, in French. Used by `npm run check`, by `npm run build`
 * (before Astro starts) and by `npm run dev` (after each save).
 *
 * Nothing an author typed may vanish silently: unknown fields and folders are
 * reported, and so are texts the YAML reader would cut or merge. Whatever the
 * input, each file gets French messages, never an exception.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { collectionLabels, collectionSpec, COLLECTIONS, isCollectionName, type CollectionName } from '../content/collections';
import type { SchemaHelpers } from '../content/schemas/entries';
import { extensionOf, PHOTO_EXTENSIONS } from '../content/schemas/photo';
import { fieldName, frenchErrorMap } from '../text/error-map';
import { entryIdFromPath } from '../content/ids';
import {
	editDistance,
	fieldIndex,
	fieldShape,
	findUnknownFields,
	misspeltFieldMessage,
	unknownFieldMessage,
	type FieldIndex,
	type FieldShape,
} from './known-fields';
import { themeSlug } from '../content/themes';
import { dashlessList, documentErrors, syntaxMistakes, UNREADABLE_LINE } from './yaml-mistakes';

export interface ContentProblem {
	severity: 'error' | 'warning';
	/** Path of the file, relative to the working directory. */
	file: string;
	line?: number;
	field?: string;
	message: string;
	/** The corrected line(s), to copy as they are. */
	fix?: string;
}

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

/** How every message about a missing required field starts (`src/text/error-map.ts`, `contentDate` in `src/content/schemas/fields.ts`). */
const MISSING = 'champ obligatoire manquant';

/** Descriptions longer than this are cut by search engines and social cards. */
export const DESCRIPTION_MAX = 200;
/** A date more than this many days ahead is probably a typo. */
const FAR_FUTURE_DAYS = 366;

/** The text `templates/` and `npm run new` leave for the author to replace. */
export const TEMPLATE_PLACEHOLDER = 'À compléter';
/** Sample lines of the templates' bodies, to be replaced too. */
export const TEMPLATE_SAMPLE_LINES = ['## Intertitre', 'Un paragraphe par idée. **Gras** pour les informations importantes.'];
/** What each `{{variable}}` of a template stands for, when a template is copied by hand. */
const TEMPLATE_VARIABLES: Record<string, string> = {
	title: 'le titre, entre guillemets droits : title: "Titre de l’entrée"',
	name: 'le nom de la personne, entre guillemets droits : name: "Prénom Nom"',
	date: 'la date de publication, par exemple date: 2021-09-20',
	eventStart: 'la date de l’événement, par exemple start: 2021-09-20',
};

interface ParsedEntry {
	collection: CollectionName;
	id: string;
	file: string;
	data: Record<string, unknown>;
	body: string;
	/** Line of the file where the body starts. */
	bodyLine: number;
	lineOf: (fieldPath: PropertyKey[]) => number | undefined;
}

/** One problem: `content/communiques/x.md:3 : le champ « date » : …`, then the corrected line(s), indented. */
export function formatProblem(problem: ContentProblem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const field = problem.field ? `le champ « ${problem.field} » : ` : '';
	const fix = problem.fix ? `\n    Ligne corrigée, à copier :\n${problem.fix.replace(/^/gm, '      ')}` : '';
	return `${where} : ${field}${problem.message}${fix}`;
}

/** Every problem of the content folder, file by file in line order; errors fail the build, warnings do not. */
export function checkContent(options: CheckOptions): ContentProblem[] {
	const cwd = options.cwd ?? process.cwd();
	const unknownSeverity = options.unknownFields ?? 'warn';
	const relative = (absolute: string) => path.relative(cwd, absolute) || absolute;
	const problems: ContentProblem[] = [];
	const entries: ParsedEntry[] = [];
	/** Every entry found, valid or not: `rencontres/x` → its file and whether it has errors. */
	const found = new Map<string, { file: string; valid: boolean }>();
	// Paths stay text here (Astro resolves images at build); their files are checked below.
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
		const index = fieldIndex(shape);
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
				parsed = checkEntryFile({ absolute, file, collection, id, schema, shape, index, unknownSeverity, options }, fileProblems);
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

/** File by file (path order), each file in line order; same line: in the order found (root causes first). */
function sortProblems(problems: ContentProblem[]): ContentProblem[] {
	return problems
		.map((problem, index) => ({ problem, index }))
		.sort(
			(a, b) =>
				(a.problem.file < b.problem.file ? -1 : a.problem.file > b.problem.file ? 1 : 0) ||
				(a.problem.line ?? 0) - (b.problem.line ?? 0) ||
				a.index - b.index,
		)
		.map(({ problem }) => problem);
}

/** The French message for a file that could not be read at all (no system message: it would be English). */
function unreadable(error: unknown): string {
	if (error instanceof ReferenceError && /alias count/i.test(error.message)) {
		return 'l’en-tête utilise trop de renvois « &nom » / « *nom » (le site refuse de les développer) : écrivez chaque valeur en entier.';
	}
	return 'fichier illisible : vérifiez qu’il s’ouvre dans votre éditeur de texte et qu’il s’agit bien d’un texte Markdown.';
}

/**
 * Entry files where no collection reads them: a misspelt folder (`communique/`),
 * a folder of another version of the contract, a file at the top of `content/`.
 */
function strayFiles(contentDir: string, relative: (absolute: string) => string, level: ContentProblem['severity']): ContentProblem[] {
	if (!existsSync(contentDir)) return [];
	const problems: ContentProblem[] = [];
	for (const name of readdirSync(contentDir).sort()) {
		const absolute = path.join(contentDir, name);
		if (name.startsWith('.') || name.startsWith('_') || isCollectionName(name)) continue;
		if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) {
			if (/\.(md|mdx)$/i.test(name)) {
				problems.push({
					severity: level,
					file: relative(absolute),
					message: `fichier hors des dossiers de contenu : placez-le dans ${COLLECTIONS.map((collection) => `content/${collection}/`).join(', ')} ; ici, il n’est pas publié.`,
				});
			}
			continue;
		}
		const files = listEntryFiles(absolute);
		if (files.length === 0) continue;
		const meant = COLLECTIONS.find((collection) => editDistance(name.toLowerCase(), collection) <= 2);
		problems.push({
			severity: level,
			file: `${relative(absolute)}/`,
			message: `dossier inconnu${meant ? `, vouliez-vous dire « ${meant} » ?` : ' :'} Ce site ne lit que ${COLLECTIONS.join(', ')} : les ${files.length} fichier(s) de ce dossier ne sont pas publiés.`,
		});
	}
	return problems;
}

function listEntryFiles(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return (
		readdirSync(folder, { recursive: true, encoding: 'utf8' })
			.filter((relative) => /\.(md|mdx)$/i.test(relative) && !relative.split(/[\\/]/).some((part) => part.startsWith('_')))
			.map((relative) => path.join(folder, relative))
			// A broken link is kept, to be reported as unreadable rather than skipped.
			.filter((absolute) => statSync(absolute, { throwIfNoEntry: false })?.isFile() ?? true)
			.sort()
	);
}

interface EntryFile {
	absolute: string;
	file: string;
	collection: CollectionName;
	id: string;
	schema: z.ZodType;
	shape: FieldShape;
	index: FieldIndex;
	unknownSeverity: 'warn' | 'error';
	options: CheckOptions;
}

/** Reads, parses and validates one file; its problems go to `problems`. The entry is returned when its data could be read. */
function checkEntryFile(entry: EntryFile, problems: ContentProblem[]): ParsedEntry | undefined {
	const { file, collection } = entry;
	const source = readFileSync(entry.absolute, 'utf8').replace(/^\uFEFF/, '');
	const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
	if (!match) {
		problems.push({
			severity: 'error',
			file,
			line: 1,
			message: 'l’en-tête (frontmatter) manque : le fichier doit commencer par une ligne « --- », les champs, puis une ligne « --- ».',
		});
		return undefined;
	}
	const frontmatter = match[1] ?? '';
	const body = source.slice(match[0].length);
	const bodyLine = match[0].split('\n').length;

	// A template copied by hand: `{{title}}` would read as YAML syntax and say nothing useful.
	const variables = templateVariables(source);
	if (variables.length > 0) {
		for (const { line, name } of variables) {
			problems.push({
				severity: 'error',
				file,
				line,
				message: `« {{${name}}} » vient du modèle : remplacez-le par ${TEMPLATE_VARIABLES[name]}.`,
			});
		}
		return undefined;
	}

	const lineCounter = new LineCounter();
	const document = parseDocument(frontmatter, { lineCounter, prettyErrors: false });
	const errors = documentErrors(document, lineCounter);
	if (errors.length > 0) {
		// The frontmatter starts on the file's second line, after `---`.
		const mistakes = syntaxMistakes(frontmatter, 1);
		if (mistakes.length === 0) {
			mistakes.push({ line: errors[0]?.line ?? 1, message: UNREADABLE_LINE });
		}
		for (const mistake of mistakes) {
			problems.push({
				severity: 'error',
				file,
				line: mistake.line + 1,
				...(mistake.field && { field: mistake.field }),
				message: mistake.message,
				...(mistake.fix && { fix: mistake.fix }),
			});
		}
		return undefined;
	}
	const data = document.toJS({ maxAliasCount: 100 }) as unknown;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		problems.push({ severity: 'error', file, line: 2, message: 'l’en-tête doit contenir des champs « nom: valeur ».' });
		return undefined;
	}
	const lineOf = (fieldPath: PropertyKey[]) => keyLine(document, lineCounter, fieldPath);
	const sourceLines = frontmatter.split(/\r?\n/);
	const parsed: ParsedEntry = { collection, id: entry.id, file, data: data as Record<string, unknown>, body, bodyLine, lineOf };

	const result = entry.schema.safeParse(data, { error: frenchErrorMap });
	const issues = result.success ? [] : result.error.issues;
	// A required field reported missing because it was misspelt or misplaced: one problem, at the misspelt line.
	const explained = new Map<string, (typeof issues)[number]>();
	const unknowns = findUnknownFields(data, entry.shape, entry.index);
	for (const unknown of unknowns) {
		const { suggestion } = unknown;
		if (suggestion.kind !== 'rename' && suggestion.kind !== 'move') continue;
		const meant =
			suggestion.kind === 'rename'
				? [...unknown.path.slice(0, -1), suggestion.field]
				: [...suggestion.parent.split('.').filter(Boolean), suggestion.field];
		const taken = new Set(explained.values());
		const missing = issues.find(
			(issue) =>
				!taken.has(issue) &&
				issue.message.startsWith(MISSING) &&
				fieldName(issue.path.filter((part) => typeof part !== 'number')) === fieldName(meant.filter((part) => typeof part !== 'number')),
		);
		if (missing) explained.set(fieldName(unknown.path), missing);
	}
	for (const unknown of unknowns) {
		const line = lineOf(unknown.path);
		const key = String(unknown.path[unknown.path.length - 1]);
		const typed = line ? sourceLines[line - 2] : undefined;
		const renamed = unknown.suggestion.kind === 'rename' ? unknown.suggestion.field : undefined;
		const fix = renamed && typed?.includes(`${key}:`) ? typed.replace(`${key}:`, `${renamed}:`) : undefined;
		const missing = explained.get(fieldName(unknown.path));
		problems.push({
			severity: missing || entry.unknownSeverity === 'error' ? 'error' : 'warning',
			file,
			...(line && { line }),
			field: missing ? fieldName(missing.path) : fieldName(unknown.path),
			message: missing ? `${MISSING} : ${misspeltFieldMessage(key, unknown.suggestion)}` : unknownFieldMessage(unknown.suggestion),
			...(fix && { fix }),
		});
	}
	problems.push(...typedTextProblems(parsed, document, lineCounter, frontmatter, entry.shape));

	const explainedIssues = new Set(explained.values());
	for (const issue of issues) {
		if (explainedIssues.has(issue)) continue;
		problems.push({
			severity: 'error',
			file,
			line: lineOf(issue.path),
			field: fieldName(issue.path) || undefined,
			message: issue.message,
		});
	}
	// Photo files are checked even when other fields have errors: an author fixing a credit hears of a missing file at once.
	problems.push(...photoFileProblems(parsed, entry.options));
	if (!result.success) return parsed;
	problems.push(...entryProblems(parsed, result.data as Record<string, unknown>, entry.options));
	return parsed;
}

/** `{{title}}`, `{{date}}`… left from a template, with their lines (comments aside). */
function templateVariables(source: string): Array<{ line: number; name: string }> {
	return source
		.split(/\r?\n/)
		.flatMap((text, index) =>
			/^\s*#/.test(text)
				? []
				: [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
						.filter((found) => found[1]! in TEMPLATE_VARIABLES)
						.map((found) => ({ line: index + 1, name: found[1]! })),
		);
}

/**
 * Line of a field's key (`event:` for `event.place`), or of the nearest
 * enclosing one that exists: a missing field is reported where it belongs.
 * A single value given for a list (`contacts:` as one group) stands for item 0.
 */
function keyLine(document: Document, lineCounter: LineCounter, fieldPath: PropertyKey[]): number | undefined {
	let node: unknown = document.contents;
	const rangeLine = (value: unknown) => {
		const range = (value as YamlNode | undefined)?.range;
		return range ? lineCounter.linePos(range[0]).line + 1 : undefined;
	};
	let line = rangeLine(node);
	for (const segment of fieldPath) {
		if (isMap(node)) {
			const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment));
			if (!pair) break;
			line = rangeLine(pair.key) ?? line;
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number') {
			const item = node.items[segment];
			if (!item) break;
			line = rangeLine(item) ?? line;
			node = item;
		} else if (segment !== 0) {
			break;
		}
	}
	return line;
}

/**
 * What the YAML reader would silently change: a text cut at `#` (read as a
 * comment), a list written without dashes (read as one text), and template
 * placeholders left in an entry about to be published.
 */
function typedTextProblems(
	entry: ParsedEntry,
	document: Document,
	lineCounter: LineCounter,
	frontmatter: string,
	shape: FieldShape,
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const publishing = entry.data.draft !== true;
	const lineAt = (offset: number) => lineCounter.linePos(offset).line;
	const lines = frontmatter.split(/\r?\n/);
	const visit = (node: unknown, at: PropertyKey[]) => {
		if (isMap(node)) {
			for (const pair of node.items) visit(pair.value, [...at, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)]);
		} else if (isSeq(node)) {
			node.items.forEach((item, position) => visit(item, [...at, position]));
		} else if (isScalar(node) && typeof node.value === 'string' && node.range) {
			const line = lineAt(node.range[0]);
			const end = lineCounter.linePos(node.range[1]);
			const rest = lines[end.line - 1]?.slice(end.col - 1) ?? '';
			const typed = lines[line - 1] ?? '';
			// `#3`, `#RSE`: a comment starts at `#` after a space, so the end of the text is lost.
			// A comment written on purpose (`# lieu`, as in the templates) has a space after `#`.
			if (node.type === 'PLAIN' && /^[ \t]+#\S/.test(rest)) {
				problems.push({
					severity: 'warning',
					file: entry.file,
					line: line + 1,
					field: fieldName(at),
					message: `le texte après « # » est lu comme un commentaire et n’est pas publié (valeur lue : « ${node.value} ») : mettez tout le texte entre guillemets droits.`,
					fix: typed.replace(
						/^(\s*(?:-\s+)?[^:]+:\s*).*$/,
						(_, start: string) => `${start}${JSON.stringify(typed.slice(start.length).trim())}`,
					),
				});
			}
			if (publishing && node.value.includes(TEMPLATE_PLACEHOLDER)) {
				problems.push({
					severity: 'error',
					file: entry.file,
					line: line + 1,
					field: fieldName(at),
					message: `texte provisoire du modèle « ${TEMPLATE_PLACEHOLDER} » : remplacez-le avant de publier, ou remettez draft: true.`,
				});
			}
		}
	};
	visit(document.contents, []);

	// `tags:` then `industrie` and `RSE` on their own lines: one theme « industrie RSE ».
	for (const [key, field] of shape.fields ?? []) {
		if (!field.list || field.fields) continue;
		const line = entry.lineOf([key]);
		const dashless = line && key in entry.data ? dashlessList(frontmatter, line - 1) : undefined;
		if (dashless) {
			problems.push({
				severity: 'error',
				file: entry.file,
				line,
				field: key,
				message: 'liste sans tirets : les lignes sont lues comme un seul texte. Chaque élément commence par « - » suivi d’une espace.',
				fix: dashless.fix,
			});
		}
	}

	if (publishing) {
		entry.body.split(/\r?\n/).forEach((text, index) => {
			const sample = TEMPLATE_SAMPLE_LINES.find((line) => text.trim() === line);
			if (!text.includes(TEMPLATE_PLACEHOLDER) && !sample) return;
			problems.push({
				severity: 'error',
				file: entry.file,
				line: entry.bodyLine + index,
				message: sample
					? `texte d’exemple du modèle « ${sample} » : remplacez-le ou supprimez la ligne avant de publier, ou remettez draft: true.`
					: `texte provisoire du modèle « ${TEMPLATE_PLACEHOLDER} » : remplacez-le avant de publier, ou remettez draft: true.`,
			});
		});
	}
	return problems;
}

function entryProblems(entry: ParsedEntry, data: Record<string, unknown>, options: CheckOptions): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const warn = (field: string, message: string) =>
		problems.push({ severity: 'warning', file: entry.file, line: entry.lineOf([field]), field, message });
	const folder = path.dirname(path.resolve(options.cwd ?? process.cwd(), entry.file));

	const description = data.description;
	if (typeof description === 'string' && description.length > DESCRIPTION_MAX) {
		warn(
			'description',
			`${description.length} caractères : au-delà de ${DESCRIPTION_MAX}, le texte est coupé par les moteurs de recherche et les cartes de partage.`,
		);
	}
	const date = data.date as { instant: Date } | undefined;
	if (date && date.instant.getTime() - options.now.getTime() > FAR_FUTURE_DAYS * 86_400_000) {
		warn('date', `date à plus d’un an dans le futur : l’entrée ne sera pas publiée avant cette date. Faute de frappe ?`);
	}
	const event = data.event as { start: { instant: Date }; end?: { instant: Date; hasTime: boolean } } | undefined;
	if (event?.end && event.end.hasTime && event.end.instant < event.start.instant) {
		problems.push({
			severity: 'warning',
			file: entry.file,
			line: entry.lineOf(['event', 'end']),
			field: 'event.end',
			message: 'la fin de l’événement précède son début : vérifiez les dates.',
		});
	}
	for (const image of entry.body.matchAll(/!\[\s*\]\(/g)) {
		problems.push({
			severity: 'warning',
			file: entry.file,
			line: bodyLineOf(entry, image.index),
			message: 'image sans texte alternatif : décrivez-la entre les crochets, ![Description de l’image](photo.jpg).',
		});
	}
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
function photoFileProblems(entry: ParsedEntry, options: CheckOptions): ContentProblem[] {
	const folder = path.dirname(path.resolve(options.cwd ?? process.cwd(), entry.file));
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

const bodyLineOf = (entry: ParsedEntry, offset: number) => entry.bodyLine + entry.body.slice(0, offset).split('\n').length - 1;

const INTERNAL_LINK = new RegExp(String.raw`\]\(\s*<?(?:\.{0,2}\/)*(${COLLECTIONS.join('|')})\/([^/)\s#?>]+)\/?[^)]*\)`, 'g');
const EVENT_CARD = /<Evenement\b[^>]*?\bentree=["']([^"']+)["']/g;

/** « la rencontre », « le communiqué », « l’article ». */
function theNoun(collection: CollectionName): string {
	const { noun, gender } = collectionLabels(collection);
	return /^[aeiouyéèêh]/i.test(noun) ? `l’${noun}` : `${gender === 'f' ? 'la' : 'le'} ${noun}`;
}

/** A reference field (`rencontre: <id>`) whose entry is missing, or has errors of its own. */
function referenceProblems(
	entry: ParsedEntry,
	field: string,
	target: CollectionName,
	id: string,
	found: Map<string, { file: string; valid: boolean }>,
): ContentProblem[] {
	const line = entry.lineOf([field]);
	const existing = found.get(`${target}/${id}`);
	if (existing) {
		return existing.valid
			? []
			: [{ severity: 'warning', file: entry.file, line, field, message: brokenTarget(theNoun(target), id, existing.file) }];
	}
	const { noun, gender } = collectionLabels(target);
	const ids = [...found.keys()].filter((key) => key.startsWith(`${target}/`)).map((key) => key.slice(target.length + 1));
	const near = ids.find((other) => editDistance(other, id) <= Math.max(2, Math.floor(id.length / 10)));
	const elsewhere = COLLECTIONS.filter((collection) => collection !== target)
		.map((collection) => found.get(`${collection}/${id}`))
		.find(Boolean);
	return [
		{
			severity: 'error',
			file: entry.file,
			line,
			field,
			message: `${gender === 'f' ? 'aucune' : 'aucun'} ${noun} n’a l’identifiant « ${id} »${elsewhere ? ` (c’est ${elsewhere.file})` : ''} : indiquez le nom d’un fichier de content/${target}/ sans son extension.${near ? ` Vouliez-vous dire « ${near} » ?` : ''}`,
			...(near && { fix: `${field}: ${near}` }),
		},
	];
}

/** A note for a reference to an entry that exists but has errors of its own: the root cause is there. */
const brokenTarget = (what: string, id: string, file: string) =>
	`${what} « ${id} » existe mais contient des erreurs (${file}, signalées à part) : corrigez d’abord ce fichier.`;

function crossEntryProblems(entries: ParsedEntry[], found: Map<string, { file: string; valid: boolean }>): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const spellings = new Map<string, Map<string, string>>();
	for (const entry of entries) {
		for (const [field, target] of Object.entries(collectionSpec(entry.collection).references ?? {})) {
			const id = entry.data[field];
			if (typeof id === 'string' && id !== '' && isCollectionName(target))
				problems.push(...referenceProblems(entry, field, target, id, found));
		}
		const tags = Array.isArray(entry.data.tags) ? entry.data.tags : typeof entry.data.tags === 'string' ? [entry.data.tags] : [];
		if (found.get(`${entry.collection}/${entry.id}`)?.valid) {
			for (const tag of tags.map(String)) {
				const forms = spellings.get(themeSlug(tag)) ?? new Map<string, string>();
				if (!forms.has(tag)) forms.set(tag, entry.file);
				spellings.set(themeSlug(tag), forms);
			}
		}
		for (const link of entry.body.matchAll(INTERNAL_LINK)) {
			const target = `${link[1]}/${safeDecode(link[2] ?? '')}`;
			if (!found.has(target)) {
				problems.push({
					severity: 'warning',
					file: entry.file,
					line: bodyLineOf(entry, link.index),
					message: `lien interne vers « ${target} » : aucune entrée ne porte ce nom.`,
				});
			}
		}
		if (!entry.file.toLowerCase().endsWith('.mdx')) continue;
		for (const card of entry.body.matchAll(EVENT_CARD)) {
			const id = card[1] ?? '';
			const target = found.get(`rencontres/${id}`) ?? found.get(`communiques/${id}`);
			const line = bodyLineOf(entry, card.index);
			if (!target) {
				problems.push({
					severity: 'error',
					file: entry.file,
					line,
					message: `<Evenement entree="${id}" /> : aucune rencontre ni aucun communiqué ne porte cet identifiant.`,
				});
			} else if (!target.valid) {
				problems.push({
					severity: 'warning',
					file: entry.file,
					line,
					message: brokenTarget('<Evenement entree=…> : l’entrée', id, target.file),
				});
			}
		}
	}
	for (const forms of spellings.values()) {
		if (forms.size < 2) continue;
		const [first, ...others] = [...forms.entries()];
		for (const [spelling, file] of others) {
			problems.push({
				severity: 'warning',
				file,
				field: 'tags',
				message: `le thème « ${spelling} » s’écrit aussi « ${first?.[0]} » (${first?.[1]}) : choisissez une seule orthographe.`,
			});
		}
	}
	return problems;
}

/** `%C3%A9` → `é`; a malformed escape stays as typed rather than throwing. */
function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
