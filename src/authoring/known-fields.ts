/**
 * The fields an entry may hold, read from the collection schemas, and what to
 * tell an author who wrote another one. The schemas drop an unknown field
 * without a word, so a misspelt `refrence:` or a French `ville:` would make
 * its value vanish from the site: each is reported with the field meant.
 */
import type { z } from 'astro/zod';
import { defOf } from '../content/schemas/zod-def';

/** What the schema accepts at one place of the frontmatter. */
export interface FieldShape {
	/** Sub-fields, for a group (`event`) or a list of groups (`contacts`). */
	fields?: Map<string, FieldShape>;
	/** A list (`tags`, `contacts`); a single value counts as a list of one. */
	list: boolean;
}

/** The shape of a schema: groups, lists and their fields, through optional, default, preprocess and union. */
export function fieldShape(schema: z.ZodType): FieldShape {
	const def = defOf(schema);
	switch (def.type) {
		case 'object':
			return {
				fields: new Map(Object.entries(def.shape ?? {}).map(([key, child]) => [key, fieldShape(child)])),
				list: false,
			};
		case 'array':
			return { ...(def.element ? fieldShape(def.element) : {}), list: true };
		case 'optional':
		case 'nullable':
		case 'default':
		case 'prefault':
		case 'readonly':
		case 'catch':
			return def.innerType ? fieldShape(def.innerType) : { list: false };
		case 'pipe': {
			const output = def.out ? fieldShape(def.out) : { list: false };
			return output.fields || output.list || !def.in ? output : fieldShape(def.in);
		}
		case 'union': {
			const shapes = (def.options ?? []).map(fieldShape);
			const fields = shapes.flatMap((shape) => [...(shape.fields ?? [])]);
			return { ...(fields.length > 0 && { fields: new Map(fields) }), list: shapes.some((shape) => shape.list) };
		}
		default:
			return { list: false };
	}
}

/**
 * Edit distance where swapping two neighbouring letters counts as one edit
 * (optimal string alignment): `descripton` and `descritpion` are both 1 from
 * `description`. Field names are short: the quadratic table costs nothing.
 */
export function editDistance(a: string, b: string): number {
	const rows = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
	);
	for (let i = 1; i <= a.length; i += 1) {
		for (let j = 1; j <= b.length; j += 1) {
			const substitution = rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
			let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, substitution);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
			rows[i][j] = best;
		}
	}
	return rows[a.length][b.length];
}

/** `Mots-clés`, `mots_cles`, `Mots clés` → `motscles`: how a name is compared. */
function normalizeFieldName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

/**
 * French (and other) names authors try, normalised, and the field meant. The
 * suggestion is only made where that field exists (`nom` is `name` in a
 * contact, a speaker or a testimonial).
 */
const FIELD_ALIASES: Readonly<Record<string, string>> = {
	titre: 'title',
	resume: 'description',
	chapo: 'description',
	chapeau: 'description',
	descriptif: 'description',
	brouillon: 'draft',
	themes: 'tags',
	theme: 'tags',
	etiquettes: 'tags',
	etiquette: 'tags',
	motscles: 'tags',
	motcle: 'tags',
	categories: 'tags',
	publication: 'date',
	datedepublication: 'date',
	miseajour: 'updated',
	modification: 'updated',
	couverture: 'image',
	illustration: 'image',
	textealternatif: 'alt',
	evenement: 'event',
	debut: 'start',
	fin: 'end',
	lieu: 'place',
	salle: 'place',
	ville: 'city',
	commune: 'city',
	adresse: 'address',
	organisateurs: 'organizers',
	organisateur: 'organizers',
	intervenants: 'speakers',
	intervenant: 'speakers',
	chiffres: 'figures',
	chiffrescles: 'figures',
	valeur: 'value',
	nombre: 'value',
	libelle: 'label',
	piecesjointes: 'attachments',
	piecejointe: 'attachments',
	documents: 'attachments',
	fichiers: 'attachments',
	dossierdepresse: 'attachments',
	fichier: 'file',
	nom: 'name',
	fonction: 'role',
	poste: 'role',
	structure: 'organisation',
	entreprise: 'organisation',
	societe: 'organisation',
	courriel: 'email',
	mail: 'email',
	telephone: 'phone',
	tel: 'phone',
	galerie: 'photos',
	legende: 'caption',
	credits: 'credit',
	auteur: 'credit',
	photographe: 'credit',
	license: 'licence',
	droits: 'licence',
};

/** Where a field name is known: `event` for `city`, `` for `title`. */
export type FieldIndex = Map<string, string[]>;

/** Every field name of a shape, with the paths of the groups it belongs to (`city` → `event`). */
export function fieldIndex(shape: FieldShape, parent = '', index: FieldIndex = new Map()): FieldIndex {
	for (const [key, child] of shape.fields ?? []) {
		index.set(key, [...(index.get(key) ?? []), parent]);
		if (child.fields) fieldIndex(child, parent ? `${parent}.${key}` : key, index);
	}
	return index;
}

/** What to say about one unknown field. */
export type FieldSuggestion =
	/** Same place, another spelling: `descripton`, `ville`, `Title`. */
	| { kind: 'rename'; field: string; reason: 'typo' | 'alias' | 'spelling' }
	/** The field meant lives in another group: `city` under `event`. */
	| { kind: 'move'; field: string; parent: string }
	| { kind: 'unknown'; known: string[] };

/** Closest known name within reach: one edit for short names, two from six letters. */
function closest(name: string, candidates: string[]): string | undefined {
	const reach = name.length >= 6 ? 2 : 1;
	let best: { field: string; distance: number } | undefined;
	for (const candidate of candidates) {
		const distance = editDistance(name, normalizeFieldName(candidate));
		if (distance <= reach && (!best || distance < best.distance)) best = { field: candidate, distance };
	}
	return best?.field;
}

/**
 * The field an author probably meant by `key`, at a place whose fields are
 * `siblings`, in a collection whose every field is in `index`.
 * @param parent path of the enclosing group (`event`), `` at the top
 */
export function suggestField(key: string, siblings: string[], index: FieldIndex, parent: string): FieldSuggestion {
	const name = normalizeFieldName(key);
	const same = siblings.find((sibling) => normalizeFieldName(sibling) === name);
	if (same) return { kind: 'rename', field: same, reason: 'spelling' };
	const alias = FIELD_ALIASES[name];
	if (alias && siblings.includes(alias)) return { kind: 'rename', field: alias, reason: 'alias' };
	const typo = closest(name, siblings);
	if (typo) return { kind: 'rename', field: typo, reason: 'typo' };
	// Known elsewhere in the entry: `city` at the top instead of under `event:`.
	const everywhere = [...index.keys()];
	const meant =
		alias && index.has(alias) ? alias : (everywhere.find((field) => normalizeFieldName(field) === name) ?? closest(name, everywhere));
	const groups = meant ? (index.get(meant) ?? []).filter((group) => group !== parent) : [];
	if (meant && groups.length > 0) return { kind: 'move', field: meant, parent: groups[0] ?? '' };
	return { kind: 'unknown', known: siblings };
}

const LOST = 'tel quel, il est ignoré et sa valeur n’est pas publiée.';

/** The French message for an unknown field (the field itself is named before it). */
export function unknownFieldMessage(suggestion: FieldSuggestion): string {
	switch (suggestion.kind) {
		case 'rename':
			if (suggestion.reason === 'alias') return `champ inconnu : en anglais, il s’écrit « ${suggestion.field} » ; ${LOST}`;
			if (suggestion.reason === 'spelling') {
				return `champ inconnu : écrivez « ${suggestion.field} », en minuscules et sans accents ; ${LOST}`;
			}
			return `champ inconnu : vouliez-vous dire « ${suggestion.field} » ? ${capitalize(LOST)}`;
		case 'move':
			return suggestion.parent
				? `champ inconnu à cet endroit : « ${suggestion.field} » se place sous « ${suggestion.parent}: », décalé de deux espaces ; ${LOST}`
				: `champ inconnu à cet endroit : « ${suggestion.field} » se place au premier niveau, sans espace en début de ligne ; ${LOST}`;
		case 'unknown':
			return `champ inconnu : ${LOST.replace(/^tel quel, /, '')} Champs possibles ici : ${suggestion.known.join(', ')}.`;
	}
}

/** For a required field reported missing because it was written `key`: how to fix the name (or the place). */
export function misspeltFieldMessage(key: string, suggestion: FieldSuggestion): string {
	if (suggestion.kind === 'rename') return `il est écrit « ${key} » à la ligne indiquée ; renommez-le « ${suggestion.field} ».`;
	if (suggestion.kind === 'move') {
		const where = suggestion.parent
			? `sous « ${suggestion.parent}: », décalé de deux espaces`
			: 'au premier niveau, sans espace en début de ligne';
		return `il est écrit « ${key} » à la ligne indiquée, au mauvais endroit : « ${suggestion.field} » se place ${where}.`;
	}
	return unknownFieldMessage(suggestion);
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An unknown field found in an entry's data, with its path (`['event', 'ville']`, `['contacts', 0, 'mail']`). */
export interface UnknownField {
	path: PropertyKey[];
	suggestion: FieldSuggestion;
}

const isGroup = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Every field of `data` the shape does not know, at every level (event, contacts, speakers, attachments…). */
export function findUnknownFields(data: unknown, shape: FieldShape, index = fieldIndex(shape)): UnknownField[] {
	const found: UnknownField[] = [];
	const walk = (value: unknown, at: FieldShape, path: PropertyKey[], parent: string) => {
		if (!at.fields) return;
		if (Array.isArray(value) && at.list) {
			value.forEach((item, position) => walk(item, at, [...path, position], parent));
			return;
		}
		if (!isGroup(value)) return;
		const siblings = [...at.fields.keys()];
		for (const [key, child] of Object.entries(value)) {
			const known = at.fields.get(key);
			if (known) walk(child, known, [...path, key], parent ? `${parent}.${key}` : key);
			else found.push({ path: [...path, key], suggestion: suggestField(key, siblings, index, parent) });
		}
	};
	walk(data, shape, [], '');
	return found;
}
