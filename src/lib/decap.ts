/**
 * The Decap CMS configuration (`/admin/config.yml`), generated from the zod
 * schemas of the three collections (src/schemas/entries.ts): the schemas are
 * instantiated with stand-in helpers and walked field by field, so a field
 * added to a schema appears in the web editor. What the zod type cannot say
 * comes from metadata (`.meta({ widget })`: dates of src/schemas/fields.ts,
 * the image and reference helpers below) or from the field's path
 * (`description` → long text, `attachments.file` → file). Labels and hints
 * are French, from the tables of this file (tests/unit/decap.test.ts fails
 * when a field has no label).
 *
 * Pure: no Astro import; src/pages/admin/config.yml.ts feeds it the settings.
 */
import { z } from 'astro/zod';
import { meetingReportSchema, pressReleaseSchema, testimonialSchema, type SchemaHelpers } from '../schemas/entries';
import { defOf } from './zod-def';

/** A field of the Decap config (the keys Decap reads, in its snake_case). */
export interface DecapField {
	name: string;
	label: string;
	widget: string;
	required: boolean;
	hint?: string;
	default?: unknown;
	/** Sub-fields of an `object`, or of a `list` of objects. */
	fields?: DecapField[];
	[option: string]: unknown;
}

export interface DecapCollection {
	name: string;
	label: string;
	label_singular: string;
	description: string;
	folder: string;
	create: true;
	extension: 'md';
	format: 'frontmatter';
	slug: string;
	media_folder: string;
	public_folder: string;
	identifier_field: string;
	summary: string;
	sortable_fields: string[];
	view_filters: Array<{ label: string; field: string; pattern: string | boolean }>;
	fields: DecapField[];
}

export interface DecapBackend {
	name: 'git-gateway' | 'github';
	branch: string;
	repo?: string;
	base_url?: string;
	auth_endpoint?: string;
	commit_messages?: Record<string, string>;
}

export interface DecapConfig {
	backend: DecapBackend;
	local_backend: boolean;
	publish_mode?: 'editorial_workflow';
	locale: 'fr';
	site_url: string;
	display_url: string;
	logo_url?: string;
	media_folder: string;
	public_folder: string;
	slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: string };
	collections: DecapCollection[];
}

export interface DecapOptions {
	/** Origin of the site (`SITE_URL`). Example: `"https://presse.example.org"`. */
	site: string;
	/** Base path with slashes (`"/"`, `"/presse/"`). */
	base: string;
	/** The content folder relative to the repository root (`RELAIS_CONTENT_DIR`). Default: `"content"`. */
	contentDir?: string;
	/** Time zone the schemas read naive dates in. Default: `"Europe/Paris"`. */
	timeZone?: string;
	/** Backend: `git-gateway` (Netlify Identity) by default, or `github` with `repo`. */
	backend?: { name?: 'git-gateway' | 'github'; repo?: string; branch?: string; baseUrl?: string; authEndpoint?: string };
	/** Drafts, review and publication as pull requests (`publish_mode: editorial_workflow`). Default: false. */
	editorialWorkflow?: boolean;
	/** Lets `npx decap-server` serve the local repository to `npm run dev`. Default: true. */
	localBackend?: boolean;
}

/** Helpers to instantiate the collection schemas outside Astro, tagged for the walk. */
export function schemaHelpers(timeZone = 'Europe/Paris'): SchemaHelpers {
	return {
		image: () => z.string().meta({ widget: 'image' }) as never,
		rencontre: z
			.string()
			.transform((id) => ({ id }))
			.meta({ widget: 'relation', collection: 'rencontres' }),
		timeZone,
	};
}

/** The three collections of the content contract, in the order of the menu. */
export const DECAP_COLLECTIONS = [
	{
		name: 'communiques',
		schema: pressReleaseSchema,
		label: 'Communiqués de presse',
		label_singular: 'Communiqué de presse',
		description: 'Les communiqués du service de presse.',
		identifier_field: 'title',
		summary: "{{title}} ({{date | date('DD/MM/YYYY')}})",
	},
	{
		name: 'rencontres',
		schema: meetingReportSchema,
		label: 'Rencontres',
		label_singular: 'Rencontre',
		description: 'Comptes rendus de rencontres et d’événements.',
		identifier_field: 'title',
		summary: "{{title}} ({{date | date('DD/MM/YYYY')}})",
	},
	{
		name: 'temoignages',
		schema: testimonialSchema,
		label: 'Témoignages',
		label_singular: 'Témoignage',
		description: 'La parole des dirigeantes et dirigeants d’entreprise.',
		identifier_field: 'name',
		summary: "{{name}} ({{date | date('DD/MM/YYYY')}})",
	},
] as const;

export type DecapCollectionName = (typeof DECAP_COLLECTIONS)[number]['name'];

/**
 * French label of every field, by path (`event.start`, `contacts.email`); a
 * path absent here falls back to its last segment (`name` → « Nom »), and the
 * unit test requires every field of every schema to find a label here.
 */
export const DECAP_LABELS: Readonly<Record<string, string>> = {
	date: 'Date de publication',
	updated: 'Mis à jour le',
	tags: 'Thèmes',
	draft: 'Brouillon',
	image: 'Image de couverture',
	'image.src': 'Fichier image',
	'image.alt': 'Texte alternatif',
	title: 'Titre',
	description: 'Chapô',
	reference: 'Référence',
	event: 'Événement',
	'event.start': 'Début',
	'event.end': 'Fin',
	'event.place': 'Lieu',
	'event.city': 'Ville',
	'event.address': 'Adresse',
	contacts: 'Contacts presse',
	'contacts.name': 'Nom',
	'contacts.role': 'Fonction',
	'contacts.email': 'Adresse e-mail',
	'contacts.phone': 'Téléphone',
	attachments: 'Fichiers (dossier de presse)',
	'attachments.file': 'Fichier',
	'attachments.title': 'Titre du fichier',
	photos: 'Photos pour la presse',
	'photos.file': 'Fichier photo',
	'photos.alt': 'Texte alternatif',
	'photos.credit': 'Crédit',
	'photos.caption': 'Légende',
	'photos.licence': 'Licence',
	organizers: 'Organisateurs',
	speakers: 'Intervenants',
	'speakers.name': 'Nom',
	'speakers.role': 'Fonction',
	'speakers.organisation': 'Organisation',
	figures: 'Chiffres clés',
	'figures.value': 'Nombre',
	'figures.label': 'Ce qu’il compte',
	name: 'Nom',
	role: 'Fonction',
	organisation: 'Organisation',
	rencontre: 'Rencontre liée',
	body: 'Texte',
};

/** « Ajouter un … » of the lists of objects. */
const DECAP_SINGULAR_LABELS: Readonly<Record<string, string>> = {
	contacts: 'contact',
	attachments: 'fichier',
	photos: 'photo',
	speakers: 'intervenant',
	figures: 'chiffre clé',
};

/** Labels per collection where the same path means something else (`temoignages.description`). */
const COLLECTION_LABELS: Readonly<Record<string, string>> = {
	'temoignages.title': 'Titre (facultatif)',
	'temoignages.description': 'Résumé (facultatif)',
	'temoignages.body': 'Témoignage',
};

/** French hints shown under the fields, by path. */
export const DECAP_HINTS: Readonly<Record<string, string>> = {
	date: 'Date et heure de publication, heure de Paris. Une date future programme la publication : l’entrée paraîtra à la première construction du site après cette date.',
	updated: 'Date de la dernière mise à jour, affichée sur la page. Laisser vide sinon.',
	tags: 'Un thème par ligne ou séparés par des virgules (exemple : industrie, RSE). Chaque thème a sa page et son flux.',
	draft: 'Un brouillon n’est jamais publié sur le site.',
	image: 'Facultative. Si vous ajoutez une image, le texte alternatif est obligatoire.',
	'image.src': 'L’image est enregistrée à côté de l’entrée.',
	'image.alt': 'Décrivez ce que montre l’image, pour les personnes qui ne la voient pas.',
	description: 'Une ou deux phrases : affiché dans les listes, les flux, les moteurs de recherche et les partages.',
	reference: 'La référence du service de presse, par exemple « 71.20 - PRESSE ».',
	event: 'Quand et où a lieu l’événement.',
	'event.start': 'Date, et heure si elle est connue (heure de Paris).',
	'event.end': 'Facultative : date, et heure, de fin.',
	'event.place': 'Par exemple « Pôle Mécanique d’Alès, salle Hospitality ».',
	'contacts.email': 'Affichée comme lien « mailto: ».',
	'contacts.phone': 'Tel qu’il doit s’afficher, par exemple « 04 66 00 00 00 ».',
	attachments: 'Dossier de presse, programme… Les fichiers sont enregistrés à côté de l’entrée ; leur type et leur taille sont affichés.',
	photos:
		'Photos proposées au téléchargement (original et format web), en JPEG, PNG ou WebP, enregistrées à côté de l’entrée. Chaque photo porte son crédit.',
	'photos.alt': 'Décrivez ce que montre la photo, pour les personnes qui ne la voient pas.',
	'photos.credit':
		'L’auteur ou l’ayant droit, affiché avec la photo (la loi impose de nommer l’auteur), par exemple « Alès Agglomération / J. Martin ».',
	'photos.caption': 'Facultative : ce que montre la photo, où et quand.',
	'photos.licence': 'Facultative : conditions d’utilisation ; la licence par défaut du site s’applique sinon.',
	organizers: 'Les réseaux ou organismes organisateurs, un par ligne ou séparés par des virgules.',
	'figures.value': 'Un nombre, par exemple 140.',
	'figures.label': 'Par exemple « entreprises ».',
	'temoignages.name': 'Qui parle : c’est le titre de la page.',
	'temoignages.role': 'Par exemple « Dirigeant ».',
	rencontre: 'La rencontre à laquelle ce témoignage se rattache ; la page du témoignage y renvoie.',
	'temoignages.title': 'Laisser vide : le titre est formé du nom et de l’organisation.',
	'temoignages.description': 'Laisser vide : le résumé est tiré du début du témoignage.',
	body: 'Le texte de l’entrée, en Markdown.',
	'temoignages.body': 'Le témoignage lui-même.',
};

/** Widgets the zod type cannot tell, by path. */
const PATH_WIDGETS: Readonly<Record<string, string>> = {
	description: 'text',
	'attachments.file': 'file',
};

/** Datetime options: the contract's `YYYY-MM-DDTHH:MM`, local (Paris) time, never converted to UTC. */
const DATETIME_OPTIONS = { format: 'YYYY-MM-DDTHH:mm', date_format: 'DD/MM/YYYY', time_format: 'HH:mm', picker_utc: false } as const;

/** A schema with its wrappers (optional, default, preprocess, transform) looked through. */
interface Unwrapped {
	core: z.ZodType;
	optional: boolean;
	defaultValue?: unknown;
	meta: Record<string, unknown>;
}

/** Looks through optional/default/pipe wrappers, gathering metadata (outer wins) and optionality. */
export function unwrap(schema: z.ZodType): Unwrapped {
	let current = schema;
	let optional = false;
	let defaultValue: unknown;
	let meta: Record<string, unknown> = {};
	for (;;) {
		meta = { ...(z.globalRegistry.get(current) ?? {}), ...meta };
		const def = defOf(current);
		if (['optional', 'nullable', 'default', 'prefault', 'catch'].includes(def.type) && def.innerType) {
			optional = true;
			if (def.type === 'default' && defaultValue === undefined) {
				const value = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
				defaultValue = value;
			}
			current = def.innerType;
		} else if (def.type === 'readonly' && def.innerType) {
			current = def.innerType;
		} else if (def.type === 'pipe' && def.in && def.out) {
			// `z.preprocess(fn, schema)` is a pipe from a transform: the schema is its output.
			// `schema.transform(fn)` is a pipe into a transform: the schema is its input.
			current = defOf(def.in).type === 'transform' ? def.out : def.in;
		} else {
			return { core: current, optional, defaultValue, meta };
		}
	}
}

/** The Decap widget of a zod type (after `unwrap`), with its options. */
function widgetOf(path: string, { core, meta }: Unwrapped): Record<string, unknown> & { widget: string } {
	if (typeof meta.widget === 'string') {
		if (meta.widget === 'datetime') return { widget: 'datetime', ...DATETIME_OPTIONS };
		if (meta.widget === 'relation') {
			return {
				widget: 'relation',
				collection: meta.collection,
				value_field: '{{slug}}',
				search_fields: ['title'],
				display_fields: ['title'],
			};
		}
		return { widget: meta.widget };
	}
	const byPath = PATH_WIDGETS[path];
	if (byPath) return { widget: byPath };
	const def = defOf(core);
	switch (def.type) {
		case 'string':
			return { widget: 'string' };
		case 'number': {
			const integer = def.format?.includes('int') || def.checks?.some((check) => check._zod?.def?.format?.includes('int'));
			return { widget: 'number', value_type: integer ? 'int' : 'float' };
		}
		case 'boolean':
			return { widget: 'boolean' };
		case 'date':
			return { widget: 'datetime', ...DATETIME_OPTIONS };
		case 'enum':
			return { widget: 'select', options: Object.values(def.entries ?? {}) };
		case 'union': {
			// `textOrNumber()`: text first, number accepted; the editor writes text.
			const first = def.options?.[0];
			return first ? widgetOf(path, unwrap(first)) : { widget: 'string' };
		}
		case 'array':
			return { widget: 'list' };
		case 'object':
			return { widget: 'object' };
		default:
			return { widget: 'string' };
	}
}

function labelOf(collection: string, path: string): string {
	const last = path.split('.').at(-1) ?? path;
	return COLLECTION_LABELS[`${collection}.${path}`] ?? DECAP_LABELS[path] ?? DECAP_LABELS[last] ?? last;
}

function hintOf(collection: string, path: string): string | undefined {
	return DECAP_HINTS[`${collection}.${path}`] ?? DECAP_HINTS[path];
}

/**
 * The Decap fields of a zod object, recursively. `within` is the label of an
 * optional object the fields belong to: Decap checks a required field even
 * when its optional parent is left empty, so such fields are `required: false`
 * in the editor, with a hint saying when they are needed (the build still
 * checks them). Items of a list are added on purpose: their fields keep the
 * schema's requirement.
 */
export function decapFields(collection: string, object: z.ZodType, prefix = '', within?: string): DecapField[] {
	const shape = (object as z.ZodObject).shape as Record<string, z.ZodType>;
	return Object.entries(shape).map(([name, child]) => decapField(collection, name, child, prefix, within));
}

function decapField(collection: string, name: string, schema: z.ZodType, prefix: string, within?: string): DecapField {
	const path = `${prefix}${name}`;
	const unwrapped = unwrap(schema);
	const { widget, ...options } = widgetOf(path, unwrapped);
	const label = labelOf(collection, path);
	const field: DecapField = { name, label, widget, required: !unwrapped.optional && !within, ...options };
	const hints = [hintOf(collection, path), within && !unwrapped.optional ? `Obligatoire pour renseigner « ${within} ».` : undefined];
	const hint = hints.filter(Boolean).join(' ');
	if (hint) field.hint = hint;
	if (isPlainDefault(unwrapped.defaultValue)) field.default = unwrapped.defaultValue;
	if (widget === 'datetime' && path === 'date') field.default = '{{now}}';
	const core = defOf(unwrapped.core);
	if (widget === 'object' && core.type === 'object') {
		field.fields = decapFields(collection, unwrapped.core, `${path}.`, field.required ? within : (within ?? label));
		field.collapsed = false;
	}
	if (widget === 'list' && core.type === 'array' && core.element) {
		const item = unwrap(core.element);
		if (defOf(item.core).type === 'object') {
			field.fields = decapFields(collection, item.core, `${path}.`);
			field.label_singular = DECAP_SINGULAR_LABELS[path] ?? labelOf(collection, path);
			const first = field.fields.find((sub) => sub.required)?.name ?? field.fields[0]?.name;
			if (first) field.summary = `{{fields.${first}}}`;
			field.collapsed = true;
		}
	}
	return field;
}

/** Defaults Decap can write: booleans, numbers, strings and empty lists. */
function isPlainDefault(value: unknown): boolean {
	return ['boolean', 'number', 'string'].includes(typeof value) || (Array.isArray(value) && value.length === 0);
}

/** `content/communiques`: a folder relative to the repository root, with forward slashes. */
function folderOf(contentDir: string, collection: string): string {
	const dir = contentDir
		.replace(/\\/g, '/')
		.replace(/^\.\/+/, '')
		.replace(/\/+$/, '');
	return dir ? `${dir}/${collection}` : collection;
}

/** The whole Decap config, generated from the schemas. */
export function decapConfig(options: DecapOptions): DecapConfig {
	const { site, contentDir = 'content', timeZone = 'Europe/Paris', editorialWorkflow = false, localBackend = true } = options;
	const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
	const siteUrl = new URL(base, new URL(site).origin).href;
	const helpers = schemaHelpers(timeZone);
	const backendName = options.backend?.name ?? 'git-gateway';
	if (backendName === 'github' && !options.backend?.repo) {
		throw new Error('DECAP_BACKEND=github : indiquez le dépôt dans DECAP_REPO (exemple : DECAP_REPO=organisation/salle-de-presse).');
	}
	const backend: DecapBackend = {
		name: backendName,
		branch: options.backend?.branch ?? 'main',
		...(backendName === 'github' && { repo: options.backend?.repo }),
		...(options.backend?.baseUrl && { base_url: options.backend.baseUrl }),
		...(options.backend?.authEndpoint && { auth_endpoint: options.backend.authEndpoint }),
		commit_messages: {
			create: 'Création de {{collection}} « {{slug}} »',
			update: 'Mise à jour de {{collection}} « {{slug}} »',
			delete: 'Suppression de {{collection}} « {{slug}} »',
			uploadMedia: 'Ajout du fichier « {{path}} »',
			deleteMedia: 'Suppression du fichier « {{path}} »',
		},
	};
	const collections = DECAP_COLLECTIONS.map((collection): DecapCollection => {
		const schema = collection.schema(helpers);
		return {
			name: collection.name,
			label: collection.label,
			label_singular: collection.label_singular,
			description: collection.description,
			folder: folderOf(contentDir, collection.name),
			create: true,
			extension: 'md',
			format: 'frontmatter',
			// `2020-09-17-titre.md`: the file name is the entry's id (and the relation's `{{slug}}`).
			slug: '{{year}}-{{month}}-{{day}}-{{slug}}',
			// Media beside the entry: relative to its file (`couverture.jpg` next to `2020-09-17-titre.md`,
			// or next to `index.md` for an entry kept in its own folder).
			media_folder: '',
			public_folder: '',
			identifier_field: collection.identifier_field,
			summary: collection.summary,
			sortable_fields: ['date', collection.identifier_field],
			view_filters: [
				{ label: 'Brouillons', field: 'draft', pattern: true },
				{ label: 'Publiés ou programmés', field: 'draft', pattern: false },
			],
			fields: [
				...decapFields(collection.name, schema),
				{
					name: 'body',
					label: labelOf(collection.name, 'body'),
					widget: 'markdown',
					required: collection.name === 'temoignages',
					hint: hintOf(collection.name, 'body'),
				},
			],
		};
	});
	return {
		backend,
		local_backend: localBackend,
		...(editorialWorkflow && { publish_mode: 'editorial_workflow' as const }),
		locale: 'fr',
		site_url: siteUrl,
		display_url: siteUrl,
		logo_url: new URL('favicon.svg', siteUrl).href,
		// Media of the global library only; every collection keeps its media beside the entry.
		media_folder: folderOf(contentDir, '_medias'),
		public_folder: '_medias',
		slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
		collections,
	};
}
