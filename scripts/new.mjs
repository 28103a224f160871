#!/usr/bin/env node
/**
 * `npm run new -- communique "Titre du communiqué"`: creates a new entry from
 * `templates/<type>.md`, as a draft dated now, ready to be filled in.
 *
 *   npm run new -- communique "Visite du directeur du programme"
 *   npm run new -- rencontre "Soirée de lancement" --date 2021-11-24
 *   npm run new -- temoignage "Pierre Bonnefoy"
 *
 * The content folder and the time zone come from the settings
 * (src/settings/settings.ts): an entry is dated now on the site's wall clock,
 * as the content contract reads its dates.
 *
 * Node ESM run through `tsx` (`npm run new`), so that the entry types come
 * from the registry of collections (src/content/collections.ts); the logic
 * lives in exported functions (`planEntry` is pure) for the unit tests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import slugify from '@sindresorhus/slugify';
import { COLLECTION_REGISTRY, COLLECTIONS } from '../src/content/collections.ts';
import { settings } from '../src/settings/settings.ts';

/** @typedef {import('../src/content/collections.ts').CollectionName} Collection */
/** @typedef {Pick<import('../src/settings/resolve.ts').ResolvedSettings, 'contentDir' | 'timeZone'>} EntrySettings */

/**
 * What an author may type (the template's name: `communique`) → collection folder,
 * template name and whether the entry is named by a title or by a person's name.
 * Singular, plural, with or without accents: authors should not have to guess.
 * @type {Record<string, { collection: Collection, template: string, namedBy: string }>}
 */
const ENTRY_TYPES = Object.fromEntries(
	COLLECTIONS.map((collection) => {
		const { template, editor } = COLLECTION_REGISTRY[collection];
		return [template, { collection, template, namedBy: editor.identifierField }];
	}),
);

/** Slugs longer than this are cut at a word boundary (readable URLs). */
const SLUG_MAX = 80;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Error with a French message meant for the author, and an exit code. */
export class EntryError extends Error {
	/**
	 * @param {string} message French, shown as is.
	 * @param {number} [exitCode]
	 */
	constructor(message, exitCode = 1) {
		super(message);
		this.name = 'EntryError';
		this.exitCode = exitCode;
	}
}

/**
 * `communique`, `Communiqués`, `témoignage` → the entry type key.
 * @param {string} value
 * @returns {string | undefined}
 */
function entryType(value) {
	const key = value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/s$/, '');
	return Object.hasOwn(ENTRY_TYPES, key) ? key : undefined;
}

/**
 * Wall-clock date and time of `now` in `timeZone`.
 * @param {Date} now
 * @param {string} timeZone
 * @returns {{ day: string, time: string }} `2025-06-10`, `14:32`
 */
function localDateTime(now, timeZone) {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(now);
	/** @param {string} type */
	const get = (type) => parts.find((part) => part.type === type)?.value ?? '';
	return { day: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/**
 * Whether `value` is a real calendar date written `AAAA-MM-JJ`.
 * @param {string} value
 */
function isCalendarDate(value) {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const probe = new Date(Date.UTC(year, month - 1, day));
	return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * French slug without accents: `Visite d’Alès & co` → `visite-d-ales-et-co`,
 * at most 80 characters, cut at a word boundary.
 * @param {string} title
 */
export function entrySlug(title) {
	const slug = slugify(title, {
		lowercase: true,
		decamelize: false,
		customReplacements: [
			['&', ' et '],
			['€', ' euros '],
			['%', ' pour cent '],
			['œ', 'oe'],
			['Œ', 'oe'],
		],
	});
	if (slug.length <= SLUG_MAX) return slug;
	const cut = slug.slice(0, SLUG_MAX + 1);
	const boundary = cut.lastIndexOf('-');
	return (boundary > 20 ? cut.slice(0, boundary) : slug.slice(0, SLUG_MAX)).replace(/-+$/, '');
}

/**
 * A YAML double-quoted scalar: JSON string syntax is valid YAML, so any
 * title (quotes, colons, `#`, « ») stays text.
 * @param {string} value
 */
function yamlString(value) {
	return JSON.stringify(value);
}

/**
 * Fills `{{title}}`, `{{name}}`, `{{date}}`, `{{eventStart}}` in a template.
 * An unknown placeholder is an error, so a broken template never ships.
 * @param {string} template
 * @param {Record<string, string>} values already YAML-ready
 */
export function fillTemplate(template, values) {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => {
		if (!Object.hasOwn(values, key)) throw new EntryError(`Modèle invalide : la variable « {{${key}}} » est inconnue.`);
		return values[key];
	});
}

/**
 * @typedef {object} EntryRequest
 * @property {string} type `communique`, `rencontre`… (a key of `ENTRY_TYPES`; accents and plural accepted).
 * @property {string} title The title, or the person's name for a testimonial.
 * @property {string} [date] `AAAA-MM-JJ`; default: today in the site's time zone, and the entry's date is now.
 * @property {Date} [now] Default: the current time.
 * @property {string} [timeZone] Default: the site's (`settings.timeZone`).
 */

/**
 * @typedef {object} EntryPlan
 * @property {Collection} collection
 * @property {string} template Template name, `templates/<template>.md`.
 * @property {string} fileName `2025-06-10-slug.md`
 * @property {string} relativePath `communiques/2025-06-10-slug.md` (relative to the content folder)
 * @property {Record<string, string>} values Template values, YAML-ready.
 */

/**
 * Pure: what to create for a request (no file access). Throws `EntryError`.
 * @param {EntryRequest} request
 * @returns {EntryPlan}
 */
export function planEntry({ type, title, date, now = new Date(), timeZone = settings.timeZone }) {
	const key = entryType(type ?? '');
	if (!key) {
		throw new EntryError(`Type d’entrée inconnu : « ${type ?? ''} ». Types possibles : ${Object.keys(ENTRY_TYPES).join(', ')}.`);
	}
	const cleanTitle = (title ?? '').replace(/\s+/g, ' ').trim();
	const { collection, template, namedBy } = ENTRY_TYPES[key];
	if (!cleanTitle) {
		throw new EntryError(
			namedBy === 'name'
				? `Indiquez le nom de la personne, par exemple : npm run new -- ${key} "Pierre Bonnefoy"`
				: `Indiquez le titre, par exemple : npm run new -- ${key} "Titre de l’entrée"`,
		);
	}
	if (date !== undefined && !isCalendarDate(date)) {
		throw new EntryError(`Date invalide : « ${date} ». Format attendu : AAAA-MM-JJ, par exemple 2021-11-24.`);
	}
	const slug = entrySlug(cleanTitle);
	if (!slug) throw new EntryError(`Impossible de tirer un nom de fichier du titre « ${cleanTitle} » : ajoutez des lettres.`);

	const local = localDateTime(now, timeZone);
	const day = date ?? local.day;
	const fileName = `${day}-${slug}.md`;
	return {
		collection,
		template,
		fileName,
		relativePath: `${collection}/${fileName}`,
		values: {
			title: yamlString(cleanTitle),
			name: yamlString(cleanTitle),
			// Without --date the entry is dated now (the site's wall clock, as the contract reads it);
			// with --date, that day.
			date: date ?? `${local.day}T${local.time}`,
			eventStart: day,
		},
	};
}

/**
 * @typedef {object} CreateOptions
 * @property {string} [contentDir] Default: the site's (`settings.contentDir`: `RELAIS_CONTENT_DIR` or `content`).
 * @property {string} [templatesDir] Default: the repository's `templates/`.
 * @property {string} [cwd] Base for the printed path. Default: the working directory.
 */

/**
 * Creates the entry file; never overwrites (throws `EntryError`, exit code 1).
 * @param {EntryRequest & CreateOptions} options
 * @returns {{ file: string, relativeFile: string, plan: EntryPlan }}
 */
export function createEntry(options) {
	const plan = planEntry(options);
	const cwd = options.cwd ?? process.cwd();
	const contentDir = path.resolve(cwd, options.contentDir ?? fileURLToPath(settings.contentDir));
	const templatesDir = options.templatesDir ?? path.join(ROOT, 'templates');
	const template = readFileSync(path.join(templatesDir, `${plan.template}.md`), 'utf8');
	const text = fillTemplate(template, plan.values);
	const file = path.join(contentDir, plan.collection, plan.fileName);
	const relativeFile = path.relative(cwd, file) || file;
	// The same id as a folder entry (`<slug>/index.md`) would clash too.
	const folderEntry = ['index.md', 'index.mdx'].map((name) => path.join(file.replace(/\.md$/, ''), name));
	for (const existing of [file.replace(/\.md$/, '.mdx'), ...folderEntry]) {
		if (existsSync(existing)) {
			throw new EntryError(
				`Une entrée avec ce nom existe déjà : ${path.relative(cwd, existing)}. Rien n’a été créé. Choisissez un autre titre ou une autre date (--date AAAA-MM-JJ).`,
			);
		}
	}
	mkdirSync(path.dirname(file), { recursive: true });
	try {
		// `wx`: fail if the file exists, atomically (no check-then-write race).
		writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') {
			throw new EntryError(
				`Le fichier existe déjà : ${relativeFile}. Il n’a pas été modifié. Choisissez un autre titre ou une autre date (--date AAAA-MM-JJ).`,
			);
		}
		throw error;
	}
	return { file, relativeFile, plan };
}

/**
 * `communique "Titre" --date 2021-11-24` → request fields. Throws `EntryError`.
 * @param {string[]} argv arguments after the script name
 * @returns {{ type: string, title: string, date?: string, help?: boolean }}
 */
export function parseArguments(argv) {
	const { values, positionals } = readCommandLine(argv);
	if (values.help) return { type: '', title: '', help: true };
	const [type = '', ...words] = positionals;
	return { type, title: words.join(' '), ...(values.date !== undefined && { date: values.date }) };
}

const OPTIONS = /** @type {const} */ ({ date: { type: 'string' }, help: { type: 'boolean', short: 'h' } });

/**
 * `node:util`'s parser, its errors said in French.
 * @param {string[]} argv
 */
function readCommandLine(argv) {
	try {
		return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
	} catch (error) {
		const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
			throw new EntryError(`Option inconnue : ${/'([^']+)'/.exec(message)?.[1] ?? message}. Seule l’option --date AAAA-MM-JJ existe.`);
		}
		// `--date` last, or followed by another option.
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new EntryError('Il manque la date après --date (format AAAA-MM-JJ).');
		throw error;
	}
}

export const USAGE = `Créer une entrée :
${Object.values(ENTRY_TYPES)
	.map(({ template, namedBy }) => `  npm run new -- ${template} "${namedBy === 'name' ? 'Prénom Nom' : 'Titre'}"`)
	.join('\n')}
Option : --date AAAA-MM-JJ (par défaut : aujourd’hui).`;

/** French next steps, printed after the path. */
const NEXT_STEPS = `Étapes suivantes :
  1. Ouvrez le fichier et remplacez chaque « À compléter » ; les commentaires (#) expliquent chaque champ.
  2. Vérifiez avec : npm run check   — prévisualisez avec : npm run dev
  3. Quand l’entrée est prête, passez « draft: true » à « draft: false ».
Guide : docs/guide-redaction.md`;

/**
 * The command line: returns the exit code.
 * @param {string[]} argv
 * @param {EntrySettings} [site] Default: the site's settings.
 * @returns {number}
 */
export function main(argv, site = settings) {
	try {
		const request = parseArguments(argv);
		if (request.help || !request.type) {
			console.log(USAGE);
			return request.help ? 0 : 1;
		}
		const { relativeFile } = createEntry({ ...request, timeZone: site.timeZone, contentDir: fileURLToPath(site.contentDir) });
		console.log(`Entrée créée : ${relativeFile}\n\n${NEXT_STEPS}`);
		return 0;
	} catch (error) {
		if (error instanceof EntryError) {
			console.error(`Erreur : ${error.message}`);
			return error.exitCode;
		}
		throw error;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	process.exitCode = main(process.argv.slice(2));
}
