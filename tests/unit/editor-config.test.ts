/**
 * The web editor's config (src/editor/sveltia-config.ts, Decap's format read by Sveltia CMS) is generated from the collection
 * schemas: every field path of every collection (walked here independently,
 * as tests/unit/guide.test.ts does) is a field of the config, with a French
 * label of its own, the widget its type calls for and the `required` flag of
 * its optionality.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
	editorConfig,
	editorFields,
	editorBackend,
	editorBackendOrigins,
	schemaHelpers,
	type EditorField,
} from '../../src/editor/sveltia-config';
import { COLLECTION_REGISTRY, COLLECTIONS, FIELD_LABELS } from '../../src/content/collections';
import { pressReleaseSchema } from '../../src/content/schemas/entries';
import { fieldPaths } from '../helpers/schema-paths';

/** The config's fields flattened to paths, like `fieldPaths`. */
function configPaths(fields: EditorField[], prefix = '', found = new Map<string, EditorField>()): Map<string, EditorField> {
	for (const field of fields) {
		const path = `${prefix}${field.name}`;
		found.set(path, field);
		if (field.fields) configPaths(field.fields, `${path}.`, found);
	}
	return found;
}

const helpers = schemaHelpers('Europe/Paris');
const schemas = Object.fromEntries(COLLECTIONS.map((name) => [name, COLLECTION_REGISTRY[name].schema(helpers)]));
const config = editorConfig({ site: 'https://presse.example.org', base: '/presse/' });
const collection = (name: string) => {
	const found = config.collections.find((item) => item.name === name);
	if (!found) throw new Error(`no collection ${name}`);
	return { ...found, paths: configPaths(found.fields) };
};

describe('editorConfig', () => {
	it('has the collections of the contract, as folders of Markdown entries', () => {
		expect(config.collections.map((item) => item.name)).toEqual(['communiques', 'rencontres', 'temoignages', 'retombees']);
		for (const item of config.collections) {
			expect(item).toMatchObject({
				folder: `content/${item.name}`,
				create: true,
				extension: 'md',
				format: 'frontmatter',
				slug: '{{year}}-{{month}}-{{day}}-{{slug}}',
				media_folder: '',
				public_folder: '',
			});
			expect(item.label).toMatch(/\S/);
		}
	});

	for (const [name, schema] of Object.entries(schemas)) {
		describe(`« ${name} »`, () => {
			const expected = fieldPaths(schema);
			const { paths } = collection(name);

			it('lists every field of the schema, and only those (plus the body)', () => {
				expect(expected.size).toBeGreaterThan(5);
				expect([...expected.keys()].filter((path) => !paths.has(path))).toEqual([]);
				expect([...paths.keys()].filter((path) => !expected.has(path))).toEqual(['body']);
			});

			it('gives every field a French label of its own and a widget', () => {
				const unlabelled = [...expected.keys()].filter((path) => !FIELD_LABELS[path] && !FIELD_LABELS[path.split('.').at(-1)!]);
				expect(unlabelled, 'add these paths to FIELD_LABELS in src/content/collections.ts').toEqual([]);
				for (const [path, field] of paths) {
					expect(field.label.trim(), path).not.toBe('');
					expect(field.label, path).not.toBe(field.name);
					expect(field.widget, path).toMatch(/^[a-z]+$/);
				}
			});

			it('requires exactly the fields the schema requires', () => {
				for (const [path, required] of expected) expect(paths.get(path)?.required, path).toBe(required);
			});
		});
	}

	it('picks the widget of each kind of field', () => {
		const communiques = collection('communiques').paths;
		const rencontres = collection('rencontres').paths;
		const temoignages = collection('temoignages').paths;
		for (const paths of [communiques, rencontres, temoignages]) {
			expect(paths.get('date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm', picker_utc: false, required: true });
			expect(paths.get('updated')).toMatchObject({ widget: 'datetime', required: false });
			expect(paths.get('draft')).toMatchObject({ widget: 'boolean', required: false, default: false });
			expect(paths.get('tags')).toMatchObject({ widget: 'list', required: false });
			expect(paths.get('tags')?.fields).toBeUndefined();
			expect(paths.get('image')).toMatchObject({ widget: 'object', required: false });
			expect(paths.get('image.src')).toMatchObject({ widget: 'image' });
			expect(paths.get('image.alt')).toMatchObject({ widget: 'string' });
			expect(paths.get('body')).toMatchObject({ widget: 'markdown' });
		}
		expect(communiques.get('description')).toMatchObject({ widget: 'text', required: true });
		expect(communiques.get('title')).toMatchObject({ widget: 'string', required: true });
		expect(communiques.get('event.start')).toMatchObject({ widget: 'datetime' });
		expect(communiques.get('attachments')).toMatchObject({ widget: 'list', required: false });
		expect(communiques.get('attachments.file')).toMatchObject({ widget: 'file', required: true });
		expect(communiques.get('contacts.email')).toMatchObject({ widget: 'string', required: false });
		expect(rencontres.get('event')).toMatchObject({ widget: 'object', required: true });
		expect(rencontres.get('event.place')).toMatchObject({ widget: 'string', required: true });
		expect(rencontres.get('organizers')).toMatchObject({ widget: 'list' });
		expect(rencontres.get('figures.value')).toMatchObject({ widget: 'number', value_type: 'float', required: true });
		expect(temoignages.get('rencontre')).toMatchObject({
			widget: 'relation',
			collection: 'rencontres',
			value_field: '{{slug}}',
			search_fields: ['title'],
			display_fields: ['title'],
			required: false,
		});
		expect(temoignages.get('name')).toMatchObject({ widget: 'string', required: true });
		const retombees = collection('retombees');
		expect(retombees.paths.get('media')).toMatchObject({ widget: 'string', required: true, label: 'Média' });
		expect(retombees.paths.get('url')).toMatchObject({ widget: 'string', required: false });
		expect(retombees.paths.get('communique')).toMatchObject({ widget: 'relation', collection: 'communiques', required: false });
		expect(retombees.paths.get('body')).toMatchObject({ widget: 'markdown', required: false });
		expect(retombees).toMatchObject({
			label: 'Ils parlent de nous',
			identifier_field: 'title',
			sortable_fields: ['date', 'title', 'media'],
		});
		expect(temoignages.get('description')).toMatchObject({ widget: 'text', required: false });
	});

	it('hints in French, and says when a field of an optional object is needed', () => {
		const communiques = collection('communiques').paths;
		expect(communiques.get('date')?.hint).toMatch(/heure de Paris/);
		expect(communiques.get('event.place')).toMatchObject({ required: false, hint: expect.stringContaining('« Événement »') });
	});

	it('takes the site, the base, the content folder and the backend from its options', () => {
		expect(config).toMatchObject({
			backend: { name: 'github', branch: 'main' },
			site_url: 'https://presse.example.org/presse/',
			display_url: 'https://presse.example.org/presse/',
			logo_url: '/presse/favicon.svg',
			public_folder: '/_medias',
		});
		// Keys Sveltia CMS does not read.
		expect(config).not.toHaveProperty('local_backend');
		expect(config).not.toHaveProperty('locale');
		expect(config.backend).not.toHaveProperty('auth_type');
		expect(config.publish_mode).toBeUndefined();
		const github = editorConfig({
			site: 'https://presse.example.org/ignored',
			base: '/',
			contentDir: './site/contenu/',
			backend: { name: 'github', repo: 'relais/presse', branch: 'prod', baseUrl: 'https://auth.example.org/', authEndpoint: 'auth' },
			editorialWorkflow: true,
		});
		expect(github.backend).toMatchObject({
			name: 'github',
			repo: 'relais/presse',
			branch: 'prod',
			base_url: 'https://auth.example.org',
			auth_endpoint: 'auth',
		});
		expect(github.publish_mode).toBe('editorial_workflow');
		expect(github.site_url).toBe('https://presse.example.org/');
		expect(github.collections[0]?.folder).toBe('site/contenu/communiques');
	});
});

describe('editorBackend and editorBackendOrigins', () => {
	it('signs in to gitlab.com with PKCE, and lets the policy reach gitlab.com only', () => {
		const backend = editorBackend({ name: 'gitlab', repo: 'groupe/sous-groupe/presse', appId: 'abc123' });
		expect(backend).toMatchObject({ name: 'gitlab', repo: 'groupe/sous-groupe/presse', auth_type: 'pkce', app_id: 'abc123' });
		expect(backend).not.toHaveProperty('api_root');
		expect(editorBackendOrigins(backend)).toEqual({ connect: ['https://gitlab.com'], img: ['https://gitlab.com'] });
	});

	it('takes a self-hosted GitLab or Gitea/Forgejo from its API root, which is its OAuth server too', () => {
		const gitlab = editorBackend({ name: 'gitlab', repo: 'dsi/presse', apiRoot: 'https://gitlab.example.org/api/v4/', appId: 'abc' });
		expect(gitlab).toMatchObject({
			api_root: 'https://gitlab.example.org/api/v4',
			base_url: 'https://gitlab.example.org',
			auth_type: 'pkce',
		});
		const gitea = editorBackend({ name: 'gitea', repo: 'mairie/presse', apiRoot: 'https://forge.example.org/api/v1', appId: 'uuid-1' });
		expect(gitea).toMatchObject({
			name: 'gitea',
			api_root: 'https://forge.example.org/api/v1',
			base_url: 'https://forge.example.org',
			app_id: 'uuid-1',
		});
		// Gitea/Forgejo only know PKCE: the editor needs no `auth_type`.
		expect(gitea).not.toHaveProperty('auth_type');
		expect(editorBackendOrigins(gitea)).toEqual({ connect: ['https://forge.example.org'], img: ['https://forge.example.org'] });
	});

	it('sends GitHub through its OAuth relay, and allows the API, the relay and the avatars', () => {
		const backend = editorBackend({ name: 'github', repo: 'relais/presse', baseUrl: 'https://auth.example.org' });
		expect(backend).not.toHaveProperty('auth_type');
		expect(editorBackendOrigins(backend)).toEqual({
			connect: ['https://api.github.com', 'https://auth.example.org'],
			img: ['https://avatars.githubusercontent.com'],
		});
		expect(editorBackendOrigins(editorBackend({ name: 'github', repo: 'relais/presse' })).connect).toEqual(['https://api.github.com']);
	});
});

describe('editorFields', () => {
	it('follows a field added to a schema (the config is generated, not written)', () => {
		const extended = pressReleaseSchema(helpers).extend({
			embargo: z.boolean().optional(),
			partners: z.array(z.object({ name: z.string() })).optional(),
		});
		const fields = configPaths(editorFields('communiques', extended));
		expect(fields.get('embargo')).toMatchObject({ widget: 'boolean', required: false });
		expect(fields.get('partners')).toMatchObject({ widget: 'list', required: false });
		expect(fields.get('partners.name')).toMatchObject({ widget: 'string', required: true });
	});
});
