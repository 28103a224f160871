import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { settingsSchema, type SettingsInput, type SiteSettings } from '../schemas/settings';
import { formatIssues } from './errors';

/** Settings plus what comes from the environment of the build. */
export interface ResolvedSettings extends SiteSettings {
	/** Origin of the deployed site, from `SITE_URL`. Example: `"https://presse.example.org"`. */
	site: string;
	/** Base path, always with leading and trailing slash, from `BASE_PATH`. Example: `"/presse/"`. */
	base: string;
	/** The instant the build runs at; later entries are scheduled, not published. */
	buildTime: Date;
	/** Folder holding `communiques/`, `rencontres/`, `temoignages/`, from `RELAIS_CONTENT_DIR` (default `content/`). */
	contentDir: URL;
	/** When true (`RELAIS_PREVIEW=1` or `astro dev`), drafts and scheduled entries are shown, marked. */
	preview: boolean;
}

/** Validates the settings of `relais.config.ts`; a mistake stops the build naming the setting. */
export function defineSettings(input: SettingsInput): SiteSettings {
	const result = settingsSchema.safeParse(input);
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

/** Reads the build environment (SITE_URL, BASE_PATH, RELAIS_BUILD_TIME, RELAIS_CONTENT_DIR, RELAIS_PREVIEW). */
export function resolveSettings(settings: SiteSettings, env: Record<string, string | undefined> = process.env): ResolvedSettings {
	const site = (env.SITE_URL ?? 'http://localhost:4321').trim();
	let origin: string;
	try {
		origin = new URL(site).origin;
	} catch {
		throw new Error(`SITE_URL : « ${site} » n’est pas une adresse valide (exemple : https://presse.example.org).`);
	}
	const buildTime = env.RELAIS_BUILD_TIME ? new Date(env.RELAIS_BUILD_TIME) : new Date();
	if (Number.isNaN(buildTime.getTime())) {
		throw new Error(`RELAIS_BUILD_TIME : « ${env.RELAIS_BUILD_TIME} » n’est pas une date ISO 8601.`);
	}
	return {
		...settings,
		site: origin,
		base: normalizeBase(env.BASE_PATH),
		buildTime,
		contentDir: pathToFileURL(`${path.resolve(env.RELAIS_CONTENT_DIR ?? 'content')}/`),
		preview: env.RELAIS_PREVIEW === '1' || env.RELAIS_PREVIEW === 'true',
	};
}
