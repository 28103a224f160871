/**
 * Readable, French error messages for content authors and integrators: each
 * says what is expected, and `formatIssues` names the field. Passed to each
 * parse (`schema.safeParse(data, { error: frenchErrorMap })`: the content
 * check, `relais.config.ts`, the environment) rather than installed globally,
 * so no other library's parse changes language behind its back, as Starlight
 * does in its `utils/error-map.ts`.
 */
import { z } from 'astro/zod';

/** The subset of a zod issue the messages need (raw, as an error map gets it, or final). */
export interface IssueLike {
	code?: string;
	path?: PropertyKey[];
	message?: string;
	expected?: string;
	input?: unknown;
	minimum?: number | bigint;
	maximum?: number | bigint;
	inclusive?: boolean;
	exact?: boolean;
	origin?: string;
	format?: string;
	pattern?: string;
	prefix?: string;
	suffix?: string;
	includes?: string;
	divisor?: number;
	keys?: string[];
	values?: unknown[];
	errors?: IssueLike[][];
	options?: unknown[];
	discriminator?: string;
}

const TYPE_NAMES: Record<string, string> = {
	string: 'un texte',
	number: 'un nombre',
	int: 'un nombre entier',
	bigint: 'un nombre entier',
	boolean: 'true ou false',
	array: 'une liste',
	tuple: 'une liste',
	set: 'une liste',
	object: 'un groupe de champs',
	record: 'un groupe de champs',
	map: 'un groupe de champs',
	date: 'une date',
	file: 'un fichier',
	null: 'une valeur vide',
	nan: 'une valeur non numérique',
	symbol: 'un symbole',
	function: 'une fonction',
};
/** « une liste est attendue », « un texte est attendu ». */
const expected = (name: string) => `${name} est ${name.startsWith('une ') ? 'attendue' : 'attendu'}`;
/** A type in words; one the table lacks is said as zod names it. */
const typeName = (type: string | undefined) => TYPE_NAMES[type ?? ''] ?? `une valeur de type « ${String(type)} »`;

/** `event.place`, `speakers[2].name`. */
export function fieldName(path: PropertyKey[]): string {
	return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** A value as an author typed it: « Europe/Paris », « 3 ». */
const shown = (value: unknown) => `« ${typeof value === 'bigint' ? value.toString() : String(value)} »`;

/** Singular or plural unit: « 1 caractère », « 3 éléments ». */
const count = (amount: number | bigint | undefined, unit: string) => `${String(amount)} ${unit}${Number(amount) > 1 ? 's' : ''}`;

/** The unit a size limit counts in, by what is measured. */
const UNITS: Record<string, string> = { string: 'caractère', array: 'élément', set: 'élément', file: 'octet' };

/** `2026-01-31` for a date limit given as a timestamp (zod reports dates in milliseconds). */
const dateLimit = (limit: number | bigint | undefined) => new Date(Number(limit)).toISOString().slice(0, 10);

function tooSmall(issue: IssueLike): string {
	const unit = UNITS[issue.origin ?? ''];
	if (issue.origin === 'string' && Number(issue.minimum) === 1 && !issue.exact) return 'ne doit pas être vide';
	if (unit) return `il faut ${issue.exact ? 'exactement' : 'au moins'} ${count(issue.minimum, unit)}`;
	if (issue.origin === 'date') {
		return issue.inclusive === false
			? `la date doit être postérieure au ${dateLimit(issue.minimum)}`
			: `la date doit être le ${dateLimit(issue.minimum)} ou après`;
	}
	return `le nombre doit être ${issue.inclusive === false ? 'strictement supérieur à' : 'supérieur ou égal à'} ${String(issue.minimum)}`;
}

function tooBig(issue: IssueLike): string {
	const unit = UNITS[issue.origin ?? ''];
	if (unit) return issue.exact ? `il faut exactement ${count(issue.maximum, unit)}` : `pas plus de ${count(issue.maximum, unit)}`;
	if (issue.origin === 'date') {
		return issue.inclusive === false
			? `la date doit être antérieure au ${dateLimit(issue.maximum)}`
			: `la date doit être le ${dateLimit(issue.maximum)} ou avant`;
	}
	return `le nombre doit être ${issue.inclusive === false ? 'strictement inférieur à' : 'inférieur ou égal à'} ${String(issue.maximum)}`;
}

/** What each string format expects, with an example; formats an author or integrator never meets fall back to zod's French. */
const FORMATS: Record<string, string> = {
	email: 'adresse e-mail invalide (exemple : presse@exemple.fr)',
	url: 'adresse web invalide (exemple : https://exemple.fr/)',
	date: 'date invalide (format attendu : AAAA-MM-JJ, par exemple 2020-09-21)',
	datetime: 'date et heure invalides (format attendu : AAAA-MM-JJTHH:MM:SSZ, par exemple 2020-09-21T12:15:00Z)',
	time: 'heure invalide (format attendu : HH:MM, par exemple 12:15)',
	duration: 'durée invalide (format ISO 8601 attendu, par exemple PT1H30M)',
	e164: 'numéro de téléphone invalide (format international attendu, par exemple +33466000000)',
	uuid: 'identifiant UUID invalide',
	json_string: 'texte JSON invalide',
};

function invalidFormat(issue: IssueLike): string | undefined {
	switch (issue.format) {
		case 'regex':
			return `format invalide : la valeur ne correspond pas au modèle attendu (${String(issue.pattern)})`;
		case 'starts_with':
			return `le texte doit commencer par « ${String(issue.prefix)} »`;
		case 'ends_with':
			return `le texte doit se terminer par « ${String(issue.suffix)} »`;
		case 'includes':
			return `le texte doit contenir « ${String(issue.includes)} »`;
		default:
			return FORMATS[issue.format ?? ''];
	}
}

/**
 * A value no option of a union accepts. When every option only refused its
 * type (`reference: [x]` where a text or a number is expected), the message
 * says which types: the options' own messages would each name one.
 */
function invalidUnion(issue: IssueLike): string {
	if (issue.discriminator && issue.options?.length) {
		return `valeur attendue : ${issue.options.map(shown).join(' ou ')}`;
	}
	const branches = issue.errors ?? [];
	const types = branches.map((branch) =>
		branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path?.length === 0 ? branch[0].expected : undefined,
	);
	if (branches.length > 0 && types.every(Boolean)) {
		const names = [...new Set(types.map(typeName))].join(' ou ');
		return issue.input === undefined || issue.input === null ? `champ obligatoire manquant (attendu : ${names})` : expected(names);
	}
	// One option went further than the others (the value had the right type): its message is the useful one.
	const deepest = branches.find((branch) => branch.some((inner) => inner.code !== 'invalid_type'));
	return deepest?.[0]?.message || 'valeur invalide';
}

/**
 * French message for one raw issue (without the field name), or `undefined`
 * for an issue no rule phrases (zod's French locale then speaks).
 */
function issueMessage(issue: IssueLike): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			if (['never', 'undefined', 'void'].includes(issue.expected ?? '')) return 'ce champ doit rester vide : retirez-le';
			if (issue.input === undefined || issue.input === null) return `champ obligatoire manquant (attendu : ${typeName(issue.expected)})`;
			return expected(typeName(issue.expected));
		case 'too_small':
			return tooSmall(issue);
		case 'too_big':
			return tooBig(issue);
		case 'invalid_format':
			return invalidFormat(issue);
		case 'not_multiple_of':
			return `le nombre doit être un multiple de ${String(issue.divisor)}`;
		case 'invalid_union':
			return invalidUnion(issue);
		case 'invalid_value':
			return `valeur attendue : ${(issue.values ?? []).map(shown).join(' ou ')}`;
		case 'unrecognized_keys':
			return `champ(s) inconnu(s) : ${(issue.keys ?? []).join(', ')}`;
		case 'invalid_key':
			return 'nom de champ invalide';
		case 'invalid_element':
			return 'valeur invalide dans le groupe';
		case 'custom':
			return issue.message || 'valeur invalide';
		default:
			return undefined;
	}
}

/** Zod's own French messages, for whatever `issueMessage` does not phrase. */
const zodFrench = z.locales.fr().localeError;

/** The error map to pass to every parse whose messages an author or an integrator reads. */
export const frenchErrorMap: z.core.$ZodErrorMap = (issue) => issueMessage(issue as IssueLike) ?? zodFrench(issue);

/** One line per validated issue (messages already French): `  - le champ « event.place » : champ obligatoire manquant…`. */
export function formatIssues(issues: IssueLike[]): string {
	return issues
		.map((issue) => {
			const field = fieldName(issue.path ?? []);
			return field ? `  - le champ « ${field} » : ${issue.message}` : `  - ${issue.message}`;
		})
		.join('\n');
}
