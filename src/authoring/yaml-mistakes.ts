/**
 * French explanations of frontmatter syntax errors. The YAML parser says where
 * it stopped (`BLOCK_AS_IMPLICIT_KEY`, line 2); an author needs the field,
 * what is wrong in their words and the corrected line to copy. Each error is
 * matched to the mistakes authors actually make: a colon in an unquoted text,
 * a tab, no space after `:`, an unclosed quote, a list item without its dash,
 * a misaligned line, a field written twice.
 *
 * One mistake often makes the parser stumble on the lines after it. So the
 * first mistake is explained, its fix applied to a copy of the text, and the
 * copy parsed again: each mistake reported is a root cause, never an echo.
 */
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { fieldName } from '../text/error-map';

/** A syntax error as the parser reports it; `line` counts from 1 in the frontmatter text. */
interface ParserError {
	code: string;
	line: number;
	message: string;
}

/** One mistake, explained; `line` counts from 1 in the frontmatter text. */
export interface SyntaxMistake {
	line: number;
	/** `title`, `event.start`, `contacts[1].name`. */
	field?: string;
	message: string;
	/** The corrected line(s), to copy as they are; they replace as many lines from `line` on (`fixFrom` when set). */
	fix?: string;
	/** First line the fix replaces, when it starts above `line` (a list rebuilt from its key). */
	fixFrom?: number;
}

/** What is said of a line no known mistake explains. */
export const UNREADABLE_LINE =
	'ligne illisible : vérifiez les deux-points (suivis d’une espace), les guillemets (ouverts puis refermés) et le décalage (des espaces, alignés sur la ligne du dessus).';

/** A line of the frontmatter as an author sees it. */
interface OutlineLine {
	text: string;
	/** Blank or comment only. */
	blank: boolean;
	/** Leading whitespace as typed. */
	margin: string;
	/** Column of the first character (a tab counts as two spaces). */
	indent: number;
	/** `- ` at `indent`: the line starts a list item. */
	dash: string;
	/** Column of the key or value after the dash. */
	column: number;
	key?: string;
	/** Text after `key:` (or after the dash for a plain item), trimmed. */
	value: string;
}

const KEY = /^([^\s#:"'{}[\],&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?:[ \t]+|$)(.*)$/;

function outline(frontmatter: string): OutlineLine[] {
	return frontmatter.split(/\r?\n/).map((text) => {
		const margin = /^[ \t]*/.exec(text)?.[0] ?? '';
		const indent = [...margin].reduce((width, char) => width + (char === '\t' ? 2 : 1), 0);
		const rest = text.slice(margin.length);
		const dash = /^-(?:[ \t]+|$)/.exec(rest)?.[0] ?? '';
		const content = rest.slice(dash.length);
		const keyed = KEY.exec(content);
		return {
			text,
			blank: /^\s*(?:#.*)?$/.test(text),
			margin,
			indent,
			dash,
			column: indent + dash.length,
			...(keyed?.[1] !== undefined && { key: keyed[1] }),
			value: (keyed ? (keyed[2] ?? '') : content).trim(),
		};
	});
}

/**
 * The field a line belongs to, from indentation: `contacts[1].name`. A list
 * item's dash belongs to the key at or left of its column.
 */
function fieldAt(lines: OutlineLine[], index: number): string | undefined {
	const path: PropertyKey[] = [];
	const self = lines[index];
	if (!self) return undefined;
	if (self.key) path.unshift(self.key);
	let limit = self.dash ? self.indent + 0.5 : self.indent;
	if (self.dash) path.unshift(itemIndex(lines, index));
	for (let at = index - 1; at >= 0 && limit > 0; at -= 1) {
		const line = lines[at];
		if (!line || line.blank) continue;
		if (line.key && line.column < limit) {
			path.unshift(line.key);
			limit = line.column;
		}
		if (line.dash && line.indent + 0.5 < limit) {
			path.unshift(itemIndex(lines, at));
			limit = line.indent + 0.5;
		}
	}
	return path.length > 0 ? fieldName(path) : undefined;
}

/** Position of the list item starting at `index` among its siblings (0 for the first). */
function itemIndex(lines: OutlineLine[], index: number): number {
	const column = lines[index]?.indent ?? 0;
	let count = 0;
	for (let at = index - 1; at >= 0; at -= 1) {
		const line = lines[at];
		if (!line || line.blank) continue;
		if (line.indent < column || (line.indent === column && !line.dash)) break;
		if (line.indent === column && line.dash) count += 1;
	}
	return count;
}

/** A YAML double-quoted text: JSON string syntax is valid YAML, so any text stays text. */
const quoted = (text: string) => JSON.stringify(text);

/** The line with its value between double quotes, margin, dash and key kept. */
function quotedLine(line: OutlineLine, value = line.value): string {
	return `${line.margin}${line.dash}${line.key ? `${line.key}: ` : ''}${quoted(value)}`;
}

/**
 * Characters YAML reads as syntax at the start of a value; `|` and `>` only
 * with text after them on the line (alone, they start a multi-line text).
 */
const SPECIAL_START = /^([[{*&!%@`]|[|>](?![+-]?\d*\s*(?:#.*)?$)|-(?=\s))/;

/** A quote opened on this line and not closed on it: `"`, `'` or `undefined`. */
function unclosedQuote(value: string): '"' | "'" | undefined {
	if (value.startsWith('"')) return /^"(?:[^"\\]|\\.)*"/.test(value) ? undefined : '"';
	if (value.startsWith("'")) return /^'(?:[^']|'')*'/.test(value) ? undefined : "'";
	return undefined;
}

/** What a rule sees of one parser error: the outline, the line the parser names and where to report. */
interface Stumble {
	lines: OutlineLine[];
	error: ParserError;
	/** Index in `lines` of the line the parser names. */
	index: number;
	line: OutlineLine;
	lineOffset: number;
	/** A mistake at line `position` (an index in `lines`), with its field; the rule adds the message and the fix. */
	at: (position: number) => SyntaxMistake;
}

/** One mistake authors make: its explanation when it is the cause of the parser's error, else `undefined`. */
type Rule = (stumble: Stumble) => SyntaxMistake | undefined;

/** A tab in the indentation: YAML indents with spaces only. */
const tabIndent: Rule = ({ line, index, at }) =>
	/\t/.test(line.margin)
		? {
				...at(index),
				message: 'tabulation en début de ligne : l’en-tête se décale avec des espaces (deux par niveau), jamais avec la touche Tab.',
				fix: `${' '.repeat(line.indent)}${line.text.slice(line.margin.length)}`,
			}
		: undefined;

/** The parser notices an unclosed quote lines later: go back to where it opened. */
const quoteNeverClosed: Rule = ({ lines, error, index, at }) => {
	if (error.code !== 'MISSING_CHAR' || !/quote/.test(error.message)) return undefined;
	for (let position = index; position >= 0; position -= 1) {
		const candidate = lines[position] as OutlineLine;
		const quote = unclosedQuote(candidate.value);
		if (candidate.blank || !quote) continue;
		return {
			...at(position),
			message: `guillemet « ${quote} » ouvert mais jamais refermé : ajoutez « ${quote} » à la fin du texte.`,
			fix: `${candidate.text.trimEnd()}${quote}`,
		};
	}
	return undefined;
};

/** The same for a `[` or `{` never closed. */
const bracketNeverClosed: Rule = ({ lines, error, index, at }) => {
	if (!/^Flow (sequence|map)/.test(error.message)) return undefined;
	const [open, close] = /sequence/.test(error.message) ? ['[', ']'] : ['{', '}'];
	for (let position = index; position >= 0; position -= 1) {
		const candidate = lines[position] as OutlineLine;
		const missing = candidate.value.split(open).length - candidate.value.split(close).length;
		if (!candidate.value.startsWith(open) || missing <= 0) continue;
		return {
			...at(position),
			message: `« ${open} » ouvert mais jamais refermé : ajoutez « ${close} » à la fin de la ligne.`,
			fix: `${candidate.text.trimEnd()}${close.repeat(missing)}`,
		};
	}
	return undefined;
};

/** `date:2020-01-01`: no space after the colon (an address's `://` aside). */
const noSpaceAfterColon: Rule = ({ line, index, at }) => {
	const noSpace = /^([ \t]*(?:-[ \t]+)?)([\p{L}\d_-]+):(?!\/\/)(\S.*)$/u.exec(line.text);
	return noSpace
		? {
				...at(index),
				message: 'il manque une espace après les deux-points : écrivez « nom: valeur ».',
				fix: `${noSpace[1]}${noSpace[2]}: ${noSpace[3]}`,
			}
		: undefined;
};

/** `title: "Le "grand" jour"`: the text ends at the second quote. */
const quoteInsideQuotes: Rule = ({ line, index, at }) => {
	if (!line.value.startsWith('"') || !/^"(?:[^"\\]|\\.)*"\s*\S/.test(line.value)) return undefined;
	const text = line.value.replace(/^"|"$/g, '');
	return {
		...at(index),
		message: 'guillemet droit « " » à l’intérieur d’un texte entre guillemets : écrivez-le \\" ou utilisez les guillemets français « ».',
		fix: `${line.margin}${line.dash}${line.key ? `${line.key}: ` : ''}"${text.replace(/\\?"/g, '\\"')}"`,
	};
};

/** `title: 'L'usine'`: the text ends at the apostrophe. */
const apostropheInsideApostrophes: Rule = ({ line, index, at }) =>
	line.value.startsWith("'") && /^'(?:[^']|'')*'\s*\S/.test(line.value)
		? {
				...at(index),
				message: 'apostrophe à l’intérieur d’un texte entre apostrophes : entourez plutôt le texte de guillemets droits « " ».',
				fix: quotedLine(line, line.value.replace(/^'|'$/g, '').replace(/''/g, "'")),
			}
		: undefined;

/** `title: Alès : une rencontre`: the most common mistake. */
const colonInText: Rule = ({ line, index, at }) =>
	line.key && /:(\s|$)/.test(line.value)
		? { ...at(index), message: 'le texte contient deux-points « : » : mettez-le entre guillemets droits.', fix: quotedLine(line) }
		: undefined;

/** `title: [Communiqué] Visite`, `title: *Important*`: a character YAML reads as syntax. */
const specialStart: Rule = ({ line, index, at }) => {
	const special = SPECIAL_START.exec(line.value);
	return line.key && special && !/^[[{].*[\]}]$/.test(line.value)
		? { ...at(index), message: `un texte qui commence par « ${special[1]} » s’écrit entre guillemets droits.`, fix: quotedLine(line) }
		: undefined;
};

/** A line more indented than the one before it (the parser names the line above). */
const indentedUnderValue: Rule = ({ lines, error, index, line, at }) => {
	const next = lines.slice(index + 1).findIndex((candidate) => !candidate.blank);
	if (!/IMPLICIT_KEY/.test(error.code) || next === -1 || line.blank) return undefined;
	const following = lines[index + 1 + next] as OutlineLine;
	if (following.indent <= line.column || !following.key) return undefined;
	return misaligned(lines, index + 1 + next, line.column, at(index + 1 + next));
};

/** A line between two levels: a list item without its dash, a field of an item not indented enough, or simply misaligned. */
const badIndent: Rule = ({ lines, error, index, line, at }) => {
	if (error.code !== 'BAD_INDENT' || line.blank) return undefined;
	const sibling = lines.slice(0, index).findLast((candidate) => !candidate.blank && candidate.indent === line.indent && candidate.dash);
	const parentColumn = lines.slice(0, index).findLast((candidate) => !candidate.blank && candidate.indent < line.indent)?.column;
	if (sibling && !line.dash && (parentColumn === undefined || sibling.indent >= parentColumn)) {
		// `- name: A` then `role: B` under the dash: a field of that item, not indented enough.
		const item = lines.slice(lines.indexOf(sibling), index).filter((candidate) => candidate.key && candidate.column === sibling.column);
		if (line.key && sibling.key && !item.some((candidate) => candidate.key === line.key)) {
			return misaligned(lines, index, sibling.column, at(index));
		}
		return {
			...at(index),
			message: 'élément de liste sans tiret : chaque élément commence par « - » suivi d’une espace.',
			fix: `${line.margin}- ${line.text.slice(line.margin.length)}`,
		};
	}
	const columns = lines
		.slice(0, index)
		.filter((candidate) => !candidate.blank && candidate.key)
		.map((candidate) => candidate.column);
	const target = columns.reduce<number | undefined>(
		(best, column) =>
			best === undefined ||
			Math.abs(column - line.indent) < Math.abs(best - line.indent) ||
			(Math.abs(column - line.indent) === Math.abs(best - line.indent) && column > best)
				? column
				: best,
		undefined,
	);
	return target === undefined ? undefined : misaligned(lines, index, target, at(index));
};

/** A field written twice. */
const duplicateKey: Rule = ({ lines, error, index, line, lineOffset, at }) =>
	error.code === 'DUPLICATE_KEY' && line.key ? duplicate(lines, index, at(index), lineOffset) : undefined;

/** The mistakes, most specific first: the first whose pattern fits the line explains the error. */
const RULES: Rule[] = [
	tabIndent,
	quoteNeverClosed,
	bracketNeverClosed,
	noSpaceAfterColon,
	quoteInsideQuotes,
	apostropheInsideApostrophes,
	colonInText,
	specialStart,
	indentedUnderValue,
	badIndent,
	duplicateKey,
];

/** Explains one parser error: the line at fault (not always the one the parser names), the field and the fix. */
function explain(lines: OutlineLine[], error: ParserError, lineOffset: number): SyntaxMistake {
	const index = Math.min(Math.max(error.line - 1, 0), lines.length - 1);
	const at = (position: number): SyntaxMistake => {
		const field = fieldAt(lines, position);
		return { line: position + 1, ...(field && { field }), message: '' };
	};
	const stumble: Stumble = { lines, error, index, line: lines[index] as OutlineLine, lineOffset, at };
	for (const rule of RULES) {
		const mistake = rule(stumble);
		if (mistake) return mistake;
	}
	return { ...at(index), message: UNREADABLE_LINE };
}

function misaligned(lines: OutlineLine[], index: number, column: number, where: SyntaxMistake): SyntaxMistake {
	const line = lines[index] as OutlineLine;
	const above = lines.slice(0, index).findLast((candidate) => !candidate.blank && candidate.key && candidate.column === column);
	return {
		...where,
		message: `décalage incorrect : alignez cette ligne ${above?.key ? `exactement sous « ${above.key} »` : 'sur les autres champs du même niveau'} (${column} espace(s) en début de ligne).`,
		fix: `${' '.repeat(column)}${line.text.slice(line.margin.length)}`,
	};
}

/** A field written twice: a list whose items lack their dashes, or a plain repetition. */
function duplicate(lines: OutlineLine[], index: number, where: SyntaxMistake, lineOffset: number): SyntaxMistake {
	const line = lines[index] as OutlineLine;
	const parentIndex = lines.slice(0, index).findLastIndex((candidate) => !candidate.blank && candidate.column < line.column);
	const parent = lines[parentIndex];
	const first = lines
		.slice(parentIndex + 1, index)
		.findIndex((candidate) => candidate.key === line.key && candidate.column === line.column);
	const cited = `lignes ${parentIndex + 1 + first + 1 + lineOffset} et ${index + 1 + lineOffset}`;
	if (parent?.key && parent.value === '' && !line.dash) {
		// `contacts:` then `name:`, `role:`, `name:`: items without dashes. Rebuild the list.
		const end = lines.slice(parentIndex + 1).findIndex((candidate) => !candidate.blank && candidate.indent <= parent.column);
		const children = lines.slice(parentIndex + 1, end === -1 ? undefined : parentIndex + 1 + end);
		while (children.at(-1)?.blank) children.pop();
		const firstKey = children.find((child) => !child.blank)?.key;
		const fix = [
			parent.text.trimEnd(),
			...children.map((child) =>
				child.blank ? child.text : `${child.margin}${child.key === firstKey ? '- ' : '  '}${child.text.slice(child.margin.length)}`,
			),
		].join('\n');
		return {
			...where,
			message: `« ${line.key} » apparaît deux fois sous « ${parent.key} » (${cited}) : dans une liste, chaque élément commence par « - » suivi d’une espace.`,
			fix,
			fixFrom: parentIndex + 1,
		};
	}
	return { ...where, message: `champ écrit deux fois (${cited}) : gardez-en un seul.` };
}

/**
 * The parser's errors and warnings (an unknown `!tag`: Astro's YAML reader
 * refuses what this one only warns about), and fields without a name.
 */
export function documentErrors(document: Document, lineCounter: LineCounter): ParserError[] {
	const errors: ParserError[] = [...document.errors, ...document.warnings].map((error) => ({
		code: error.code,
		line: lineCounter.linePos(error.pos[0]).line,
		message: error.message,
	}));
	// `tags: [] : suite` parses here as a field with no name, and `*texte*` as a reference
	// to an anchor `texte*` that does not exist: Astro's reader refuses both.
	visit(document, {
		Alias(_, alias) {
			if (!alias.resolve(document) && alias.range)
				errors.push({ code: 'BAD_ALIAS', line: lineCounter.linePos(alias.range[0]).line, message: '' });
		},
		Pair(_, pair) {
			const key = isScalar(pair.key) ? pair.key.value : pair.key;
			const range = (isScalar(pair.key) ? pair.key.range : undefined) ?? (pair.value as { range?: [number] } | null)?.range;
			if ((key === null || key === '') && range) errors.push({ code: 'EMPTY_KEY', line: lineCounter.linePos(range[0]).line, message: '' });
		},
	});
	return errors.sort((a, b) => a.line - b.line);
}

function parserErrors(text: string): ParserError[] {
	const lineCounter = new LineCounter();
	return documentErrors(parseDocument(text, { lineCounter, prettyErrors: false }), lineCounter);
}

/** `text` with the mistake's fix in place of the lines it corrects. */
function applyFix(text: string, mistake: SyntaxMistake): string {
	const lines = text.split(/\r?\n/);
	const fixed = (mistake.fix ?? '').split('\n');
	lines.splice((mistake.fixFrom ?? mistake.line) - 1, fixed.length, ...fixed);
	return lines.join('\n');
}

/** A safety net: each round fixes one line, and a frontmatter has a few dozen. */
const MAX_ROUNDS = 200;

/**
 * Every syntax mistake of a frontmatter, root causes only, in line order; an
 * empty list when it parses. Lines count from 1 in the frontmatter text;
 * `lineOffset` turns them into file lines in the messages that cite lines.
 */
export function syntaxMistakes(frontmatter: string, lineOffset = 0): SyntaxMistake[] {
	const mistakes = new Map<number, SyntaxMistake>();
	let text = frontmatter;
	for (let round = 0; round < MAX_ROUNDS; round += 1) {
		const errors = parserErrors(text);
		const [first] = errors;
		if (!first) break;
		const lines = outline(text);
		const mistake = explain(lines, first, lineOffset);
		const fixed = mistake.fix === undefined ? undefined : applyFix(text, mistake);
		if (fixed === undefined || fixed === text || mistakes.has(mistake.line)) {
			// No fix to try: explain what is left, one mistake a line, and stop.
			for (const error of errors) {
				const other = explain(lines, error, lineOffset);
				if (!mistakes.has(other.line)) mistakes.set(other.line, other);
			}
			break;
		}
		// The field of a misplaced line is where its fix puts it.
		const field = fieldAt(outline(fixed), mistake.line - 1);
		mistakes.set(mistake.line, { ...mistake, ...(field && { field }) });
		text = fixed;
	}
	return [...mistakes.values()].sort((a, b) => a.line - b.line);
}

/**
 * A list written without dashes that YAML still reads, as one text:
 * `tags:` then `industrie` and `RSE` on their own lines become the single
 * theme « industrie RSE ». The lines (1-based) of the value, or `undefined`.
 */
export function dashlessList(frontmatter: string, keyLine: number): { fix: string } | undefined {
	const lines = outline(frontmatter);
	const key = lines[keyLine - 1];
	if (!key?.key || key.value !== '') return undefined;
	const items: OutlineLine[] = [];
	for (const line of lines.slice(keyLine)) {
		if (line.blank) continue;
		if (line.indent <= key.column || line.dash || line.key) break;
		items.push(line);
	}
	if (items.length < 2) return undefined;
	return { fix: [key.text.trimEnd(), ...items.map((item) => `${' '.repeat(key.column + 2)}- ${item.text.trim()}`)].join('\n') };
}
