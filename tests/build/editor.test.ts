/**
 * The web editor in a real build of the sample content, under
 * `BASE_PATH=/presse` with a self-hosted GitLab backend: `/presse/admin/config.yml`
 * parses and has the four collections and the backend of the environment;
 * `/presse/admin/` is Sveltia CMS's shell (French, noindex, not in the
 * sitemap, with its own policy naming the git host), loading only files of
 * the site under the base; Sveltia, its fonts and its French strings are in
 * the build, never in public/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { editorPolicy } from '../../src/site/security-headers';
import { buildSite, listFiles, projectRoot, type BuildResult } from '../helpers/build';

const ORIGIN = 'https://presse.example.org';
const BASE = '/presse/';

let site: BuildResult;
let files: string[];
const read = (file: string) => readFileSync(path.join(site.outDir, file), 'utf8');

beforeAll(() => {
	site = buildSite({
		fixture: path.join(projectRoot, 'content'),
		env: {
			BASE_PATH: BASE,
			CMS_BACKEND: 'gitlab',
			CMS_REPO: 'dsi/relais/salle-de-presse',
			CMS_BRANCH: 'prod',
			CMS_API_ROOT: 'https://gitlab.example.org/api/v4',
			CMS_APP_ID: 'abc123',
		},
	});
	if (!site.ok) throw new Error(`build failed:\n${site.output}`);
	files = listFiles(site.outDir).map((file) => file.split(path.sep).join('/'));
});

describe('/admin/ (Sveltia CMS)', () => {
	it('serves a config.yml generated from the schemas, with the backend of the environment', () => {
		const config = parseYaml(read('admin/config.yml')) as {
			backend: Record<string, string>;
			site_url: string;
			collections: Array<{ name: string; folder: string; fields: Array<{ name: string; widget: string }> }>;
		};
		expect(config.backend).toMatchObject({
			name: 'gitlab',
			repo: 'dsi/relais/salle-de-presse',
			branch: 'prod',
			api_root: 'https://gitlab.example.org/api/v4',
			base_url: 'https://gitlab.example.org',
			auth_type: 'pkce',
			app_id: 'abc123',
		});
		expect(config).toMatchObject({ site_url: `${ORIGIN}${BASE}` });
		expect(config.collections.map((collection) => collection.name)).toEqual(['communiques', 'rencontres', 'temoignages', 'retombees']);
		for (const collection of config.collections) {
			expect(collection.folder).toBe(`content/${collection.name}`);
			expect(collection.fields.find((field) => field.name === 'date')?.widget).toBe('datetime');
		}
	});

	it('is a French, noindex shell that loads only files of the site, under the base', () => {
		const page = parse(read('admin/index.html'));
		expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
			editorPolicy({ connect: ['https://gitlab.example.org'], img: ['https://gitlab.example.org'] }),
		);
		expect(page.querySelector('html')?.getAttribute('lang')).toBe('fr');
		expect(page.querySelector('title')?.text).toMatch(/\S/);
		expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
		const references = [
			...page.querySelectorAll('script[src]').map((element) => element.getAttribute('src')!),
			...page.querySelectorAll('link[href]').map((element) => element.getAttribute('href')!),
		];
		const scripts = page.querySelectorAll('script[src]').map((element) => element.getAttribute('src'));
		expect(scripts).toEqual([`${BASE}admin/config-url.js`, `${BASE}admin/sveltia-cms.js`]);
		for (const reference of references) {
			const url = new URL(reference, `${ORIGIN}${BASE}admin/`);
			expect(url.origin, reference).toBe(ORIGIN);
			expect(url.pathname.startsWith(BASE), reference).toBe(true);
		}
		expect(read('admin/config-url.js')).toContain(`"${BASE}admin/config.yml"`);
	});

	it('ships Sveltia, its fonts and its interface strings, pointed at the site, without source maps', () => {
		expect(statSync(path.join(site.outDir, 'admin/sveltia-cms.js')).size).toBeGreaterThan(1_000_000);
		const script = read('admin/sveltia-cms.js');
		expect(script).not.toMatch(/sourceMappingURL|cdn\.jsdelivr\.net|https:\/\/unpkg\.com\/@sveltia\/cms/);
		expect(script).toContain(`${BASE}admin/fonts/`);
		for (const match of script.matchAll(/\/presse\/admin\/(fonts\/[\w-]+\.woff2)/g)) expect(files, match[1]).toContain(`admin/${match[1]}`);
		expect(JSON.parse(read('admin/locales/fr.json'))).toMatchObject({ save: 'Enregistrer' });
		expect(JSON.parse(read('admin/sveltia-cms/package.json'))).toMatchObject({
			name: '@sveltia/cms',
			version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
		});
		expect(files.some((file) => file.endsWith('.map'))).toBe(false);
		expect(existsSync(path.join(projectRoot, 'public/admin'))).toBe(false);
	});

	it('is left out of the sitemap and of the search index', () => {
		const sitemaps = files.filter((file) => /^sitemap-\d+\.xml$/.test(file));
		expect(sitemaps.length).toBeGreaterThan(0);
		for (const file of sitemaps) expect(read(file)).not.toContain('/admin');
		expect(read('admin/index.html')).not.toContain('data-pagefind-body');
	});
});
