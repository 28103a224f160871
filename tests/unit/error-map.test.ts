/**
 * Every zod issue an author or an integrator can meet comes out in French,
 * naming the field: one schema per issue code (and per kind of size or
 * format), parsed as the content check and the settings parse, with the
 * French error map; a few wordings pinned.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/authoring/check';
import { defineSettings, resolveSettings } from '../../src/settings/resolve';
import { formatIssues, frenchErrorMap } from '../../src/text/error-map';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Words of zod's English messages (and of its French locale's generic ones, which the map replaces). */
const ENGLISH = /\b(expected|received|invalid|too big|too small|must|required|should|input|string|number|array|object|option)\b/i;
const ZOD_FRENCH_GENERIC =
	/^(Entrée invalide|Option invalide|Trop grand|Trop petit|Chaîne de caractères invalide|Nombre invalide|Clés? non reconnues?|Clé invalide|Valeur invalide)/;

/** Each issue code, with a schema and an input that raise it under the field `champ`, and the message expected. */
const CASES: Array<[code: string, schema: z.ZodType, input: unknown, message: string]> = [
	['invalid_type (missing)', z.string(), undefined, 'champ obligatoire manquant (attendu : un texte)'],
	['invalid_type (text)', z.string(), 3, 'un texte est attendu'],
	['invalid_type (number)', z.number(), 'trois', 'un nombre est attendu'],
	['invalid_type (integer)', z.int(), 2.5, 'un nombre entier est attendu'],
	['invalid_type (boolean)', z.boolean(), 'oui', 'true ou false est attendu'],
	['invalid_type (list)', z.array(z.string()), 'a', 'une liste est attendue'],
	['invalid_type (group)', z.object({ a: z.string() }), 'a', 'un groupe de champs est attendu'],
	['invalid_type (date)', z.date(), 'hier', 'une date est attendue'],
	['invalid_type (nothing)', z.never(), 'a', 'ce champ doit rester vide : retirez-le'],
	['too_small (empty text)', z.string().min(1), '', 'ne doit pas être vide'],
	['too_small (text)', z.string().min(3), 'ab', 'il faut au moins 3 caractères'],
	['too_small (exact length)', z.string().length(5), 'ab', 'il faut exactement 5 caractères'],
	['too_small (number)', z.number().min(1), 0, 'le nombre doit être supérieur ou égal à 1'],
	['too_small (positive)', z.number().positive(), 0, 'le nombre doit être strictement supérieur à 0'],
	['too_small (list)', z.array(z.string()).min(1), [], 'il faut au moins 1 élément'],
	['too_small (date)', z.date().min(new Date('2020-01-01')), new Date('2019-01-01'), 'la date doit être le 2020-01-01 ou après'],
	['too_big (text)', z.string().max(5), 'abcdefgh', 'pas plus de 5 caractères'],
	['too_big (number)', z.number().max(100), 101, 'le nombre doit être inférieur ou égal à 100'],
	['too_big (negative)', z.number().negative(), 0, 'le nombre doit être strictement inférieur à 0'],
	['too_big (list)', z.array(z.string()).max(2), ['a', 'b', 'c'], 'pas plus de 2 éléments'],
	['too_big (date)', z.date().max(new Date('2020-01-01')), new Date('2021-01-01'), 'la date doit être le 2020-01-01 ou avant'],
	['invalid_format (email)', z.email(), 'presse', 'adresse e-mail invalide (exemple : presse@exemple.fr)'],
	['invalid_format (url)', z.url(), 'www', 'adresse web invalide (exemple : https://exemple.fr/)'],
	['invalid_format (http url)', z.url({ protocol: /^https?$/ }), 'ftp://x.fr', 'adresse web invalide (exemple : https://exemple.fr/)'],
	[
		'invalid_format (regex)',
		z.string().regex(/^\d{4}$/),
		'x',
		'format invalide : la valeur ne correspond pas au modèle attendu (/^\\d{4}$/)',
	],
	['invalid_format (date)', z.iso.date(), '12/10/2021', 'date invalide (format attendu : AAAA-MM-JJ, par exemple 2020-09-21)'],
	[
		'invalid_format (date and time)',
		z.iso.datetime(),
		'2020-09-21',
		'date et heure invalides (format attendu : AAAA-MM-JJTHH:MM:SSZ, par exemple 2020-09-21T12:15:00Z)',
	],
	['invalid_format (time)', z.iso.time(), '25h', 'heure invalide (format attendu : HH:MM, par exemple 12:15)'],
	['invalid_format (starts with)', z.string().startsWith('https://'), 'x', 'le texte doit commencer par « https:// »'],
	['invalid_format (ends with)', z.string().endsWith('/'), 'x', 'le texte doit se terminer par « / »'],
	['invalid_format (includes)', z.string().includes('@'), 'x', 'le texte doit contenir « @ »'],
	['invalid_format (uuid)', z.uuid(), 'x', 'identifiant UUID invalide'],
	['not_multiple_of', z.number().multipleOf(5), 7, 'le nombre doit être un multiple de 5'],
	['invalid_union (types)', z.union([z.string(), z.number()]), [], 'un texte ou un nombre est attendu'],
	['invalid_union (missing)', z.union([z.string(), z.number()]), undefined, 'champ obligatoire manquant (attendu : un texte ou un nombre)'],
	['invalid_union (deeper)', z.union([z.string().min(3), z.number()]), 'ab', 'il faut au moins 3 caractères'],
	[
		'invalid_union (discriminator)',
		z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]),
		{ kind: 'c' },
		'valeur attendue : « a » ou « b »',
	],
	['invalid_value (enum)', z.enum(['warn', 'error']), 'avertir', 'valeur attendue : « warn » ou « error »'],
	['invalid_value (literal)', z.literal(true), false, 'valeur attendue : « true »'],
	['unrecognized_keys', z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 }, 'champ(s) inconnu(s) : b, c'],
	['invalid_key', z.record(z.string().regex(/^[a-z]+$/), z.string()), { A1: 'x' }, 'nom de champ invalide'],
	// Maps come from no YAML file nor setting; zod raises these two only for keys that are objects.
	['invalid_element', z.map(z.object({}), z.number()), new Map([[{}, 'x']]), 'valeur invalide dans le groupe'],
	['custom (refine without message)', z.string().refine((value) => value === 'ok'), 'ko', 'valeur invalide'],
	['custom (with its own message)', z.string().refine((value) => value === 'ok', { message: 'dites « ok »' }), 'ko', 'dites « ok »'],
];

describe('the French error map', () => {
	it.each(CASES)('%s', (_, schema, input, message) => {
		const result = z.object({ champ: schema }).safeParse({ champ: input }, { error: frenchErrorMap });
		expect(result.success).toBe(false);
		const issues = result.error?.issues ?? [];
		expect(issues.map((issue) => issue.message)).toContain(message);
		for (const issue of issues) {
			expect(issue.message).not.toMatch(ENGLISH);
			expect(issue.message).not.toMatch(ZOD_FRENCH_GENERIC);
		}
		// Every line names the field (an unknown key is reported on the group that holds it).
		for (const line of formatIssues(issues).split('\n')) expect(line).toMatch(/^ {2}- le champ « champ(\.|\[|\s»)/);
	});

	it('walks every issue code zod 4 has', () => {
		const walked = new Set(CASES.map(([code]) => code.split(' ')[0]));
		const codes: Array<z.core.$ZodIssue['code']> = [
			'invalid_type',
			'too_big',
			'too_small',
			'invalid_format',
			'not_multiple_of',
			'unrecognized_keys',
			'invalid_union',
			'invalid_key',
			'invalid_element',
			'invalid_value',
			'custom',
		];
		expect([...walked].sort()).toEqual([...codes].sort());
	});

	it('falls back to zod’s own French locale for a format no author meets', () => {
		const result = z.object({ champ: z.ulid() }).safeParse({ champ: '!' }, { error: frenchErrorMap });
		expect(result.error?.issues[0]?.message).toBe('ULID invalide');
	});

	it('is passed per parse: a parse without it keeps zod’s own messages', () => {
		// No global configuration: other libraries’ parses (Astro’s own) are left as they are.
		expect(z.string().safeParse(3).error?.issues[0]?.message).toMatch(/expected string/);
	});
});

describe('messages an integrator meets', () => {
	it('relais.config.ts: sizes, formats and choices in French, each naming its setting', () => {
		let message = '';
		try {
			defineSettings({
				name: 'Relais',
				description: 'D',
				pageSize: 200,
				feeds: { limit: 2.5 },
				footerLinks: [{ label: '', href: 'x' }],
				accessibility: 'oui' as never,
				accessibilityStatement: { rate: 101, contact: 'presse', date: '2026/01/01' },
			});
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message.split('\n')).toEqual([
			'relais.config.ts : réglages invalides.',
			'  - le champ « pageSize » : le nombre doit être inférieur ou égal à 100',
			'  - le champ « feeds.limit » : un nombre entier est attendu',
			'  - le champ « footerLinks[0].label » : ne doit pas être vide',
			'  - le champ « accessibility » : valeur attendue : « non conforme » ou « partiellement conforme » ou « totalement conforme »',
			'  - le champ « accessibilityStatement.date » : format invalide : la valeur ne correspond pas au modèle attendu (/^\\d{4}-\\d{2}-\\d{2}$/)',
			'  - le champ « accessibilityStatement.rate » : le nombre doit être inférieur ou égal à 100',
			'  - le champ « accessibilityStatement.contact » : adresse e-mail invalide (exemple : presse@exemple.fr)',
		]);
	});

	it('the environment: a wrong value names the variable in French', () => {
		expect(() => resolveSettings(defineSettings({ name: 'R', description: 'D' }), { CMS_BACKEND: 'svn' })).toThrow(
			'  - CMS_BACKEND : « svn » n’est pas pris en charge (valeurs possibles : github, gitlab, gitea) (exemple : CMS_BACKEND=gitlab).',
		);
	});
});

describe('messages an author meets', () => {
	it('npm run check: every schema message of an entry in French', () => {
		const root = mkdtempSync(path.join(tmpdir(), 'relais-error-map-'));
		const file = path.join(root, 'retombees', 'r.md');
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, '---\ntitle: T\nmedia: [M]\ndate: 2020-01-01\nurl: javascript:alert(1)\ndraft: oui\ntags: [[a]]\n---\n');
		const problems = checkContent({ contentDir: root, cwd: root, timeZone: 'Europe/Paris', now: new Date('2026-01-01T00:00:00Z') });
		expect(problems.map(formatProblem)).toEqual([
			'retombees/r.md:3 : le champ « media » : un texte est attendu',
			'retombees/r.md:5 : le champ « url » : adresse web invalide : écrivez l’adresse complète de l’article, commençant par https://',
			'retombees/r.md:6 : le champ « draft » : true ou false est attendu',
			'retombees/r.md:7 : le champ « tags[0] » : un texte ou un nombre est attendu',
		]);
	});
});
