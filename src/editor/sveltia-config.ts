/**
 * The web editor's configuration (`/admin/config.yml`), generated from the
 * registry of collections (src/content/collections.ts): the schemas are
 * instantiated with stand-in helpers and walked field by field, so a field
 * added to a schema appears in the web editor. What the zod type cannot say
 * comes from metadata (`.meta({ widget })`: dates of src/content/schemas/fields.ts,
 * the image and reference helpers below) or from the field's path
 * (`description` → long text, `attachments.file` → file). Labels and hints
 * are French, from the registry's tables (tests/unit/editor-config.test.ts fails
 * when a field has no label).
 *
 * The format is Decap CMS's, which Sveltia CMS (the editor the site serves,
 * docs/web-editor.md) reads, so its keys and widgets keep Decap's names.
 * Pure: no Astro import; src/pages/admin/config.yml.ts feeds it the settings.
 */
import { z } from 'astro/zod';
import { collectionSpec, COLLECTIONS, FIELD_HINTS, FIELD_ITEM_LABELS, FIELD_LABELS, isCollectionName } from '../content/collections';
import type { SchemaHelpers } from '../content/schemas/entries';
import { defOf } from '../content/schemas/zod-def';

/** A field of the config (the keys the editor reads, in Decap's snake_case). */
export interface EditorField {
	name: string;
	label: string;
	widget: string;
	required: boolean;
	hint?: string;
	default?: unknown;
	/** Sub-fields of an `object`, or of a `list` of objects. */
	fields?: EditorField[];
	[option: string]: unknown;
}

export interface EditorCollection {
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
	fields: EditorField[];
}

/** The git hosts the editor commits to. */
export type EditorBackendName = 'github' | 'gitlab' | 'gitea';

export interface EditorBackend {
	name: EditorBackendName;
	branch: string;
	repo?: string;
	/** REST API of a self-hosted GitLab or Gitea/Forgejo (`https://gitlab.example.org/api/v4`). */
	api_root?: string;
	/** Origin of the OAuth server: GitHub's relay, or the GitLab/Gitea host itself. */
	base_url?: string;
	auth_endpoint?: string;
	/** `pkce`: sign-in with no server of one's own (GitLab; Gitea/Forgejo always use it). */
	auth_type?: 'pkce';
	/** OAuth application id registered on the host (PKCE). */
	app_id?: string;
	commit_messages?: Record<string, string>;
}

export interface EditorConfig {
	backend: EditorBackend;
	publish_mode?: 'editorial_workflow';
	site_url: string;
	display_url: string;
	logo_url?: string;
	media_folder: string;
	public_folder: string;
	slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: string };
	collections: EditorCollection[];
}

/** Where the editor commits (`CMS_*` variables, src/settings/resolve.ts). */
export interface EditorBackendOptions {
	/** The git host. Default: `"github"`. */
	name?: EditorBackendName;
	/** `owner/name` (GitLab: `group/subgroup/project`). Sveltia refuses to start without it. Example: `"organisation/salle-de-presse"`. */
	repo?: string;
	/** Branch the editor commits to. Default: `"main"`. */
	branch?: string;
	/** API root of a self-hosted GitLab (`…/api/v4`) or Gitea/Forgejo (`…/api/v1`). Default: the public host's. */
	apiRoot?: string;
	/** Origin of the OAuth server. Default: the host's own (GitLab, Gitea), none for GitHub (sign-in by token only). */
	baseUrl?: string;
	/** Path of the OAuth endpoint on `baseUrl`. Default: the editor's for the host. */
	authEndpoint?: string;
	/** OAuth application id for PKCE sign-in (GitLab, Gitea/Forgejo). Example: `"a1b2c3d4-…"`. */
	appId?: string;
}

export interface EditorOptions {
	/** Origin of the site (`SITE_URL`). Example: `"https://presse.example.org"`. */
	site: string;
	/** Base path with slashes (`"/"`, `"/presse/"`). */
	base: string;
	/** The content folder relative to the repository root (`RELAIS_CONTENT_DIR`). Default: `"content"`. */
	contentDir?: string;
	/** Time zone the schemas read naive dates in. Default: `"Europe/Paris"`. */
	timeZone?: string;
	/** Backend. Default: GitHub, branch `main`. */
	backend?: EditorBackendOptions;
	/** Drafts, review and publication as pull requests (`publish_mode: editorial_workflow`). Default: false. */
	editorialWorkflow?: boolean;
}

/** Helpers to instantiate the collection schemas outside Astro, tagged for the walk. */
export function schemaHelpers(timeZone = 'Europe/Paris'): SchemaHelpers {
	return {
		image: () => z.string().meta({ widget: 'image' }) as never,
		reference: (collection) =>
			z
				.string()
				.transform((id) => ({ id }))
				.meta({ widget: 'relation', collection }),
		timeZone,
	};
}

/** Widgets the zod type cannot tell, by path. */
const PATH_WIDGETS: Readonly<Record<string, string>> = {
	description: 'text',
	'attachments.file': 'file',
};

/** Datetime options: the contract's `YYYY-MM-DDTHH:MM`, wall-clock time as typed (the schemas read it in the site's zone), never converted to UTC. */
const DATETIME_OPTIONS = { format: 'YYYY-MM-DDTHH:mm', date_format: 'DD/MM/YYYY', time_format: 'HH:mm', picker_utc: false } as const;

/** A schema with its wrappers (optional, default, preprocess, transform) looked through. */
interface Unwrapped {
	core: z.ZodType;
	optional: boolean;
	defaultValue?: unknown;
	meta: Record<string, unknown>;
}

/** Looks through optional/default/pipe wrappers, gathering metadata (outer wins) and optionality. */
function unwrap(schema: z.ZodType): Unwrapped {
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

/** The editor widget of a zod type (after `unwrap`), with its options. */
function widgetOf(path: string, { core, meta }: Unwrapped): Record<string, unknown> & { widget: string } {
	if (typeof meta.widget === 'string') {
		if (meta.widget === 'datetime') return { widget: 'datetime', ...DATETIME_OPTIONS };
		if (meta.widget === 'relation') {
			// An entry is found by the field that names it: `name` for a testimonial (`translationOf`).
			const named =
				typeof meta.collection === 'string' && isCollectionName(meta.collection)
					? collectionSpec(meta.collection).editor.identifierField
					: 'title';
			return {
				widget: 'relation',
				collection: meta.collection,
				value_field: '{{slug}}',
				search_fields: [named],
				display_fields: [named],
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
	return FIELD_LABELS[`${collection}.${path}`] ?? FIELD_LABELS[path] ?? FIELD_LABELS[last] ?? last;
}

function hintOf(collection: string, path: string): string | undefined {
	return FIELD_HINTS[`${collection}.${path}`] ?? FIELD_HINTS[path];
}

/**
 * The editor fields of a zod object, recursively. `within` is the label of an
 * optional object the fields belong to: Decap checks a required field even
 * when its optional parent is left empty, so such fields are `required: false`
 * in the editor, with a hint saying when they are needed (the build still
 * checks them). Items of a list are added on purpose: their fields keep the
 * schema's requirement.
 */
export function editorFields(collection: string, object: z.ZodType, prefix = '', within?: string): EditorField[] {
	const shape = (object as z.ZodObject).shape as Record<string, z.ZodType>;
	return Object.entries(shape).map(([name, child]) => editorField(collection, name, child, prefix, within));
}

function editorField(collection: string, name: string, schema: z.ZodType, prefix: string, within?: string): EditorField {
	const path = `${prefix}${name}`;
	const unwrapped = unwrap(schema);
	const { widget, ...options } = widgetOf(path, unwrapped);
	const label = labelOf(collection, path);
	const field: EditorField = { name, label, widget, required: !unwrapped.optional && !within, ...options };
	const hints = [hintOf(collection, path), within && !unwrapped.optional ? `Obligatoire pour renseigner « ${within} ».` : undefined];
	const hint = hints.filter(Boolean).join(' ');
	if (hint) field.hint = hint;
	if (isPlainDefault(unwrapped.defaultValue)) field.default = unwrapped.defaultValue;
	if (widget === 'datetime' && path === 'date') field.default = '{{now}}';
	const core = defOf(unwrapped.core);
	if (widget === 'object' && core.type === 'object') {
		field.fields = editorFields(collection, unwrapped.core, `${path}.`, field.required ? within : (within ?? label));
		field.collapsed = false;
	}
	if (widget === 'list' && core.type === 'array' && core.element) {
		const item = unwrap(core.element);
		if (defOf(item.core).type === 'object') {
			field.fields = editorFields(collection, item.core, `${path}.`);
			field.label_singular = FIELD_ITEM_LABELS[path] ?? labelOf(collection, path);
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

/** The whole editor config, generated from the schemas. */
export function editorConfig(options: EditorOptions): EditorConfig {
	const { site, contentDir = 'content', timeZone = 'Europe/Paris', editorialWorkflow = false } = options;
	const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
	const siteUrl = new URL(base, new URL(site).origin).href;
	const helpers = schemaHelpers(timeZone);
	const backend = editorBackend(options.backend);
	const collections = COLLECTIONS.map((name): EditorCollection => {
		const { schema, labels, editor } = collectionSpec(name);
		return {
			name,
			label: labels.plural,
			label_singular: labels.singular,
			description: editor.description,
			folder: folderOf(contentDir, name),
			create: true,
			extension: 'md',
			format: 'frontmatter',
			// `2020-09-17-titre.md`: the file name is the entry's id (and the relation's `{{slug}}`).
			slug: '{{year}}-{{month}}-{{day}}-{{slug}}',
			// Media beside the entry: relative to its file (`couverture.jpg` next to `2020-09-17-titre.md`,
			// or next to `index.md` for an entry kept in its own folder).
			media_folder: '',
			public_folder: '',
			identifier_field: editor.identifierField,
			summary: editor.summary,
			sortable_fields: ['date', ...(editor.sortableFields ?? [editor.identifierField])],
			view_filters: [
				{ label: 'Brouillons', field: 'draft', pattern: true },
				{ label: 'Publiés ou programmés', field: 'draft', pattern: false },
			],
			fields: [
				...editorFields(name, schema(helpers)),
				{
					name: 'body',
					label: labelOf(name, 'body'),
					widget: 'markdown',
					required: editor.bodyRequired ?? false,
					hint: hintOf(name, 'body'),
				},
			],
		};
	});
	return {
		backend,
		...(editorialWorkflow && { publish_mode: 'editorial_workflow' as const }),
		site_url: siteUrl,
		display_url: siteUrl,
		// A path, not a URL: the same site whatever origin serves it (a preview, a test server).
		logo_url: `${base}favicon.svg`,
		// Media of the global library only; every collection keeps its media beside the entry.
		// (Sveltia wants an absolute public path here.)
		media_folder: folderOf(contentDir, '_medias'),
		public_folder: '/_medias',
		slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
		collections,
	};
}

/** The public hosts' APIs, which the editor uses when no `api_root` is given (GitLab's and Gitea's origins are their OAuth servers too). */
const PUBLIC_APIS: Readonly<Record<EditorBackendName, string>> = {
	github: 'https://api.github.com',
	gitlab: 'https://gitlab.com/api/v4',
	gitea: 'https://gitea.com/api/v1',
};

/**
 * The `backend` block. GitLab signs in with PKCE when an application id is
 * given (no server of one's own); Gitea/Forgejo always do; GitHub cannot, so
 * it needs an OAuth relay (`base_url`) or a personal access token.
 * A self-hosted GitLab or Gitea/Forgejo is named by its API root; its
 * origin is then the OAuth server too.
 */
export function editorBackend(options: EditorBackendOptions = {}): EditorBackend {
	const name = options.name ?? 'github';
	const selfHostedOrigin = options.apiRoot && name !== 'github' ? new URL(options.apiRoot).origin : undefined;
	const baseUrl = options.baseUrl ?? selfHostedOrigin;
	return {
		name,
		branch: options.branch ?? 'main',
		...(options.repo && { repo: options.repo }),
		...(options.apiRoot && { api_root: options.apiRoot.replace(/\/+$/, '') }),
		...(baseUrl && { base_url: new URL(baseUrl).origin }),
		...(options.authEndpoint && { auth_endpoint: options.authEndpoint }),
		...(name === 'gitlab' && options.appId && { auth_type: 'pkce' as const }),
		...(options.appId && name !== 'github' && { app_id: options.appId }),
		commit_messages: {
			create: 'Création de {{collection}} « {{slug}} »',
			update: 'Mise à jour de {{collection}} « {{slug}} »',
			delete: 'Suppression de {{collection}} « {{slug}} »',
			uploadMedia: 'Ajout du fichier « {{path}} »',
			deleteMedia: 'Suppression du fichier « {{path}} »',
		},
	};
}

/**
 * Origins the editor talks to for a backend, for the policy of `/admin/`
 * (src/site/security-headers.ts): its API, its OAuth server, and for GitHub
 * the avatars of signed-in authors.
 */
export function editorBackendOrigins(backend: EditorBackend): { connect: string[]; img: string[] } {
	const api = new URL(backend.api_root ?? PUBLIC_APIS[backend.name]).origin;
	const connect = [...new Set([api, ...(backend.base_url ? [backend.base_url] : [])])];
	const img = backend.name === 'github' && !backend.api_root ? ['https://avatars.githubusercontent.com'] : [api];
	return { connect, img };
}
