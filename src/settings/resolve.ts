/**
 * The settings of a build: `relais.config.ts` (validated by
 * `src/settings/schema.ts`) plus the environment, validated here, once.
 * `src/settings/settings.ts` reads the environment and hands the result to the
 * rest of the code and to the command-line tools. Every variable is in the
 * README's configuration table (tests/unit/settings.test.ts checks that none is
 * missing).
 *
 * Pure: the environment and the clock are parameters.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'astro/zod';
import { settingsSchema, type SettingsInput, type SiteSettings } from './schema';
import type { EditorOptions } from '../editor/sveltia-config';
import { formatIssues, frenchErrorMap } from '../text/error-map';

/** Settings plus what comes from the environment of the build. */
export interface ResolvedSettings extends SiteSettings {
	/** Language of `locale`, the pages' `<html lang>`: `"fr"`, as the content contract fixes it (the region goes to formats and feeds). */
	language: string;
	/** Origin of the deployed site, from `SITE_URL`. Example: `"https://presse.example.org"`. */
	site: string;
	/** Base path, always with leading and trailing slash, from `BASE_PATH`. Example: `"/presse/"`. */
	base: string;
	/** The instant the build runs at (`RELAIS_BUILD_TIME`, else when the process started); later entries are scheduled, not published. */
	buildTime: Date;
	/** Folder holding `communiques/`, `rencontres/`, `temoignages/`, from `RELAIS_CONTENT_DIR` (default `content/`). */
	contentDir: URL;
	/** `RELAIS_PREVIEW=1`: drafts and scheduled entries are built, marked. */
	preview: boolean;
	/** Social cards (`src/cards/integration.ts`, `src/cards/cards.data.ts`). */
	cards: {
		/** One card per entry (`RELAIS_CARDS`, default on); off, entries share the site card. */
		perEntry: boolean;
		/** Worker threads drawing cards (`RELAIS_CARDS_WORKERS`); default one per core. */
		workers?: number;
		/** Card cache folder, relative to the project root (`RELAIS_CARDS_CACHE`); default `node_modules/.cache/relais-cards`. */
		cacheDir?: string;
	};
	/** The web editor's backend (`CMS_*`), for `/admin/config.yml` and the policy of `/admin/`. */
	editor: Required<Pick<EditorOptions, 'backend' | 'editorialWorkflow'>>;
}

/** Validates the settings of `relais.config.ts`; a mistake stops the build naming the setting. */
export function defineSettings(input: SettingsInput): SiteSettings {
	const result = settingsSchema.safeParse(input, { error: frenchErrorMap });
	if (!result.success) {
		throw new Error(`relais.config.ts : réglages invalides.\n${formatIssues(result.error.issues)}`);
	}
	return result.data;
}

/** Normalises a base path to `/`, `/presse/`… whatever slashes the user typed. */
export function normalizeBase(raw: string | undefined): string {
	const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

const TRUE = ['1', 'true', 'on'];
const FALSE = ['0', 'false', 'off'];

/** An on/off switch: `1`, `true`, `on` or `0`, `false`, `off`, in any case. */
const flag = (fallback: boolean) =>
	z
		.string()
		.refine((value) => [...TRUE, ...FALSE].includes(value.toLowerCase()), { message: 'n’est pas reconnu (valeurs possibles : 1 ou 0)' })
		.transform((value) => TRUE.includes(value.toLowerCase()))
		.default(fallback);

const isHttpUrl = (value: string) => {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
};

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO 8601 instant with its zone, every field in range (`Date` alone would roll 30 February over). */
function isInstant(value: string): boolean {
	const match = INSTANT.exec(value);
	if (!match) return false;
	const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.slice(1).map((part) => Number(part ?? 0)) as [
		number,
		number,
		number,
		number,
		number,
		number,
		number,
		number,
	];
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return (
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysInMonth &&
		hour <= 23 &&
		minute <= 59 &&
		second <= 59 &&
		offsetHour <= 14 &&
		offsetMinute <= 59
	);
}

/** The environment variables read by the site build, each with an example for its error message. */
export const ENVIRONMENT = {
	SITE_URL: {
		example: 'https://presse.example.org',
		schema: z
			.string()
			.refine(isHttpUrl, { message: 'n’est pas une adresse valide' })
			.transform((value) => new URL(value).origin)
			.default('http://localhost:4321'),
	},
	BASE_PATH: {
		example: '/presse',
		schema: z
			.string()
			.refine(
				(value) =>
					normalizeBase(value)
						.split('/')
						.every((segment) => /^[\w.~-]*$/.test(segment) && segment !== '.' && segment !== '..'),
				{
					message: 'n’est pas un chemin d’adresse (lettres, chiffres, « - », « _ », « . », « ~ » et « / »)',
				},
			)
			.transform(normalizeBase)
			.default('/'),
	},
	RELAIS_BUILD_TIME: {
		example: '2026-03-01T12:00:00Z',
		schema: z
			.string()
			.refine(isInstant, { message: 'n’est pas un instant ISO 8601 avec son fuseau' })
			.transform((value) => new Date(value))
			.optional(),
	},
	RELAIS_CONTENT_DIR: {
		example: 'site/contenu',
		schema: z
			.string()
			.default('content')
			.transform((dir) => pathToFileURL(`${path.resolve(dir)}/`)),
	},
	RELAIS_PREVIEW: { example: '1', schema: flag(false) },
	RELAIS_CARDS: { example: 'off', schema: flag(true) },
	RELAIS_CARDS_WORKERS: {
		example: '2',
		schema: z
			.string()
			.regex(/^[1-9]\d{0,2}$/, { message: 'n’est pas un nombre de threads (un entier de 1 à 999)' })
			.transform(Number)
			.optional(),
	},
	RELAIS_CARDS_CACHE: { example: '/var/cache/relais-cards', schema: z.string().optional() },
	CMS_BACKEND: {
		example: 'gitlab',
		schema: z
			.enum(['github', 'gitlab', 'gitea'], { message: 'n’est pas pris en charge (valeurs possibles : github, gitlab, gitea)' })
			.default('github'),
	},
	CMS_REPO: {
		example: 'organisation/salle-de-presse',
		schema: z
			.string()
			// GitLab nests projects in groups and subgroups (`groupe/sous-groupe/projet`).
			.regex(/^[\w.-]+(?:\/[\w.-]+)+$/, { message: 'n’est pas un dépôt de la forme « propriétaire/nom »' })
			.optional(),
	},
	CMS_BRANCH: {
		example: 'main',
		schema: z
			.string()
			.refine((value) => !/[\s~^:?*[\\]|\.\./.test(value), { message: 'n’est pas un nom de branche git' })
			.default('main'),
	},
	CMS_API_ROOT: {
		example: 'https://gitlab.example.org/api/v4',
		schema: z.string().refine(isHttpUrl, { message: 'n’est pas une adresse valide' }).optional(),
	},
	CMS_BASE_URL: {
		example: 'https://auth.example.org',
		schema: z.string().refine(isHttpUrl, { message: 'n’est pas une adresse valide' }).optional(),
	},
	CMS_AUTH_ENDPOINT: {
		example: 'oauth/authorize',
		schema: z
			.string()
			.refine((value) => !/\s|:\/\//.test(value), { message: 'n’est pas un chemin (l’adresse du serveur va dans CMS_BASE_URL)' })
			.optional(),
	},
	CMS_APP_ID: {
		example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
		schema: z
			.string()
			.regex(/^[\w.-]+$/, { message: 'n’est pas un identifiant d’application OAuth' })
			.optional(),
	},
	CMS_EDITORIAL_WORKFLOW: { example: '1', schema: flag(false) },
} as const;

type VariableName = keyof typeof ENVIRONMENT;

const environmentSchema = z
	.object(
		Object.fromEntries(Object.entries(ENVIRONMENT).map(([name, variable]) => [name, variable.schema])) as {
			[Name in VariableName]: (typeof ENVIRONMENT)[Name]['schema'];
		},
	)
	.superRefine((env, context) => {
		if (env.CMS_APP_ID && env.CMS_BACKEND === 'github') {
			context.addIssue({
				code: 'custom',
				path: ['CMS_APP_ID'],
				message: 'GitHub n’accepte pas la connexion PKCE : laissez CMS_APP_ID vide et indiquez le relais OAuth dans CMS_BASE_URL',
			});
		}
	});

/**
 * Reads and validates the build environment. Blank variables count as unset
 * (CI services often define them empty); every mistake is reported at once,
 * each naming its variable with an example.
 * @param now the build time when `RELAIS_BUILD_TIME` is unset
 */
export function resolveSettings(settings: SiteSettings, env: Record<string, string | undefined>, now = new Date()): ResolvedSettings {
	const raw = Object.fromEntries(
		Object.keys(ENVIRONMENT).map((name) => [name, env[name]?.trim() ? env[name].trim() : undefined]),
	) as Record<VariableName, string | undefined>;
	// Decap CMS's variables (before Sveltia CMS): a deployment that still sets them would get a default backend silently.
	const outdated = Object.keys(env).filter((name) => name.startsWith('DECAP_') && env[name]?.trim());
	if (outdated.length > 0) {
		throw new Error(
			`Variables d’environnement invalides :\n${outdated.map((name) => `  - ${name} n’est plus lue : l’éditeur en ligne (Sveltia CMS) est réglé par les variables CMS_*, voir docs/web-editor.md.`).join('\n')}`,
		);
	}
	const result = environmentSchema.safeParse(raw, { error: frenchErrorMap });
	if (!result.success) {
		const lines = result.error.issues.map((issue) => {
			const name = String(issue.path[0]) as VariableName;
			const value = raw[name] === undefined ? '' : `« ${raw[name]} » `;
			return `  - ${name} : ${value}${issue.message} (exemple : ${name}=${ENVIRONMENT[name].example}).`;
		});
		throw new Error(`Variables d’environnement invalides :\n${lines.join('\n')}`);
	}
	const vars = result.data;
	return {
		...settings,
		language: new Intl.Locale(settings.locale).language,
		site: vars.SITE_URL,
		base: vars.BASE_PATH,
		buildTime: vars.RELAIS_BUILD_TIME ?? now,
		contentDir: vars.RELAIS_CONTENT_DIR,
		preview: vars.RELAIS_PREVIEW,
		cards: {
			perEntry: vars.RELAIS_CARDS,
			...(vars.RELAIS_CARDS_WORKERS !== undefined && { workers: vars.RELAIS_CARDS_WORKERS }),
			...(vars.RELAIS_CARDS_CACHE !== undefined && { cacheDir: vars.RELAIS_CARDS_CACHE }),
		},
		editor: {
			backend: {
				name: vars.CMS_BACKEND,
				branch: vars.CMS_BRANCH,
				...(vars.CMS_REPO && { repo: vars.CMS_REPO }),
				...(vars.CMS_API_ROOT && { apiRoot: vars.CMS_API_ROOT }),
				...(vars.CMS_BASE_URL && { baseUrl: vars.CMS_BASE_URL }),
				...(vars.CMS_AUTH_ENDPOINT && { authEndpoint: vars.CMS_AUTH_ENDPOINT }),
				...(vars.CMS_APP_ID && { appId: vars.CMS_APP_ID }),
			},
			editorialWorkflow: vars.CMS_EDITORIAL_WORKFLOW,
		},
	};
}

/** What the command-line tools read beyond the site's settings. */
export interface ToolSettings {
	/** Output folder, absolute: where `npm run build` writes and `npm run lighthouse` serves from (`RELAIS_OUT_DIR`, default `dist`). */
	outDir: string;
	/** Astro's cache folder, absolute (`RELAIS_CACHE_DIR`); unset, Astro's own `node_modules/.astro`. */
	cacheDir?: string;
	/** `npm run lighthouse`. */
	lighthouse: {
		/** Words searched on the search page audited (`LIGHTHOUSE_QUERY`, default `entreprises`). */
		query: string;
		/** Folder for each page's full report, absolute (`LIGHTHOUSE_JSON`); unset, none is written. */
		reportsDir?: string;
		/** The browser (`CHROME_PATH`, default Debian's `/usr/bin/chromium`). */
		chromePath: string;
	};
}

/** The environment variables the command-line tools read, documented in the README beside the site's. */
export const TOOL_ENVIRONMENT = ['RELAIS_OUT_DIR', 'RELAIS_CACHE_DIR', 'LIGHTHOUSE_QUERY', 'LIGHTHOUSE_JSON', 'CHROME_PATH'] as const;

/** The tools' settings; any value is valid, blank counts as unset, folders are relative to the working directory. */
export function resolveToolSettings(env: Record<string, string | undefined>): ToolSettings {
	const value = (name: (typeof TOOL_ENVIRONMENT)[number]) => env[name]?.trim() || undefined;
	const cacheDir = value('RELAIS_CACHE_DIR');
	const reportsDir = value('LIGHTHOUSE_JSON');
	return {
		outDir: path.resolve(value('RELAIS_OUT_DIR') ?? 'dist'),
		...(cacheDir && { cacheDir: path.resolve(cacheDir) }),
		lighthouse: {
			query: value('LIGHTHOUSE_QUERY') ?? 'entreprises',
			...(reportsDir && { reportsDir: path.resolve(reportsDir) }),
			chromePath: value('CHROME_PATH') ?? '/usr/bin/chromium',
		},
	};
}
