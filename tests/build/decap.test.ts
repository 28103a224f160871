/**
 * The web editor in a real build of the sample content, under
 * `BASE_PATH=/presse` with the GitHub backend: `/presse/admin/config.yml`
 * parses and has the four collections and the backend of the environment;
 * `/presse/admin/` is Decap's shell (French, noindex, not in the sitemap),
 * loading only files of the site under the base; Decap and the chunks it
 * loads are in the build, never in public/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSite, listFiles, projectRoot, type BuildResult } from '../helpers/build';

const ORIGIN = 'https://presse.example.org';
const BASE = '/presse/';

let site: BuildResult;
let files: string[];
const read = (file: string) => readFileSync(path.join(site.outDir, file), 'utf8');

beforeAll(() => {
	site = buildSite({
		fixture: path.join(projectRoot, 'content'),
		env: { BASE_PATH: BASE, DECAP_BACKEND: 'github', DECAP_REPO: 'relais/salle-de-presse', DECAP_BRANCH: 'prod' },
	});
	if (!site.ok) throw new Error(`build failed:\n${site.output}`);
	files = listFiles(site.outDir).map((file) => file.split(path.sep).join('/'));
});

describe('/admin/ (Decap CMS)', () => {
	it('serves a config.yml generated from the schemas, with the backend of the environment', () => {
		const config = parseYaml(read('admin/config.yml')) as {
			backend: { name: string; repo: string; branch: string };
			locale: string;
			site_url: string;
			local_backend: boolean;
			collections: Array<{ name: string; folder: string; fields: Array<{ name: string; widget: string }> }>;
		};
		expect(config.backend).toMatchObject({ name: 'github', repo: 'relais/salle-de-presse', branch: 'prod' });
		expect(config).toMatchObject({ locale: 'fr', site_url: `${ORIGIN}${BASE}`, local_backend: true });
		expect(config.collections.map((collection) => collection.name)).toEqual(['communiques', 'rencontres', 'temoignages', 'retombees']);
		for (const collection of config.collections) {
			expect(collection.folder).toBe(`content/${collection.name}`);
			expect(collection.fields.find((field) => field.name === 'date')?.widget).toBe('datetime');
		}
	});

	it('is a French, noindex shell that loads only files of the site, under the base', () => {
		const page = parse(read('admin/index.html'));
		expect(page.querySelector('html')?.getAttribute('lang')).toBe('fr');
		expect(page.querySelector('title')?.text).toMatch(/\S/);
		expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
		const references = [
			...page.querySelectorAll('script[src]').map((element) => element.getAttribute('src')!),
			...page.querySelectorAll('link[href]').map((element) => element.getAttribute('href')!),
		];
		const scripts = page.querySelectorAll('script[src]').map((element) => element.getAttribute('src'));
		expect(scripts).toEqual([`${BASE}admin/config-url.js`, `${BASE}admin/decap-cms.js`]);
		for (const reference of references) {
			const url = new URL(reference, `${ORIGIN}${BASE}admin/`);
			expect(url.origin, reference).toBe(ORIGIN);
			expect(url.pathname.startsWith(BASE), reference).toBe(true);
		}
		expect(read('admin/config-url.js')).toContain(`"${BASE}admin/config.yml"`);
	});

	it('ships Decap and the chunks it loads from beside itself, without source maps', () => {
		expect(statSync(path.join(site.outDir, 'admin/decap-cms.js')).size).toBeGreaterThan(1_000_000);
		expect(read('admin/decap-cms.js')).not.toMatch(/sourceMappingURL/);
		expect(files.filter((file) => /^admin\/\d+\.decap-cms\.js$/.test(file)).length).toBeGreaterThan(10);
		expect(files.filter((file) => /^admin\/[0-9a-f]+\.wasm$/.test(file)).length).toBeGreaterThan(0);
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
