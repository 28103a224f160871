/**
 * The fields the content contract gained (docs/content-model.md « Languages »,
 * « Embargo », a contact's `organisation`), through the real content check:
 * accepted where written as the contract says, refused in French otherwise,
 * and the language tag helpers they rest on.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/authoring/check';
import { canonicalLanguageTag, formatDateIn, languageTagMessage, sameLanguage } from '../../src/content/languages';
import { editorConfig } from '../../src/editor/sveltia-config';

const base = 'description: D\ndate: 2020-09-17';

/** The check's lines for a content folder made of `files`. */
function check(files: Record<string, string>): string[] {
	const root = mkdtempSync(path.join(tmpdir(), 'relais-languages-'));
	for (const [name, frontmatter] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		writeFileSync(path.join(root, name), `---\n${frontmatter}\n---\n\nTexte.\n`);
	}
	return checkContent({
		contentDir: root,
		cwd: root,
		timeZone: 'Europe/Paris',
		unknownFields: 'error',
		now: new Date('2026-01-01T00:00:00Z'),
	}).map(formatProblem);
}

describe('the content check and the new contract fields', () => {
	it('accepts lang, translationOf, embargo and a contact’s organisation in every collection, with no warning', () => {
		expect(
			check({
				'communiques/origine.md': `title: Visite\n${base}\ncontacts:\n  - name: Marie Dupont\n    organisation: Alès Myriapolis`,
				'communiques/visit.md': `title: Visit\n${base}\nlang: en\ntranslationOf: origine`,
				'communiques/plus-tard.md': `title: Plus tard\ndescription: D\ndate: 2026-06-01\nembargo: true`,
				'rencontres/origine.md': `title: R\n${base}\nevent:\n  start: 2020-09-17\n  place: P\n  city: C`,
				'rencontres/reunion.md': `title: R\n${base}\nlang: es\ntranslationOf: origine\nevent:\n  start: 2020-09-17\n  place: P\n  city: C`,
				'temoignages/origine.md': 'name: N\ndate: 2020-09-17',
				'temoignages/testimony.md': 'name: N\ndate: 2020-09-17\nlang: en-GB\ntranslationOf: origine',
				'retombees/origine.md': 'title: T\nmedia: M\ndate: 2020-09-17',
				'retombees/article.md': 'title: T\nmedia: M\ndate: 2020-09-17\nlang: ca\ntranslationOf: origine\nembargo: false',
			}),
		).toEqual([]);
	});

	it('refuses a malformed language tag in French, naming the file, the field and the tag to write', () => {
		expect(check({ 'communiques/a.md': `title: T\n${base}\nlang: anglais` })).toEqual([
			'communiques/a.md:5 : le champ « lang » : langue invalide « anglais » : écrivez le code de la langue, « en ».',
		]);
		expect(check({ 'communiques/a.md': `title: T\n${base}\nlang: en_GB` })).toEqual([
			'communiques/a.md:5 : le champ « lang » : langue invalide « en_GB » : écrivez le code de la langue, « en-GB ».',
		]);
		expect(check({ 'communiques/a.md': `title: T\n${base}\nlang: "12"` })).toEqual([
			'communiques/a.md:5 : le champ « lang » : langue invalide « 12 » : écrivez le code de la langue (BCP 47), par exemple « en » (anglais), « es » (espagnol) ou « en-GB » (anglais britannique).',
		]);
	});

	it('refuses a translationOf naming no entry of the same collection, like the other references', () => {
		const lines = check({
			'communiques/visit.md': `title: Visit\n${base}\nlang: en\ntranslationOf: origin`,
			'communiques/origine.md': `title: Visite\n${base}`,
			'rencontres/origin.md': `title: R\n${base}\nevent:\n  start: 2020-09-17\n  place: P\n  city: C`,
		});
		expect(lines).toEqual([
			'communiques/visit.md:6 : le champ « translationOf » : aucun communiqué n’a l’identifiant « origin » (c’est rencontres/origin.md) : indiquez le nom d’un fichier de content/communiques/ sans son extension. Vouliez-vous dire « origine » ?\n    Ligne corrigée, à copier :\n      translationOf: origine',
		]);
	});

	it('refuses an embargo that is not true or false', () => {
		expect(check({ 'communiques/a.md': `title: T\n${base}\nembargo: oui` })).toEqual([
			'communiques/a.md:5 : le champ « embargo » : true ou false est attendu',
		]);
	});
});

describe('language tags', () => {
	it('canonicalises BCP 47 tags and refuses what is not one', () => {
		expect(canonicalLanguageTag('EN-gb')).toBe('en-GB');
		expect(canonicalLanguageTag('oc')).toBe('oc');
		expect(canonicalLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW');
		for (const wrong of ['english', 'en_GB', 'e', '', 'fr-', '12']) expect(canonicalLanguageTag(wrong), wrong).toBeUndefined();
	});

	it('suggests the code of a language written by its French or English name', () => {
		expect(languageTagMessage('Espagnol')).toContain('« es »');
		expect(languageTagMessage('german')).toContain('« de »');
	});

	it('tells languages apart by their primary subtag', () => {
		expect(sameLanguage('fr', 'fr-BE')).toBe(true);
		expect(sameLanguage('fr', 'en')).toBe(false);
	});

	it('writes a date in the page’s language', () => {
		const date = { instant: new Date('2020-09-21T10:15:00Z'), hasTime: true };
		expect(formatDateIn({ ...date, hasTime: false }, 'Europe/Paris', 'en')).toBe('September 21, 2020');
		expect(formatDateIn(date, 'Europe/Paris', 'en')).toBe('September 21, 2020 at 12:15 PM');
		expect(formatDateIn({ ...date, hasTime: false }, 'Europe/Paris', 'es')).toBe('21 de septiembre de 2020');
	});
});

describe('the web editor', () => {
	it('offers the new fields, translationOf as a link to an entry of the same collection', () => {
		const config = editorConfig({ site: 'https://presse.example.org', base: '/' });
		for (const collection of config.collections) {
			const fields = new Map(collection.fields.map((field) => [field.name, field]));
			expect(fields.get('lang')).toMatchObject({ label: 'Langue', widget: 'string', required: false });
			expect(fields.get('embargo')).toMatchObject({ label: 'Sous embargo', widget: 'boolean', required: false, default: false });
			expect(fields.get('translationOf')).toMatchObject({
				widget: 'relation',
				collection: collection.name,
				required: false,
				// Found by what names an entry of that collection: a testimonial's title is optional.
				search_fields: [collection.identifier_field],
				display_fields: [collection.identifier_field],
			});
		}
		expect(config.collections.find((collection) => collection.name === 'temoignages')?.identifier_field).toBe('name');
		const contacts = config.collections
			.find((collection) => collection.name === 'communiques')
			?.fields.find((field) => field.name === 'contacts');
		expect(contacts?.fields?.find((field) => field.name === 'organisation')).toMatchObject({ label: 'Organisation', widget: 'string' });
	});
});
