/**
 * `npm run new`: file names, refusal to overwrite, and templates that
 * validate as generated against the real collection schemas.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'astro/zod';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { createEntry, entrySlug, EntryError, main, parseArguments, planEntry } from '../../scripts/new.mjs';
import { COLLECTION_REGISTRY, COLLECTIONS } from '../../src/content/collections';
import { publicationStatus } from '../../src/content/publishing';
import type { SchemaHelpers } from '../../src/content/schemas/entries';
import { defineSettings, resolveSettings } from '../../src/settings/resolve';

const helpers = { image: () => z.string(), reference: () => z.string(), timeZone: 'Europe/Paris' } as unknown as SchemaHelpers;
const SCHEMAS = Object.fromEntries(COLLECTIONS.map((name) => [name, COLLECTION_REGISTRY[name].schema(helpers)])) as {
	[Name in keyof typeof COLLECTION_REGISTRY]: ReturnType<(typeof COLLECTION_REGISTRY)[Name]['schema']>;
};

// 23:30 UTC on 31 December is already 1 January in Paris: the file name must say so.
const NOW = new Date('2024-12-31T23:30:00Z');

let contentDir: string;
beforeEach(() => {
	contentDir = mkdtempSync(path.join(tmpdir(), 'relais-new-'));
});
afterEach(() => {
	rmSync(contentDir, { recursive: true, force: true });
	vi.restoreAllMocks();
});

/** Frontmatter of a generated file, parsed as YAML. */
function frontmatter(file: string): Record<string, unknown> {
	const text = readFileSync(file, 'utf8');
	const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
	expect(match, 'frontmatter block').not.toBeNull();
	return parse(match?.[1] ?? '') as Record<string, unknown>;
}

describe('file name', () => {
	it('is the Paris date and a French slug without accents', () => {
		const plan = planEntry({ type: 'communique', title: 'Visite du directeur à Alès : « Territoires d’industrie »', now: NOW });
		expect(plan.relativePath).toBe('communiques/2025-01-01-visite-du-directeur-a-ales-territoires-d-industrie.md');
	});

	it('uses --date for the name, and the person’s name for a testimonial', () => {
		const plan = planEntry({ type: 'témoignages', title: 'Annick Le Lan', date: '2020-02-21', now: NOW });
		expect(plan.relativePath).toBe('temoignages/2020-02-21-annick-le-lan.md');
	});

	it('keeps slugs readable', () => {
		expect(entrySlug('L’Œuvre & co : 100 %')).toBe('l-oeuvre-et-co-100-pour-cent');
		const long = entrySlug('Un titre vraiment très long '.repeat(10));
		expect(long.length).toBeLessThanOrEqual(80);
		expect(long).not.toMatch(/-$/);
	});

	it('rejects unknown types, empty titles and impossible dates in French', () => {
		expect(() => planEntry({ type: 'article', title: 'x' })).toThrow(/Type d’entrée inconnu/);
		expect(() => planEntry({ type: 'communique', title: '  ' })).toThrow(/Indiquez le titre/);
		expect(() => planEntry({ type: 'rencontre', title: 'x', date: '2021-02-30' })).toThrow(/Date invalide/);
		expect(() => planEntry({ type: 'rencontre', title: 'x', date: '21/11/2021' })).toThrow(EntryError);
	});
});

describe('arguments', () => {
	it('joins the title words and reads --date in both spellings', () => {
		expect(parseArguments(['communique', 'Titre', 'en', 'mots', '--date', '2021-11-24'])).toEqual({
			type: 'communique',
			title: 'Titre en mots',
			date: '2021-11-24',
		});
		expect(parseArguments(['rencontre', '--date=2021-11-24', 'Soirée'])).toMatchObject({ date: '2021-11-24', title: 'Soirée' });
		expect(parseArguments(['-h'])).toMatchObject({ help: true });
	});

	it('refuses unknown options and a --date without its value, in French', () => {
		expect(() => parseArguments(['rencontre', 'x', '--force'])).toThrow(
			'Option inconnue : --force. Seule l’option --date AAAA-MM-JJ existe.',
		);
		expect(() => parseArguments(['rencontre', 'x', '--date'])).toThrow('Il manque la date après --date (format AAAA-MM-JJ).');
		expect(() => parseArguments(['rencontre', 'x', '--date', '--help'])).toThrow('Il manque la date après --date');
	});
});

describe('creating entries', () => {
	const cases = [
		{ type: 'communique', title: 'Visite d’Alès : « 15000 » entreprises #1', collection: 'communiques' },
		{ type: 'rencontre', title: 'Soirée de lancement RSE', collection: 'rencontres' },
		{ type: 'temoignage', title: 'Pierre Bonnefoy', collection: 'temoignages' },
		{ type: 'retombee', title: 'Huit patrons lozériens se forment à la RSE', collection: 'retombees' },
	] as const;

	for (const { type, title, collection } of cases) {
		it(`${type}: the generated file validates as is, as a draft dated now`, () => {
			const { file } = createEntry({ type, title, now: NOW, contentDir, cwd: contentDir });
			expect(path.relative(contentDir, file)).toMatch(new RegExp(`^${collection}/2025-01-01-[a-z0-9-]+\\.md$`));
			const data = frontmatter(file);
			const result = SCHEMAS[collection].safeParse(data);
			expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
			expect(data.draft).toBe(true);
			// 00:30 in Paris: the wall-clock time, no offset, as the contract reads it.
			expect(data.date).toBe('2025-01-01T00:30');
			expect(data[type === 'temoignage' ? 'name' : 'title']).toBe(title);
			if (type === 'communique' || type === 'rencontre') expect(data.description).toBe('À compléter');
			if (type === 'retombee') expect(data).toMatchObject({ media: 'À compléter', tags: [] });
			expect(readFileSync(file, 'utf8')).toMatch(/\n---\n\nÀ compléter/);
		});
	}

	it('rencontre: the required event is today, with placeholder place and city', () => {
		const { file } = createEntry({ type: 'rencontre', title: 'Bilan', date: '2021-06-25', now: NOW, contentDir, cwd: contentDir });
		const data = frontmatter(file);
		expect(data.date).toBe('2021-06-25');
		expect(data.event).toEqual({ start: '2021-06-25', place: 'À compléter', city: 'À compléter' });
		expect(SCHEMAS.rencontres.safeParse(data).success).toBe(true);
	});

	it('every optional field of the contract is in the template (commented out)', () => {
		const { file } = createEntry({ type: 'communique', title: 'x', now: NOW, contentDir });
		const text = readFileSync(file, 'utf8');
		for (const field of [
			'updated',
			'reference',
			'image',
			'src',
			'alt',
			'event',
			'start',
			'end',
			'place',
			'city',
			'address',
			'contacts',
			'name',
			'role',
			'email',
			'phone',
			'attachments',
			'file',
			'title',
			'tags',
		]) {
			expect(text, field).toMatch(new RegExp(`^#? *(- )?${field}:`, 'm'));
		}
	});

	it('retombee: the optional link and release are in the template, commented out', () => {
		const { file } = createEntry({ type: 'retombées', title: 'x', now: NOW, contentDir });
		const text = readFileSync(file, 'utf8');
		for (const field of ['url', 'communique', 'updated', 'image']) expect(text, field).toMatch(new RegExp(`^# ${field}:`, 'm'));
	});

	it('refuses to overwrite an existing file, and leaves it untouched', () => {
		const first = createEntry({ type: 'communique', title: 'Même titre', now: NOW, contentDir });
		writeFileSync(first.file, 'travail en cours');
		expect(() => createEntry({ type: 'communique', title: 'Même titre', now: NOW, contentDir })).toThrow(/existe déjà/);
		expect(readFileSync(first.file, 'utf8')).toBe('travail en cours');
	});

	it('refuses a name taken by a folder entry', () => {
		mkdirSync(path.join(contentDir, 'communiques', '2025-01-01-visite'), { recursive: true });
		writeFileSync(path.join(contentDir, 'communiques', '2025-01-01-visite', 'index.md'), '---\n---\n');
		expect(() => createEntry({ type: 'communique', title: 'Visite', now: NOW, contentDir })).toThrow(/existe déjà/);
	});
});

describe('the site’s settings', () => {
	/** The settings of a site in `timeZone` whose content folder is `contentDir` (`RELAIS_CONTENT_DIR`). */
	const siteIn = (timeZone: string) =>
		resolveSettings(defineSettings({ name: 'Relais', description: 'Salle de presse', timeZone }), { RELAIS_CONTENT_DIR: contentDir }, NOW);

	beforeEach(() => {
		vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
		vi.spyOn(console, 'log').mockImplementation(() => {});
	});
	afterEach(() => vi.useRealTimers());

	it('date the entry now on the wall clock of the site’s time zone, published once no longer a draft', () => {
		// 23:30 UTC on 31 December: 18:30 the same day in Montréal (00:30 the next day in Paris, hours ahead).
		expect(main(['communique', 'Visite'], siteIn('America/Montreal'))).toBe(0);
		const file = path.join(contentDir, 'communiques', '2024-12-31-visite.md');
		const data = frontmatter(file);
		expect(data.date).toBe('2024-12-31T18:30');
		const schema = COLLECTION_REGISTRY.communiques.schema({ ...helpers, timeZone: 'America/Montreal' });
		const entry = schema.parse({ ...data, draft: false });
		expect(entry.date.instant.toISOString()).toBe(NOW.toISOString());
		expect(publicationStatus(entry, NOW)).toBe('published');
	});

	it('date it in Auckland, already the next day', () => {
		expect(main(['rencontre', 'Soirée'], siteIn('Pacific/Auckland'))).toBe(0);
		// 12:30 on 1 January in Auckland (UTC+13 in summer).
		expect(frontmatter(path.join(contentDir, 'rencontres', '2025-01-01-soiree.md'))).toMatchObject({
			date: '2025-01-01T12:30',
			event: { start: '2025-01-01' },
		});
	});
});

describe('command line', () => {
	it('`npm run new -- retombee "Titre"` creates the entry (the script runs through tsx)', () => {
		const run = spawnSync('npm', ['run', '--silent', 'new', '--', 'retombee', 'Ils parlent de nous', '--date', '2020-09-22'], {
			cwd: path.resolve(import.meta.dirname, '../..'),
			env: {
				...process.env,
				RELAIS_CONTENT_DIR: contentDir,
				PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
			},
			encoding: 'utf8',
		});
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain('2020-09-22-ils-parlent-de-nous.md');
		expect(frontmatter(path.join(contentDir, 'retombees', '2020-09-22-ils-parlent-de-nous.md'))).toMatchObject({ draft: true });
	});

	it('prints the relative path and a hint, and exits 1 on an existing file', () => {
		const site = resolveSettings(defineSettings({ name: 'Relais', description: 'Salle de presse' }), { RELAIS_CONTENT_DIR: contentDir });
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(main(['communique', 'Titre du communiqué', '--date', '2021-09-20'], site)).toBe(0);
		const printed = log.mock.calls.flat().join('\n');
		expect(printed).toContain(path.relative(process.cwd(), path.join(contentDir, 'communiques', '2021-09-20-titre-du-communique.md')));
		expect(printed).toMatch(/npm run check/);
		expect(main(['communique', 'Titre du communiqué', '--date', '2021-09-20'], site)).toBe(1);
		expect(error.mock.calls.flat().join('\n')).toMatch(/existe déjà/);
	});
});
