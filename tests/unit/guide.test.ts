/**
 * The authoring guide documents every field of every collection: walks the
 * real zod schemas and checks each field path (`event.place`,
 * `contacts.email`, `figures.value`) appears in backticks in
 * docs/guide-redaction.md, so a new field cannot ship undocumented; and the
 * guide's table of messages lists exactly the messages the content check gives
 * for real mistakes, so a new or reworded message cannot ship undocumented.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/authoring/check';
import { COLLECTION_REGISTRY, COLLECTIONS } from '../../src/content/collections';
import type { SchemaHelpers } from '../../src/content/schemas/entries';
import { fieldPaths as walkFieldPaths } from '../helpers/schema-paths';

const helpers = { image: () => z.string(), reference: () => z.string(), timeZone: 'Europe/Paris' } as unknown as SchemaHelpers;

/** Field paths of a schema (`event.place`, `contacts.email`). */
const fieldPaths = (schema: z.ZodType) => new Set(walkFieldPaths(schema).keys());

const guide = readFileSync(new URL('../../docs/guide-redaction.md', import.meta.url), 'utf8');
/** Every `code span` of the guide. */
const codeSpans = new Set([...guide.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]?.trim()));

const collections = Object.fromEntries(COLLECTIONS.map((name) => [name, COLLECTION_REGISTRY[name].schema(helpers)])) as {
	[Name in keyof typeof COLLECTION_REGISTRY]: ReturnType<(typeof COLLECTION_REGISTRY)[Name]['schema']>;
};

describe('docs/guide-redaction.md', () => {
	it('the walk finds nested fields (sanity check)', () => {
		const paths = fieldPaths(collections.rencontres);
		for (const expected of ['date', 'updated', 'image.alt', 'event.place', 'event.address', 'speakers.organisation', 'figures.value']) {
			expect(paths).toContain(expected);
		}
		expect(fieldPaths(collections.communiques)).toContain('contacts.email');
		expect(fieldPaths(collections.communiques)).toContain('attachments.file');
	});

	for (const [collection, schema] of Object.entries(collections)) {
		it(`documents every field of « ${collection} » in backticks`, () => {
			const missing = [...fieldPaths(schema)].filter((field) => !codeSpans.has(field));
			expect(missing, `champs absents du guide : ${missing.join(', ')}`).toEqual([]);
		});
	}

	it('names the collections, the commands and the MDX components', () => {
		for (const expected of [
			'communiques',
			'rencontres',
			'temoignages',
			'retombees',
			'npm run new -- retombee',
			'npm run dev',
			'npm run check',
			'draft: true',
		]) {
			expect(guide).toContain(expected);
		}
		for (const component of ['<Citation', '<ChiffresCles', '<Encadre']) expect(guide).toContain(component);
		expect(guide).toMatch(/^## Messages d’erreur/m);
	});
});

/** Every message the content check gives, from one file per mistake (templates, links and all). */
function checkMessages(): string[] {
	const root = mkdtempSync(path.join(tmpdir(), 'relais-guide-'));
	const base = 'title: T\ndescription: D\ndate: 2020-01-01';
	const event = 'event:\n  start: 2020-01-01\n  place: P\n  city: C';
	const entry = (frontmatter: string, body = 'Corps.') => `---\n${frontmatter}\n---\n\n${body}\n`;
	const files: Record<string, string | Uint8Array> = {
		'communiques/deux-points.md': entry('title: Alès : une rencontre\ndescription: D\ndate: 2020-01-01'),
		'communiques/tabulation.md': entry(`${base}\nevent:\n\tstart: 2020-01-01`),
		'communiques/espace.md': entry('title: T\ndescription: D\ndate:2020-01-01'),
		'communiques/guillemet.md': entry('title: "T\ndescription: D\ndate: 2020-01-01'),
		'communiques/guillemet-interieur.md': entry('title: "Le "grand" jour"\ndescription: D\ndate: 2020-01-01'),
		'communiques/apostrophe.md': entry("title: 'L'usine'\ndescription: D\ndate: 2020-01-01"),
		'communiques/caractere.md': entry('title: [Communiqué] Visite\ndescription: D\ndate: 2020-01-01'),
		'communiques/crochet.md': entry(`${base}\ntags: [industrie, RSE`),
		'communiques/tiret.md': entry(`${base}\ntags:\n  - industrie\n  RSE`),
		'communiques/sans-tirets.md': entry(`${base}\ntags:\n  industrie\n  RSE`),
		'communiques/contacts.md': entry(`${base}\ncontacts:\n  name: A\n  name: B`),
		'communiques/decalage.md': entry(`${base}\nevent:\n  start: 2020-01-01\n   place: P`),
		'communiques/double.md': entry(`${base}\ntitle: U`),
		'communiques/illisible.md': entry(`${base}\n- item`),
		'communiques/sans-entete.md': 'Texte.\n',
		'communiques/entete-texte.md': entry('Un texte.'),
		'communiques/renvois.md': entry(
			['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]'].join('\n'),
		),
		'communiques/manquants.md': entry(
			'description: ""\ndate: 2020-13-45\ndraft: oui\nevent: Alès\nreference: [x]\ncontacts:\n  - name: [A]\n    email: presse\n  - x\nattachments:\n  - file: ../x.pdf\n    title: X',
		),
		'communiques/sans-date.md': entry('title: T\ndescriptoin: D\ndate: 12/10/2021'),
		'communiques/fichiers.md': entry(`${base}\nimage:\n  src: ./absente.jpg\n  alt: A\nattachments:\n  - file: ./absent.pdf\n    title: P`),
		'communiques/valide.md': entry(`${base}\ntags: [RSE]`),
		'communiques/sans-date-du-tout.md': entry('title: T\ndescription: D'),
		'communiques/x.md': entry(base),
		'communiques/x/index.md': entry(base),
		'communiques/provisoire.md': entry('title: T\ndescription: "À compléter"\ndate: 2020-01-01', '## Intertitre'),
		'communiques/variables.md': entry('title: {{title}}\ndescription: D\ndate: 2020-01-01'),
		'communiques/inconnus.md': entry(
			`title: T\ndescription: ${'x'.repeat(230)}\ndate: 2030-01-01\nrefrence: R\nville: V\nTags: [RSE]\nfoo: bar\nphotos: []\nevent:\n  start: 2020-01-02T10:00\n  end: 2020-01-01T10:00\n  place: P\n  city: C\n  adresse: A`,
			'Voir [ceci](/rencontres/inconnue/). ![](photo.jpg)',
		),
		'communiques/commentaire.md': entry('title: Réunion #3\ndescription: D\ndate: 2020-01-01\ntags: [rse]'),
		'communiques/carte.mdx': entry(base, '<Evenement entree="inconnue" />\n\n<Evenement entree="cassee" />'),
		'rencontres/cassee.md': entry(`${base}\ntags: [RSE]`),
		'rencontres/bonne.md': entry(`${base}\n${event}\nfigures:\n  - value: "140"\n    label: entreprises`),
		'temoignages/orphelin.md': entry('name: N\ndate: 2020-01-01\nrencontre: inconnue'),
		'temoignages/lie.md': entry('name: N\ndate: 2020-01-01\nrencontre: cassee'),
		'retombees/article.md': entry('title: T\nmedia: M\ndate: 2020-01-01\nurl: www.media.fr/article\ncommunique: inconnu'),
		'retombees/liee.md': entry('title: T\nmedia: M\ndate: 2020-01-01\ncommunique: manquants'),
		'communiques/photos/index.md': entry(
			`${base}\nphotos:\n  - { file: ./absente.jpg, alt: A, credit: C }\n  - { file: ./texte.png, alt: A, credit: C }\n  - { file: ./png.jpg, alt: A, credit: C }`,
		),
		'communiques/photos/texte.png': 'pas une image',
		'communiques/photos/png.jpg': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		'communiques/photos-champs.md': entry(
			`${base}\nphotos:\n  - { alt: A, credit: C }\n  - { file: ./a.jpg, credit: C }\n  - { file: ./a.jpg, alt: A }\n  - { file: ./a.heic, alt: A, credit: C }\n  - { file: "https://exemple.fr/a.jpg", alt: A, credit: C }`,
		),
		'communique/perdu.md': entry(base),
		'perdu.md': entry(base),
	};
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		writeFileSync(path.join(root, name), text);
	}
	symlinkSync(path.join(root, 'nulle-part.md'), path.join(root, 'communiques/lien-casse.md'));
	return checkContent({ contentDir: root, cwd: root, timeZone: 'Europe/Paris', now: new Date('2026-01-01T00:00:00Z') }).map(
		(problem) => problem.message,
	);
}

/** The first cells of the tables of « Messages d’erreur », as patterns (« … » stands for anything). */
function documentedMessages(): Array<{ text: string; pattern: RegExp }> {
	const section = guide.slice(guide.indexOf('## Messages d’erreur'), guide.indexOf('## Aide-mémoire YAML'));
	return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map(([, text = '']) => ({
		text,
		pattern: new RegExp(
			`^${text
				.split('…')
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join('.*?')}`,
		),
	}));
}

describe('the table of messages of docs/guide-redaction.md', () => {
	const messages = checkMessages();
	const documented = documentedMessages();

	it('documents every message the content check gives', () => {
		const undocumented = messages.filter((message) => !documented.some(({ pattern }) => pattern.test(message)));
		expect(undocumented, 'messages absents du guide').toEqual([]);
	});

	it('documents no message the check no longer gives', () => {
		const stale = documented.filter(({ pattern }) => !messages.some((message) => pattern.test(message))).map(({ text }) => text);
		expect(stale, 'messages du guide que la vérification ne donne plus').toEqual([]);
	});
});
