/**
 * An entry's header against its collection's schema: every zod issue in
 * French at the line of its field, and every field the schema does not know
 * (a typo, a French name, a misplaced field). A required field reported
 * missing because it was misspelt is one problem, at the misspelt line.
 */
import type { z } from 'astro/zod';
import { fieldName, frenchErrorMap } from '../text/error-map';
import type { ReadEntry } from './entry-file';
import { findUnknownFields, misspeltFieldMessage, unknownFieldMessage, type FieldIndex, type FieldShape } from './known-fields';
import type { ContentProblem } from './problems';

/** How every message about a missing required field starts (`src/text/error-map.ts`, `contentDate` in `src/content/schemas/fields.ts`). */
const MISSING = 'champ obligatoire manquant';

interface SchemaCheck {
	/** Unknown fields, each with its suggestion (and missing fields they explain). */
	unknownFields: ContentProblem[];
	/** The schema's other issues. */
	issues: ContentProblem[];
	/** The validated data, when the header is valid. */
	data?: Record<string, unknown>;
}

type Issue = z.core.$ZodIssue;

/** Validates an entry's header; nothing is reported twice. */
export function checkSchema(
	read: ReadEntry,
	collection: { schema: z.ZodType; shape: FieldShape; index: FieldIndex },
	unknownSeverity: 'warn' | 'error',
): SchemaCheck {
	const { entry } = read;
	const result = collection.schema.safeParse(entry.data, { error: frenchErrorMap });
	const issues = result.success ? [] : result.error.issues;
	const unknowns = findUnknownFields(entry.data, collection.shape, collection.index);
	const explained = missingExplained(unknowns, issues);
	const sourceLines = read.frontmatter.split(/\r?\n/);
	const unknownFields = unknowns.map((unknown): ContentProblem => {
		const line = entry.lineOf(unknown.path);
		const key = String(unknown.path[unknown.path.length - 1]);
		const typed = line ? sourceLines[line - 2] : undefined;
		const renamed = unknown.suggestion.kind === 'rename' ? unknown.suggestion.field : undefined;
		const fix = renamed && typed?.includes(`${key}:`) ? typed.replace(`${key}:`, `${renamed}:`) : undefined;
		const missing = explained.get(fieldName(unknown.path));
		return {
			severity: missing || unknownSeverity === 'error' ? 'error' : 'warning',
			file: entry.file,
			...(line && { line }),
			field: missing ? fieldName(missing.path) : fieldName(unknown.path),
			message: missing ? `${MISSING} : ${misspeltFieldMessage(key, unknown.suggestion)}` : unknownFieldMessage(unknown.suggestion),
			...(fix && { fix }),
		};
	});
	const explainedIssues = new Set(explained.values());
	return {
		unknownFields,
		issues: issues
			.filter((issue) => !explainedIssues.has(issue))
			.map((issue) => ({
				severity: 'error',
				file: entry.file,
				line: entry.lineOf(issue.path),
				field: fieldName(issue.path) || undefined,
				message: issue.message,
			})),
		...(result.success && { data: result.data as Record<string, unknown> }),
	};
}

/** Unknown field (by its path) → the « missing » issue it explains: `descripton` for a missing `description`. */
function missingExplained(unknowns: ReturnType<typeof findUnknownFields>, issues: Issue[]): Map<string, Issue> {
	const explained = new Map<string, Issue>();
	const withoutIndexes = (path: PropertyKey[]) => fieldName(path.filter((part) => typeof part !== 'number'));
	for (const unknown of unknowns) {
		const { suggestion } = unknown;
		if (suggestion.kind !== 'rename' && suggestion.kind !== 'move') continue;
		const meant =
			suggestion.kind === 'rename'
				? [...unknown.path.slice(0, -1), suggestion.field]
				: [...suggestion.parent.split('.').filter(Boolean), suggestion.field];
		const taken = new Set(explained.values());
		const missing = issues.find(
			(issue) => !taken.has(issue) && issue.message.startsWith(MISSING) && withoutIndexes(issue.path) === withoutIndexes(meant),
		);
		if (missing) explained.set(fieldName(unknown.path), missing);
	}
	return explained;
}
