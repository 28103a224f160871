/**
 * The build environment, read once by src/settings/resolve.ts: for every variable
 * its default, a valid value and an invalid one with its exact French message;
 * and the `locale` setting of relais.config.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineSettings, ENVIRONMENT, resolveSettings, resolveToolSettings, TOOL_ENVIRONMENT } from '../../src/settings/resolve';

const site = defineSettings({ name: 'Relais', description: 'Salle de presse' });
const NOW = new Date('2026-03-01T12:00:00Z');
const resolve = (env: Record<string, string | undefined> = {}) => resolveSettings(site, env, NOW);
const defaults = resolve();

/** The message of the error `env` raises. */
function failure(env: Record<string, string>): string {
	try {
		resolve(env);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`no error for ${JSON.stringify(env)}`);
}
const invalid = (...lines: string[]) => `Variables d’environnement invalides :\n${lines.map((line) => `  - ${line}`).join('\n')}`;

describe('SITE_URL', () => {
	it('defaults to the local preview server', () => expect(defaults.site).toBe('http://localhost:4321'));
	it('keeps the origin of an http(s) address', () => {
		expect(resolve({ SITE_URL: 'https://presse.example.org/' }).site).toBe('https://presse.example.org');
		expect(resolve({ SITE_URL: ' http://a.example:8080 ' }).site).toBe('http://a.example:8080');
	});
	it('rejects anything else', () => {
		expect(failure({ SITE_URL: 'presse.example.org' })).toBe(
			invalid('SITE_URL : « presse.example.org » n’est pas une adresse valide (exemple : SITE_URL=https://presse.example.org).'),
		);
		expect(failure({ SITE_URL: 'mailto:presse@example.org' })).toMatch(/^Variables.*\n {2}- SITE_URL : « mailto:presse@example\.org »/);
	});
});

describe('BASE_PATH', () => {
	it('defaults to the root', () => expect(defaults.base).toBe('/'));
	it('is normalised with leading and trailing slashes', () => {
		expect(resolve({ BASE_PATH: 'presse' }).base).toBe('/presse/');
		expect(resolve({ BASE_PATH: '/salle-de-presse/2026/' }).base).toBe('/salle-de-presse/2026/');
	});
	it('rejects what is not a path', () => {
		expect(failure({ BASE_PATH: '/salle de presse' })).toBe(
			invalid(
				'BASE_PATH : « /salle de presse » n’est pas un chemin d’adresse (lettres, chiffres, « - », « _ », « . », « ~ » et « / ») (exemple : BASE_PATH=/presse).',
			),
		);
		expect(failure({ BASE_PATH: '../presse' })).toContain('BASE_PATH : « ../presse »');
	});
});

describe('RELAIS_BUILD_TIME', () => {
	it('defaults to the clock given by the caller', () => expect(defaults.buildTime).toBe(NOW));
	it('reads an ISO 8601 instant with its zone', () => {
		expect(resolve({ RELAIS_BUILD_TIME: '2026-03-01T13:07+01:00' }).buildTime.toISOString()).toBe('2026-03-01T12:07:00.000Z');
		expect(resolve({ RELAIS_BUILD_TIME: '2026-03-01T12:00:00.250Z' }).buildTime.toISOString()).toBe('2026-03-01T12:00:00.250Z');
	});
	it('rejects a time without zone (it would depend on the machine’s) and impossible dates', () => {
		expect(failure({ RELAIS_BUILD_TIME: '2026-03-01T12:00' })).toBe(
			invalid(
				'RELAIS_BUILD_TIME : « 2026-03-01T12:00 » n’est pas un instant ISO 8601 avec son fuseau (exemple : RELAIS_BUILD_TIME=2026-03-01T12:00:00Z).',
			),
		);
		expect(failure({ RELAIS_BUILD_TIME: '2026-02-30T12:00:00Z' })).toContain('« 2026-02-30T12:00:00Z » n’est pas un instant');
		expect(failure({ RELAIS_BUILD_TIME: 'demain' })).toContain('« demain » n’est pas un instant');
	});
});

describe('the settings module (src/settings/settings.ts)', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
	});

	it('gives every evaluation in one process the same build time, without writing the environment', async () => {
		// Astro evaluates the module several times in one build: an entry scheduled for "now" must be in or out of every output alike.
		vi.stubEnv('RELAIS_BUILD_TIME', '');
		const first = (await import('../../src/settings/settings')).settings.buildTime;
		vi.resetModules();
		await sleep(20);
		const second = (await import('../../src/settings/settings')).settings.buildTime;
		expect(second.getTime()).toBe(first.getTime());
		expect(first.getTime()).toBeLessThanOrEqual(Date.now());
		expect(process.env.RELAIS_BUILD_TIME).toBe('');
	});

	it('reads RELAIS_BUILD_TIME and the tools’ variables from the environment', async () => {
		vi.stubEnv('RELAIS_BUILD_TIME', '2026-03-01T12:00:00Z');
		vi.stubEnv('RELAIS_OUT_DIR', 'sortie');
		const { settings, tools } = await import('../../src/settings/settings');
		expect(settings.buildTime.toISOString()).toBe('2026-03-01T12:00:00.000Z');
		expect(tools.outDir).toBe(path.resolve('sortie'));
	});
});

describe('RELAIS_CONTENT_DIR', () => {
	it('defaults to content/ in the working directory', () => {
		expect(defaults.contentDir.href).toBe(pathToFileURL(`${path.resolve('content')}/`).href);
	});
	it('takes any folder, relative to the working directory or absolute (no value is invalid)', () => {
		expect(resolve({ RELAIS_CONTENT_DIR: 'site/contenu' }).contentDir.href).toBe(pathToFileURL(`${path.resolve('site/contenu')}/`).href);
		expect(resolve({ RELAIS_CONTENT_DIR: '/srv/presse/contenu' }).contentDir.href).toBe('file:///srv/presse/contenu/');
	});
});

describe('switches: RELAIS_PREVIEW, RELAIS_CARDS, CMS_EDITORIAL_WORKFLOW', () => {
	it('have their defaults', () => {
		expect(defaults.preview).toBe(false);
		expect(defaults.cards.perEntry).toBe(true);
		expect(defaults.editor.editorialWorkflow).toBe(false);
	});
	it('read 1, true, on and 0, false, off in any case', () => {
		expect(resolve({ RELAIS_PREVIEW: '1' }).preview).toBe(true);
		expect(resolve({ RELAIS_PREVIEW: 'TRUE' }).preview).toBe(true);
		expect(resolve({ RELAIS_PREVIEW: '0' }).preview).toBe(false);
		expect(resolve({ RELAIS_CARDS: 'off' }).cards.perEntry).toBe(false);
		expect(resolve({ RELAIS_CARDS: 'On' }).cards.perEntry).toBe(true);
		expect(resolve({ CMS_EDITORIAL_WORKFLOW: '1' }).editor.editorialWorkflow).toBe(true);
	});
	it('reject anything else', () => {
		const message = (name: string, value: string, example: string) =>
			invalid(`${name} : « ${value} » n’est pas reconnu (valeurs possibles : 1 ou 0) (exemple : ${name}=${example}).`);
		expect(failure({ RELAIS_PREVIEW: 'oui' })).toBe(message('RELAIS_PREVIEW', 'oui', '1'));
		expect(failure({ RELAIS_CARDS: 'aucune' })).toBe(message('RELAIS_CARDS', 'aucune', 'off'));
		expect(failure({ CMS_EDITORIAL_WORKFLOW: 'pr' })).toBe(message('CMS_EDITORIAL_WORKFLOW', 'pr', '1'));
	});
});

describe('RELAIS_CARDS_WORKERS', () => {
	it('defaults to none (one thread per core)', () => expect(defaults.cards.workers).toBeUndefined());
	it('reads a thread count', () => expect(resolve({ RELAIS_CARDS_WORKERS: '2' }).cards.workers).toBe(2));
	it('rejects zero, fractions and words', () => {
		expect(failure({ RELAIS_CARDS_WORKERS: '0' })).toBe(
			invalid('RELAIS_CARDS_WORKERS : « 0 » n’est pas un nombre de threads (un entier de 1 à 999) (exemple : RELAIS_CARDS_WORKERS=2).'),
		);
		expect(failure({ RELAIS_CARDS_WORKERS: '1.5' })).toContain('« 1.5 » n’est pas un nombre de threads');
		expect(failure({ RELAIS_CARDS_WORKERS: 'deux' })).toContain('« deux » n’est pas un nombre de threads');
	});
});

describe('RELAIS_CARDS_CACHE', () => {
	it('defaults to none (the cards integration’s node_modules/.cache/relais-cards)', () => expect(defaults.cards.cacheDir).toBeUndefined());
	it('takes any folder (no value is invalid)', () => {
		expect(resolve({ RELAIS_CARDS_CACHE: '/var/cache/relais-cards' }).cards.cacheDir).toBe('/var/cache/relais-cards');
	});
});

describe('CMS_BACKEND, CMS_REPO, CMS_BRANCH, CMS_API_ROOT, CMS_BASE_URL, CMS_AUTH_ENDPOINT, CMS_APP_ID', () => {
	it('default to GitHub on main, no repository', () => {
		expect(defaults.editor.backend).toEqual({ name: 'github', branch: 'main' });
	});
	it('read a GitHub backend with its OAuth relay', () => {
		const { editor } = resolve({
			CMS_REPO: 'relais/salle-de-presse',
			CMS_BRANCH: 'prod',
			CMS_BASE_URL: 'https://auth.example.org',
			CMS_AUTH_ENDPOINT: 'api/auth',
		});
		expect(editor.backend).toEqual({
			name: 'github',
			repo: 'relais/salle-de-presse',
			branch: 'prod',
			baseUrl: 'https://auth.example.org',
			authEndpoint: 'api/auth',
		});
	});
	it('read a self-hosted GitLab (nested groups) or Gitea with a PKCE application', () => {
		expect(
			resolve({
				CMS_BACKEND: 'gitlab',
				CMS_REPO: 'dsi/web/presse',
				CMS_API_ROOT: 'https://gitlab.example.org/api/v4',
				CMS_APP_ID: 'abc123',
			}).editor.backend,
		).toEqual({ name: 'gitlab', repo: 'dsi/web/presse', branch: 'main', apiRoot: 'https://gitlab.example.org/api/v4', appId: 'abc123' });
		expect(resolve({ CMS_BACKEND: 'gitea', CMS_REPO: 'mairie/presse' }).editor.backend).toMatchObject({ name: 'gitea' });
	});
	it('reject each invalid value with its own message', () => {
		expect(failure({ CMS_BACKEND: 'git-gateway' })).toBe(
			invalid(
				'CMS_BACKEND : « git-gateway » n’est pas pris en charge (valeurs possibles : github, gitlab, gitea) (exemple : CMS_BACKEND=gitlab).',
			),
		);
		expect(failure({ CMS_REPO: 'salle-de-presse' })).toBe(
			invalid(
				'CMS_REPO : « salle-de-presse » n’est pas un dépôt de la forme « propriétaire/nom » (exemple : CMS_REPO=organisation/salle-de-presse).',
			),
		);
		expect(failure({ CMS_BRANCH: 'ma branche' })).toBe(
			invalid('CMS_BRANCH : « ma branche » n’est pas un nom de branche git (exemple : CMS_BRANCH=main).'),
		);
		expect(failure({ CMS_API_ROOT: 'gitlab.example.org' })).toBe(
			invalid(
				'CMS_API_ROOT : « gitlab.example.org » n’est pas une adresse valide (exemple : CMS_API_ROOT=https://gitlab.example.org/api/v4).',
			),
		);
		expect(failure({ CMS_BASE_URL: 'auth.example.org' })).toBe(
			invalid('CMS_BASE_URL : « auth.example.org » n’est pas une adresse valide (exemple : CMS_BASE_URL=https://auth.example.org).'),
		);
		expect(failure({ CMS_AUTH_ENDPOINT: 'https://auth.example.org/api/auth' })).toBe(
			invalid(
				'CMS_AUTH_ENDPOINT : « https://auth.example.org/api/auth » n’est pas un chemin (l’adresse du serveur va dans CMS_BASE_URL) (exemple : CMS_AUTH_ENDPOINT=oauth/authorize).',
			),
		);
	});
	it('refuse a PKCE application with GitHub, which does not offer it', () => {
		expect(failure({ CMS_REPO: 'relais/presse', CMS_APP_ID: 'abc123' })).toBe(
			invalid(
				'CMS_APP_ID : « abc123 » GitHub n’accepte pas la connexion PKCE : laissez CMS_APP_ID vide et indiquez le relais OAuth dans CMS_BASE_URL (exemple : CMS_APP_ID=a1b2c3d4-e5f6-7890-abcd-ef1234567890).',
			),
		);
	});
	it('stop on the former DECAP_* variables, naming the new ones', () => {
		expect(failure({ DECAP_BACKEND: 'git-gateway' })).toBe(
			invalid(
				'DECAP_BACKEND n’est plus lue : l’éditeur en ligne (Sveltia CMS) est réglé par les variables CMS_*, voir docs/web-editor.md.',
			),
		);
	});
});

describe('the environment as a whole', () => {
	it('treats blank variables as unset (CI services often define them empty)', () => {
		const blank = resolve(Object.fromEntries(Object.keys(ENVIRONMENT).map((name) => [name, ' '])));
		expect(blank).toEqual(defaults);
	});

	it('reports every mistake at once', () => {
		expect(failure({ SITE_URL: 'x', RELAIS_CARDS_WORKERS: '0' })).toBe(
			invalid(
				'SITE_URL : « x » n’est pas une adresse valide (exemple : SITE_URL=https://presse.example.org).',
				'RELAIS_CARDS_WORKERS : « 0 » n’est pas un nombre de threads (un entier de 1 à 999) (exemple : RELAIS_CARDS_WORKERS=2).',
			),
		);
	});

	it('is documented in the README configuration table, every variable', () => {
		const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
		const documented = new Set([...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]));
		expect([...Object.keys(ENVIRONMENT), ...TOOL_ENVIRONMENT].filter((name) => !documented.has(name))).toEqual([]);
	});

	it('no longer knows RELAIS_DEV_SERVER: only Astro’s command tells a dev server (src/relais.ts)', () => {
		expect(Object.keys(ENVIRONMENT)).not.toContain('RELAIS_DEV_SERVER');
		expect(resolve({ RELAIS_DEV_SERVER: '1' })).toEqual(defaults);
	});
});

describe('the command-line tools’ variables', () => {
	it('have their defaults, folders made absolute from the working directory', () => {
		expect(resolveToolSettings({})).toEqual({
			outDir: path.resolve('dist'),
			lighthouse: { query: 'entreprises', chromePath: '/usr/bin/chromium' },
		});
	});
	it('read each variable, blank counting as unset', () => {
		expect(
			resolveToolSettings({
				RELAIS_OUT_DIR: 'public-site',
				RELAIS_CACHE_DIR: '/tmp/relais-cache',
				LIGHTHOUSE_QUERY: 'usine',
				LIGHTHOUSE_JSON: 'rapports',
				CHROME_PATH: '/usr/bin/chromium-browser',
			}),
		).toEqual({
			outDir: path.resolve('public-site'),
			cacheDir: '/tmp/relais-cache',
			lighthouse: { query: 'usine', reportsDir: path.resolve('rapports'), chromePath: '/usr/bin/chromium-browser' },
		});
		expect(resolveToolSettings(Object.fromEntries(TOOL_ENVIRONMENT.map((name) => [name, ' '])))).toEqual(resolveToolSettings({}));
	});
});

describe('locale (relais.config.ts)', () => {
	const locale = (value?: string) =>
		defineSettings({ name: 'Relais', description: 'Salle de presse', ...(value && { locale: value }) }).locale;

	it('gives the pages their language, fr, whatever the region (the content contract fixes <html lang="fr">)', () => {
		expect(resolveSettings(defineSettings({ name: 'Relais', description: 'Salle de presse', locale: 'fr-BE' }), {}, NOW).language).toBe(
			'fr',
		);
	});

	it('defaults to fr-FR and takes any French locale, canonicalised', () => {
		expect(locale()).toBe('fr-FR');
		expect(locale('fr-BE')).toBe('fr-BE');
		expect(locale('fr-ch')).toBe('fr-CH');
	});

	it('rejects a locale that is not French (every text of the interface is) or not BCP 47', () => {
		const message =
			'relais.config.ts : réglages invalides.\n  - le champ « locale » : locale BCP 47 française attendue (exemple : « fr-FR », « fr-BE », « fr-CH »)';
		expect(() => locale('en-US')).toThrow(message);
		expect(() => locale('fr_FR')).toThrow(message);
	});
});

describe('websub (relais.config.ts)', () => {
	const hubs = (value?: unknown) =>
		defineSettings({ name: 'Relais', description: 'Salle de presse', ...(value !== undefined && { websub: { hubs: value as string[] } }) })
			.websub.hubs;

	it('announces no hub by default', () => {
		expect(hubs()).toEqual([]);
	});

	it('takes http(s) hub addresses', () => {
		expect(hubs(['https://pubsubhubbub.appspot.com/', 'https://pubsubhubbub.superfeedr.com/'])).toEqual([
			'https://pubsubhubbub.appspot.com/',
			'https://pubsubhubbub.superfeedr.com/',
		]);
	});

	it('rejects anything else, naming the setting', () => {
		expect(() => hubs(['pubsubhubbub.appspot.com'])).toThrow(
			'relais.config.ts : réglages invalides.\n  - le champ « websub.hubs[0] » : adresse de hub invalide (exemple : « https://pubsubhubbub.appspot.com/ »)',
		);
		expect(() => hubs(['ftp://hub.example.org/'])).toThrow(/adresse de hub invalide/);
	});
});
