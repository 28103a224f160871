/**
 * What the YAML reader would silently change, and what a template left: a
 * text cut at `#` (read as a comment), a list written without dashes (read as
 * one text), and template placeholders left in an entry about to be published.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { fieldName } from '../text/error-map';
import type { ReadEntry } from './entry-file';
import type { FieldShape } from './known-fields';
import type { ContentProblem } from './problems';
import { TEMPLATE_PLACEHOLDER, TEMPLATE_SAMPLE_LINES } from './templates';
import { dashlessList } from './yaml-mistakes';

const placeholderMessage = `texte provisoire du modèle « ${TEMPLATE_PLACEHOLDER} » : remplacez-le avant de publier, ou remettez draft: true.`;

export function typedTextProblems(read: ReadEntry, shape: FieldShape): ContentProblem[] {
	const publishing = read.entry.data.draft !== true;
	return [...headerTextProblems(read, publishing), ...dashlessListProblems(read, shape), ...(publishing ? bodyTemplateProblems(read) : [])];
}

/** Texts of the header cut at `#`, and placeholders left in them. */
function headerTextProblems({ entry, document, lineCounter, frontmatter }: ReadEntry, publishing: boolean): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const lines = frontmatter.split(/\r?\n/);
	const visit = (node: unknown, at: PropertyKey[]) => {
		if (isMap(node)) {
			for (const pair of node.items) visit(pair.value, [...at, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)]);
		} else if (isSeq(node)) {
			node.items.forEach((item, position) => visit(item, [...at, position]));
		} else if (isScalar(node) && typeof node.value === 'string' && node.range) {
			const line = lineCounter.linePos(node.range[0]).line;
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
				problems.push({ severity: 'error', file: entry.file, line: line + 1, field: fieldName(at), message: placeholderMessage });
			}
		}
	};
	visit(document.contents, []);
	return problems;
}

/** `tags:` then `industrie` and `RSE` on their own lines: one theme « industrie RSE ». */
function dashlessListProblems({ entry, frontmatter }: ReadEntry, shape: FieldShape): ContentProblem[] {
	const problems: ContentProblem[] = [];
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
	return problems;
}

/** Placeholders and sample lines of a template left in the body. */
function bodyTemplateProblems({ entry }: ReadEntry): ContentProblem[] {
	return entry.body.split(/\r?\n/).flatMap((text, index): ContentProblem[] => {
		const sample = TEMPLATE_SAMPLE_LINES.find((line) => text.trim() === line);
		if (!text.includes(TEMPLATE_PLACEHOLDER) && !sample) return [];
		return [
			{
				severity: 'error',
				file: entry.file,
				line: entry.bodyLine + index,
				message: sample
					? `texte d’exemple du modèle « ${sample} » : remplacez-le ou supprimez la ligne avant de publier, ou remettez draft: true.`
					: placeholderMessage,
			},
		];
	});
}
