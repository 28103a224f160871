/**
 * Validates every content file against the collection schemas before Astro
 * runs, so authors get every problem at once, each with its file, line,
 * field and the fix, in French. Used by `npm run check` and by the build.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import { meetingReportSchema, pressReleaseSchema, testimonialSchema, type SchemaHelpers } from '../schemas/entries';
import { fieldName } from './errors';
import { entryIdFromPath } from './ids';
import { themeSlug } from './themes';

export interface ContentProblem {
	severity: 'error' | 'warning';
	/** Path of the file, relative to the working directory. */
	file: string;
	line?: number;
	field?: string;
	message: string;
}

export interface CheckOptions {
	/** Folder holding `communiques/`, `rencontres/`, `temoignages/`. */
	contentDir: string;
	timeZone: string;
	now: Date;
	/** Base for the file paths in messages. Default: the working directory. */
	cwd?: string;
}

const COLLECTION_SCHEMAS = {
	communiques: pressReleaseSchema,
	rencontres: meetingReportSchema,
	temoignages: testimonialSchema,
} as const;
type Collection = keyof typeof COLLECTION_SCHEMAS;

/** Descriptions longer than this are cut by search engines and social cards. */
export const DESCRIPTION_MAX = 200;
/** A date more than this many days ahead is probably a typo. */
const FAR_FUTURE_DAYS = 366;

interface ParsedEntry {
	collection: Collection;
	id: string;
	file: string;
	data: Record<string, unknown>;
	body: string;
	/** Line of the file where the body starts. */
	bodyLine: number;
	lineOf: (fieldPath: PropertyKey[]) => number | undefined;
}

/** One line per problem: `content/communiques/x.md:3 : le champ « date » : …`. */
export function formatProblem(problem: ContentProblem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const field = problem.field ? `le champ « ${problem.field} » : ` : '';
	return `${where} : ${field}${problem.message}`;
}

/** Every problem of the content folder; errors fail the build, warnings do not. */
export function checkContent(options: CheckOptions): ContentProblem[] {
	const cwd = options.cwd ?? process.cwd();
	const problems: ContentProblem[] = [];
	const entries: ParsedEntry[] = [];
	// Paths stay text here (Astro resolves images at build); their files are checked below.
	const helpers: SchemaHelpers = {
		image: () => z.string() as unknown as z.ZodType<ImageMetadata>,
		rencontre: z.string().transform((id) => ({ id })),
		timeZone: options.timeZone,
	};

	for (const collection of Object.keys(COLLECTION_SCHEMAS) as Collection[]) {
		const folder = path.join(options.contentDir, collection);
		const seen = new Map<string, string>();
		for (const absolute of listEntryFiles(folder)) {
			const file = path.relative(cwd, absolute) || absolute;
			const parsed = parseEntryFile(absolute, file, collection, entryIdFromPath(path.relative(folder, absolute)), problems);
			if (!parsed) continue;
			const twin = seen.get(parsed.id);
			if (twin) {
				problems.push({
					severity: 'error',
					file,
					message: `même identifiant « ${parsed.id} » que ${twin} : renommez l’un des deux fichiers.`,
				});
			}
			seen.set(parsed.id, file);
			const result = COLLECTION_SCHEMAS[collection](helpers).safeParse(parsed.data);
			if (!result.success) {
				for (const issue of result.error.issues) {
					problems.push({
						severity: 'error',
						file,
						line: parsed.lineOf(issue.path),
						field: fieldName(issue.path) || undefined,
						message: issue.message,
					});
				}
				continue;
			}
			entries.push(parsed);
			problems.push(...fileProblems(parsed, result.data as Record<string, unknown>, options));
		}
	}
	problems.push(...crossEntryProblems(entries));
	return problems;
}

function listEntryFiles(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((relative) => /\.(md|mdx)$/i.test(relative) && !relative.split(/[\\/]/).some((part) => part.startsWith('_')))
		.map((relative) => path.join(folder, relative))
		.filter((absolute) => statSync(absolute).isFile())
		.sort();
}

function parseEntryFile(
	absolute: string,
	file: string,
	collection: Collection,
	id: string,
	problems: ContentProblem[],
): ParsedEntry | undefined {
	const source = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
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
	const lineCounter = new LineCounter();
	const document = parseDocument(match[1] ?? '', { lineCounter, prettyErrors: false });
	if (document.errors.length > 0) {
		for (const error of document.errors) {
			const line = lineCounter.linePos(error.pos[0]).line + 1;
			problems.push({
				severity: 'error',
				file,
				line,
				message: `en-tête YAML illisible (${error.code}) : vérifiez les deux-points, l’indentation et les guillemets.`,
			});
		}
		return undefined;
	}
	const data = document.toJS() as unknown;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		problems.push({ severity: 'error', file, line: 2, message: 'l’en-tête doit contenir des champs « nom: valeur ».' });
		return undefined;
	}
	const lineOf = (fieldPath: PropertyKey[]): number | undefined => {
		for (let length = fieldPath.length; length >= 0; length -= 1) {
			const node = document.getIn(fieldPath.slice(0, length), true) as { range?: [number, number, number] } | undefined;
			const offset = length === fieldPath.length || node?.range ? node?.range?.[0] : undefined;
			if (offset !== undefined) return lineCounter.linePos(offset).line + 1;
		}
		return undefined;
	};
	const bodyLine = match[0].split('\n').length;
	return { collection, id, file, data: data as Record<string, unknown>, body: source.slice(match[0].length), bodyLine, lineOf };
}

function fileProblems(entry: ParsedEntry, data: Record<string, unknown>, options: CheckOptions): ContentProblem[] {
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
			line: entry.bodyLine + entry.body.slice(0, image.index).split('\n').length - 1,
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

const INTERNAL_LINK = /\]\(\s*<?(?:\.{0,2}\/)*(communiques|rencontres|temoignages)\/([^/)\s#?>]+)\/?[^)]*\)/g;

function crossEntryProblems(entries: ParsedEntry[]): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const ids = new Set(entries.map((entry) => `${entry.collection}/${entry.id}`));
	const spellings = new Map<string, Map<string, string>>();
	for (const entry of entries) {
		const rencontre = entry.data.rencontre;
		if (entry.collection === 'temoignages' && typeof rencontre === 'string' && rencontre !== '' && !ids.has(`rencontres/${rencontre}`)) {
			problems.push({
				severity: 'error',
				file: entry.file,
				line: entry.lineOf(['rencontre']),
				field: 'rencontre',
				message: `aucune rencontre n’a l’identifiant « ${rencontre} » : indiquez le nom d’un fichier de content/rencontres/ sans son extension.`,
			});
		}
		const tags = Array.isArray(entry.data.tags) ? entry.data.tags : typeof entry.data.tags === 'string' ? [entry.data.tags] : [];
		for (const tag of tags.map(String)) {
			const forms = spellings.get(themeSlug(tag)) ?? new Map<string, string>();
			if (!forms.has(tag)) forms.set(tag, entry.file);
			spellings.set(themeSlug(tag), forms);
		}
		for (const link of entry.body.matchAll(INTERNAL_LINK)) {
			const target = `${link[1]}/${decodeURIComponent(link[2] ?? '')}`;
			if (!ids.has(target)) {
				problems.push({
					severity: 'warning',
					file: entry.file,
					line: undefined,
					message: `lien interne vers « ${target} » : aucune entrée ne porte ce nom.`,
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
