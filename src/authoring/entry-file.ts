/**
 * Reads one entry file as the site will: the header (frontmatter) between
 * `---` lines, read as YAML with the line of every field, and the body. A
 * file that cannot be read that far gets its problems (no header, template
 * variables, YAML syntax) and no entry.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { CollectionName } from '../content/collections';
import type { ContentProblem } from './problems';
import { TEMPLATE_VARIABLES, templateVariables } from './templates';
import { documentErrors, syntaxMistakes, UNREADABLE_LINE } from './yaml-mistakes';

export interface ParsedEntry {
	collection: CollectionName;
	id: string;
	file: string;
	data: Record<string, unknown>;
	body: string;
	/** Line of the file where the body starts. */
	bodyLine: number;
	lineOf: (fieldPath: PropertyKey[]) => number | undefined;
}

/** An entry with its header as YAML read it, for the checks that look at how a value was typed. */
export interface ReadEntry {
	entry: ParsedEntry;
	document: Document;
	lineCounter: LineCounter;
	/** The header's text, without its `---` lines. */
	frontmatter: string;
}

/** Line of the file at `offset` in the entry's body. */
export const bodyLineOf = (entry: ParsedEntry, offset: number) => entry.bodyLine + entry.body.slice(0, offset).split('\n').length - 1;

/** Reads one entry file; its problems go to `problems`. The entry is returned when its header could be read. */
export function readEntryFile(
	where: { absolute: string; file: string; collection: CollectionName; id: string },
	problems: ContentProblem[],
): ReadEntry | undefined {
	const { file } = where;
	const source = readFileSync(where.absolute, 'utf8').replace(/^\uFEFF/, '');
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
	if (syntaxProblems(frontmatter, documentErrors(document, lineCounter), file, problems)) return undefined;
	const data = document.toJS({ maxAliasCount: 100 }) as unknown;
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		problems.push({ severity: 'error', file, line: 2, message: 'l’en-tête doit contenir des champs « nom: valeur ».' });
		return undefined;
	}
	const entry: ParsedEntry = {
		collection: where.collection,
		id: where.id,
		file,
		data: data as Record<string, unknown>,
		body: source.slice(match[0].length),
		bodyLine: match[0].split('\n').length,
		lineOf: (fieldPath) => keyLine(document, lineCounter, fieldPath),
	};
	return { entry, document, lineCounter, frontmatter };
}

/** Each YAML syntax mistake, explained, as a problem; whether there was any. */
function syntaxProblems(frontmatter: string, errors: ReturnType<typeof documentErrors>, file: string, problems: ContentProblem[]): boolean {
	if (errors.length === 0) return false;
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
	return true;
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
