/**
 * Readable, French error messages for content authors: each names the field
 * and says what is expected.
 */

/** The subset of a zod issue the messages need. */
export interface IssueLike {
	code: string;
	path: PropertyKey[];
	message: string;
	expected?: string;
	input?: unknown;
	minimum?: number | bigint;
	origin?: string;
	keys?: string[];
	values?: unknown[];
}

const TYPE_NAMES: Record<string, string> = {
	string: 'un texte',
	number: 'un nombre',
	boolean: 'true ou false',
	array: 'une liste',
	object: 'un groupe de champs',
	date: 'une date',
};
/** « une liste est attendue », « un texte est attendu ». */
const expected = (name: string) => `${name} est ${name.startsWith('une ') ? 'attendue' : 'attendu'}`;

/** `event.place`, `speakers[2].name`. */
export function fieldName(path: PropertyKey[]): string {
	return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/**
 * French message for one raw issue (without the field name). Installed as
 * zod's global error map by `src/content/schemas/fields.ts`, where the raw issue still
 * carries its `input`.
 */
export function issueMessage(issue: IssueLike): string {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined || issue.input === null) {
				return `champ obligatoire manquant (attendu : ${TYPE_NAMES[issue.expected ?? ''] ?? issue.expected})`;
			}
			return expected(TYPE_NAMES[issue.expected ?? ''] ?? String(issue.expected));
		case 'too_small':
			if (issue.origin === 'string') return 'ne doit pas être vide';
			return `il faut au moins ${String(issue.minimum)} élément(s)`;
		case 'invalid_union':
			return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'valeur invalide';
		case 'invalid_value':
			return `valeur attendue : ${(issue.values ?? []).map((value) => `« ${String(value)} »`).join(' ou ')}`;
		case 'unrecognized_keys':
			return `champ(s) inconnu(s) : ${(issue.keys ?? []).join(', ')}`;
		default:
			return issue.message;
	}
}

/** One line per validated issue (messages already French): `  - le champ « event.place » : champ obligatoire manquant…`. */
export function formatIssues(issues: IssueLike[]): string {
	return issues
		.map((issue) => {
			const field = fieldName(issue.path);
			return field ? `  - le champ « ${field} » : ${issue.message}` : `  - ${issue.message}`;
		})
		.join('\n');
}
