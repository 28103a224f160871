/**
 * The mistakes a communications officer makes, each caught by the content
 * check with a French message naming the file, the line and the field, and
 * the fix: YAML syntax, unknown fields, template placeholders, knock-on
 * errors, hostile input. Every message is pinned word for word.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplate, planEntry } from '../../scripts/new.mjs';
import { checkContent, formatProblem, TEMPLATE_PLACEHOLDER, TEMPLATE_SAMPLE_LINES, type CheckOptions } from '../../src/authoring/check';
import { editDistance, suggestField } from '../../src/authoring/known-fields';

function contentDir(files: Record<string, string | Uint8Array>): string {
	const root = mkdtempSync(path.join(tmpdir(), 'relais-mistakes-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		writeFileSync(path.join(root, name), text);
	}
	return root;
}

const check = (files: Record<string, string | Uint8Array>, options: Partial<CheckOptions> = {}) => {
	const dir = contentDir(files);
	return checkContent({ contentDir: dir, cwd: dir, timeZone: 'Europe/Paris', now: new Date('2026-11-25T12:00:00Z'), ...options }).map(
		(problem) => `${problem.severity} ${formatProblem(problem)}`,
	);
};

/** A press release whose frontmatter is `lines` (valid but for what a test breaks). */
const release = (...lines: string[]) => ({ 'communiques/c.md': `---\n${lines.join('\n')}\n---\n\nCorps.\n` });
/** The first bytes of a JPEG file: enough for the check, which reads no further. */
const JPEG_START = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
const BASE = ['title: T', 'description: D', 'date: 2020-01-01'];
const EVENT = ['event:', '  start: 2020-01-01', '  place: P', '  city: C'];

/** `Ligne corrigée` block as `formatProblem` prints it. */
const fix = (...lines: string[]) => `\n    Ligne corrigée, à copier :\n${lines.map((line) => `      ${line}`).join('\n')}`;

describe('YAML mistakes: the field, what is wrong, the corrected line', () => {
	const cases: Array<[string, string[], string]> = [
		[
			'a colon in an unquoted title, the most common mistake',
			['title: Alès : une rencontre', 'description: D', 'date: 2020-01-01'],
			`error communiques/c.md:2 : le champ « title » : le texte contient deux-points « : » : mettez-le entre guillemets droits.${fix('title: "Alès : une rencontre"')}`,
		],
		[
			'a colon in a nested field',
			[...BASE, 'event:', '  start: 2020-01-01', '  place: Pôle Mécanique : salle Hospitality', '  city: C'],
			`error communiques/c.md:7 : le champ « event.place » : le texte contient deux-points « : » : mettez-le entre guillemets droits.${fix('  place: "Pôle Mécanique : salle Hospitality"')}`,
		],
		[
			'a colon in a list item',
			[...BASE, 'contacts:', '  - name: A', '  - name: Claire Vidal : presse'],
			`error communiques/c.md:7 : le champ « contacts[1].name » : le texte contient deux-points « : » : mettez-le entre guillemets droits.${fix('  - name: "Claire Vidal : presse"')}`,
		],
		[
			'a tab as indentation',
			[...BASE, 'event:', '\tstart: 2020-01-01', '  place: P', '  city: C'],
			`error communiques/c.md:6 : le champ « event.start » : tabulation en début de ligne : l’en-tête se décale avec des espaces (deux par niveau), jamais avec la touche Tab.${fix('  start: 2020-01-01')}`,
		],
		[
			'no space after the colon',
			['title: T', 'description: D', 'date:2020-01-01'],
			`error communiques/c.md:4 : le champ « date » : il manque une espace après les deux-points : écrivez « nom: valeur ».${fix('date: 2020-01-01')}`,
		],
		[
			'an unclosed quote, reported where it opens',
			['title: "Visite du préfet', 'description: D', 'date: 2020-01-01'],
			`error communiques/c.md:2 : le champ « title » : guillemet « " » ouvert mais jamais refermé : ajoutez « " » à la fin du texte.${fix('title: "Visite du préfet"')}`,
		],
		[
			'a straight quote inside a quoted text',
			['title: "Le "grand" jour"', 'description: D', 'date: 2020-01-01'],
			`error communiques/c.md:2 : le champ « title » : guillemet droit « " » à l’intérieur d’un texte entre guillemets : écrivez-le \\" ou utilisez les guillemets français « ».${fix('title: "Le \\"grand\\" jour"')}`,
		],
		[
			'an apostrophe inside single quotes',
			["title: 'L'usine du futur'", 'description: D', 'date: 2020-01-01'],
			`error communiques/c.md:2 : le champ « title » : apostrophe à l’intérieur d’un texte entre apostrophes : entourez plutôt le texte de guillemets droits « " ».${fix('title: "L\'usine du futur"')}`,
		],
		[
			'a list item without its dash',
			[...BASE, 'tags:', '  - industrie', '  RSE'],
			`error communiques/c.md:7 : le champ « tags[1] » : élément de liste sans tiret : chaque élément commence par « - » suivi d’une espace.${fix('  - RSE')}`,
		],
		[
			'list items without any dash, which YAML reads as one field written twice',
			[...BASE, 'contacts:', '  name: Claire Vidal', '  role: Presse', '  name: Marc Roux'],
			`error communiques/c.md:8 : le champ « contacts[1].name » : « name » apparaît deux fois sous « contacts » (lignes 6 et 8) : dans une liste, chaque élément commence par « - » suivi d’une espace.${fix('contacts:', '  - name: Claire Vidal', '    role: Presse', '  - name: Marc Roux')}`,
		],
		[
			'a field of a list item not indented enough',
			[...BASE, 'contacts:', '  - name: Claire Vidal', '  role: Presse'],
			`error communiques/c.md:7 : le champ « contacts[0].role » : décalage incorrect : alignez cette ligne exactement sous « name » (4 espace(s) en début de ligne).${fix('    role: Presse')}`,
		],
		[
			'a line indented too far',
			[...BASE, 'event:', '  start: 2020-01-01', '   place: P', '  city: C'],
			`error communiques/c.md:7 : le champ « event.place » : décalage incorrect : alignez cette ligne exactement sous « start » (2 espace(s) en début de ligne).${fix('  place: P')}`,
		],
		[
			'an unclosed bracket',
			[...BASE, 'tags: [industrie, RSE'],
			`error communiques/c.md:5 : le champ « tags » : « [ » ouvert mais jamais refermé : ajoutez « ] » à la fin de la ligne.${fix('tags: [industrie, RSE]')}`,
		],
		[
			'a text starting with a YAML character',
			['title: [Communiqué] Visite du préfet', 'description: D', 'date: 2020-01-01'],
			`error communiques/c.md:2 : le champ « title » : un texte qui commence par « [ » s’écrit entre guillemets droits.${fix('title: "[Communiqué] Visite du préfet"')}`,
		],
		[
			'a field written twice',
			['title: A', 'description: D', 'date: 2020-01-01', 'title: B'],
			'error communiques/c.md:5 : le champ « title » : champ écrit deux fois (lignes 2 et 5) : gardez-en un seul.',
		],
	];
	for (const [name, lines, expected] of cases) {
		it(name, () => expect(check(release(...lines))).toEqual([expected]));
	}

	it('reports every root cause once, never its echoes on the lines after it', () => {
		expect(
			check(
				release(
					'title: Alès : une rencontre',
					'description: "D',
					'date:2020-01-01',
					'event:',
					'\tstart: 2020-01-01',
					'   place: P',
					'  city: C',
				),
			),
		).toEqual([
			expect.stringMatching(/^error communiques\/c\.md:2 : le champ « title » : le texte contient deux-points/),
			expect.stringMatching(/^error communiques\/c\.md:3 : le champ « description » : guillemet « " » ouvert/),
			expect.stringMatching(/^error communiques\/c\.md:4 : le champ « date » : il manque une espace/),
			expect.stringMatching(/^error communiques\/c\.md:6 : le champ « event\.start » : tabulation/),
			expect.stringMatching(/^error communiques\/c\.md:7 : le champ « event\.place » : décalage incorrect/),
		]);
	});

	it('says no parser code, ever', () => {
		const problems = check(release('title: Alès : x', 'description: [a', 'date: "2020', 'event:', '\tstart: x', ' - y', '@z: 1'));
		expect(problems.length).toBeGreaterThan(0);
		for (const problem of problems) expect(problem).not.toMatch(/[A-Z]{3,}_[A-Z_]+|YAML/);
	});

	it('catches what YAML reads without a word: a list without dashes, a text cut at « # »', () => {
		expect(check(release(...BASE, 'tags:', '  industrie', '  RSE'))).toEqual([
			`error communiques/c.md:5 : le champ « tags » : liste sans tirets : les lignes sont lues comme un seul texte. Chaque élément commence par « - » suivi d’une espace.${fix('tags:', '  - industrie', '  - RSE')}`,
		]);
		expect(check(release('title: Réunion #3 à Alès', 'description: D', 'date: 2020-01-01'))).toEqual([
			`warning communiques/c.md:2 : le champ « title » : le texte après « # » est lu comme un commentaire et n’est pas publié (valeur lue : « Réunion ») : mettez tout le texte entre guillemets droits.${fix('title: "Réunion #3 à Alès"')}`,
		]);
		// A comment on purpose, as the templates write them, is not a mistake.
		expect(check(release(...BASE, 'event:', '  start: 2020-01-01   # début', '  place: Salle   # lieu', '  city: C'))).toEqual([]);
	});

	it('offers the corrected date', () => {
		expect(check(release('title: T', 'description: D', 'date: 12/10/2021'))).toEqual([
			'error communiques/c.md:4 : le champ « date » : date invalide « 12/10/2021 » : écrivez 2021-10-12 (format attendu : AAAA-MM-JJ, ou AAAA-MM-JJTHH:MM avec une heure, par exemple 2020-09-21T12:15)',
		]);
		expect(check(release(...BASE, 'event:', '  start: 21 septembre 2020 à 12h15', '  place: P', '  city: C'))).toEqual([
			'error communiques/c.md:6 : le champ « event.start » : date invalide « 21 septembre 2020 à 12h15 » : écrivez 2020-09-21T12:15 (format attendu : AAAA-MM-JJ, ou AAAA-MM-JJTHH:MM avec une heure, par exemple 2020-09-21T12:15)',
		]);
	});
});

describe('unknown fields: reported with the field meant, at every level', () => {
	it('a misspelt required field is one error, at the misspelt line', () => {
		expect(check(release('title: T', 'descripton: D', 'date: 2020-01-01'))).toEqual([
			`error communiques/c.md:3 : le champ « description » : champ obligatoire manquant : il est écrit « descripton » à la ligne indiquée ; renommez-le « description ».${fix('description: D')}`,
		]);
	});

	it('a misspelt optional field, a French name, a field at the wrong level, at every level', () => {
		expect(
			check(
				release(
					...BASE,
					'refrence: 71.20 - PRESSE',
					'brouillon: true',
					'thèmes: [industrie]',
					'ville: Alès',
					'event:',
					'  start: 2020-01-01',
					'  place: P',
					'  city: C',
					'  adresse: Route de Montpellier',
					'contacts:',
					'  - name: Claire Vidal',
					'    mail: presse@exemple.fr',
					'attachments:',
					'  - file: ./c.md',
					'    titre: Programme',
					'image:',
					'  src: ./c.md',
					'  alt: A',
					'  legende: L',
					'Tags: [RSE]',
				),
			),
		).toEqual([
			`warning communiques/c.md:5 : le champ « refrence » : champ inconnu : vouliez-vous dire « reference » ? Tel quel, il est ignoré et sa valeur n’est pas publiée.${fix('reference: 71.20 - PRESSE')}`,
			`warning communiques/c.md:6 : le champ « brouillon » : champ inconnu : en anglais, il s’écrit « draft » ; tel quel, il est ignoré et sa valeur n’est pas publiée.${fix('draft: true')}`,
			`warning communiques/c.md:7 : le champ « thèmes » : champ inconnu : en anglais, il s’écrit « tags » ; tel quel, il est ignoré et sa valeur n’est pas publiée.${fix('tags: [industrie]')}`,
			'warning communiques/c.md:8 : le champ « ville » : champ inconnu à cet endroit : « city » se place sous « event: », décalé de deux espaces ; tel quel, il est ignoré et sa valeur n’est pas publiée.',
			`warning communiques/c.md:13 : le champ « event.adresse » : champ inconnu : en anglais, il s’écrit « address » ; tel quel, il est ignoré et sa valeur n’est pas publiée.${fix('  address: Route de Montpellier')}`,
			`warning communiques/c.md:16 : le champ « contacts[0].mail » : champ inconnu : en anglais, il s’écrit « email » ; tel quel, il est ignoré et sa valeur n’est pas publiée.${fix('    email: presse@exemple.fr')}`,
			`error communiques/c.md:19 : le champ « attachments[0].title » : champ obligatoire manquant : il est écrit « titre » à la ligne indiquée ; renommez-le « title ».${fix('    title: Programme')}`,
			'warning communiques/c.md:23 : le champ « image.legende » : champ inconnu à cet endroit : « caption » se place sous « photos: », décalé de deux espaces ; tel quel, il est ignoré et sa valeur n’est pas publiée.',
			`warning communiques/c.md:24 : le champ « Tags » : champ inconnu : écrivez « tags », en minuscules et sans accents ; tel quel, il est ignoré et sa valeur n’est pas publiée.${fix('tags: [RSE]')}`,
		]);
	});

	it('names the field meant in a rencontre and a testimonial (speakers, figures, organisation)', () => {
		const problems = check({
			'rencontres/r.md': `---\n${[...BASE, ...EVENT, 'intervenants:', '  - name: A', 'speakers:', '  - name: B', '    fonction: Directrice', 'figures:', '  - valeur: 140', '    label: entreprises'].join('\n')}\n---\n`,
			'temoignages/t.md': '---\nnom: Pierre Bonnefoy\ndate: 2020-01-01\nentreprise: Magne\n---\n',
		});
		expect(problems).toEqual([
			expect.stringMatching(
				/^warning rencontres\/r\.md:9 : le champ « intervenants » : champ inconnu : en anglais, il s’écrit « speakers »/,
			),
			expect.stringMatching(
				/^warning rencontres\/r\.md:13 : le champ « speakers\[0\]\.fonction » : champ inconnu : en anglais, il s’écrit « role »/,
			),
			`error rencontres/r.md:15 : le champ « figures[0].value » : champ obligatoire manquant : il est écrit « valeur » à la ligne indiquée ; renommez-le « value ».${fix('  - value: 140')}`,
			`error temoignages/t.md:2 : le champ « name » : champ obligatoire manquant : il est écrit « nom » à la ligne indiquée ; renommez-le « name ».${fix('name: Pierre Bonnefoy')}`,
			`warning temoignages/t.md:4 : le champ « entreprise » : champ inconnu : en anglais, il s’écrit « organisation » ; tel quel, il est ignoré et sa valeur n’est pas publiée.${fix('organisation: Magne')}`,
		]);
	});

	it('checks a press coverage item: its address, and the release it covers', () => {
		const coverage = (...lines: string[]) => ({
			'retombees/r.md': ['---', 'title: T', 'media: Midi Libre', 'date: 2020-09-18', ...lines, '---', ''].join('\n'),
		});
		expect(check({ ...release(...BASE), ...coverage('url: www.midilibre.fr/article', 'communique: inconnu') })).toEqual([
			'error retombees/r.md:5 : le champ « url » : adresse web invalide : écrivez l’adresse complète de l’article, commençant par https://',
			'error retombees/r.md:6 : le champ « communique » : aucun communiqué n’a l’identifiant « inconnu » : indiquez le nom d’un fichier de content/communiques/ sans son extension.',
		]);
		expect(check({ ...release(...BASE), ...coverage('url: https://www.midilibre.fr/article', 'communique: c') })).toEqual([]);
		expect(check({ ...release('title: T', 'date: 2020-09-17'), ...coverage('communique: c') })).toEqual([
			expect.stringMatching(/^error communiques\/c\.md:\d+ : le champ « description » : champ obligatoire manquant/),
			'warning retombees/r.md:5 : le champ « communique » : le communiqué « c » existe mais contient des erreurs (communiques/c.md, signalées à part) : corrigez d’abord ce fichier.',
		]);
	});

	it('names the photo field meant by a French name, and the credit it then lacks', () => {
		expect(
			check({
				...release(...BASE, 'photos:', '  - file: ./salle.jpg', '    alt: Salle', '    photographe: J. Martin', '    légende: La salle'),
				'communiques/salle.jpg': JPEG_START,
			}),
		).toEqual([
			`error communiques/c.md:8 : le champ « photos[0].credit » : champ obligatoire manquant : il est écrit « photographe » à la ligne indiquée ; renommez-le « credit ».${fix('    credit: J. Martin')}`,
			`warning communiques/c.md:9 : le champ « photos[0].légende » : champ inconnu : en anglais, il s’écrit « caption » ; tel quel, il est ignoré et sa valeur n’est pas publiée.${fix('    caption: La salle')}`,
		]);
	});

	it('reports entries no collection reads: a misspelt folder, a file at the top', () => {
		expect(check({ 'communique/a.md': '---\ntitle: T\n---\n', 'b.md': 'x', 'images/logo.png': 'x', '_brouillons/c.md': 'x' })).toEqual([
			'warning b.md : fichier hors des dossiers de contenu : placez-le dans content/communiques/, content/rencontres/, content/temoignages/, content/retombees/ ; ici, il n’est pas publié.',
			'warning communique/ : dossier inconnu, vouliez-vous dire « communiques » ? Ce site ne lit que communiques, rencontres, temoignages, retombees : les 1 fichier(s) de ce dossier ne sont pas publiés.',
		]);
	});

	it('makes unknown fields errors with `content: { unknownFields: "error" }`', () => {
		expect(check(release(...BASE, 'refrence: X'), { unknownFields: 'error' })).toEqual([
			expect.stringMatching(/^error communiques\/c\.md:5 : le champ « refrence » : champ inconnu : vouliez-vous dire « reference » \?/),
		]);
	});
});

describe('template placeholders block publication', () => {
	const templates = { communique: 'communiques', rencontre: 'rencontres', temoignage: 'temoignages' } as const;
	for (const [type, collection] of Object.entries(templates)) {
		it(`« ${type} »: valid as a draft, refused when published with its placeholders`, () => {
			const plan = planEntry({ type, title: 'Visite du préfet', date: '2021-09-20' });
			const draft = fillTemplate(readFileSync(new URL(`../../templates/${type}.md`, import.meta.url), 'utf8'), plan.values);
			expect(check({ [`${collection}/x.md`]: draft })).toEqual([]);

			const published = draft.replace(/^draft: true$/m, 'draft: false');
			const lines = published.split('\n');
			// Every line of the template an author must replace, read from the template itself.
			const expectedLines = lines
				.map((text, index) => ({ text, line: index + 1 }))
				.filter(({ text }) => !text.trimStart().startsWith('#') || TEMPLATE_SAMPLE_LINES.includes(text.trim()))
				.filter(({ text }) => text.includes(TEMPLATE_PLACEHOLDER) || TEMPLATE_SAMPLE_LINES.includes(text.trim()))
				.map(({ line }) => line);
			const problems = check({ [`${collection}/x.md`]: published });
			expect(problems.length).toBeGreaterThan(0);
			expect(problems.map((problem) => Number(/^error [^:]+:(\d+) /.exec(problem)?.[1]))).toEqual(expectedLines);
		});
	}

	it('pins the messages', () => {
		expect(check(release('title: T', 'description: "À compléter"', 'date: 2020-01-01', 'draft: false'))).toEqual([
			'error communiques/c.md:3 : le champ « description » : texte provisoire du modèle « À compléter » : remplacez-le avant de publier, ou remettez draft: true.',
		]);
		expect(check({ 'communiques/c.md': `---\n${BASE.join('\n')}\n---\n\nÀ compléter : le texte.\n\n## Intertitre\n` })).toEqual([
			'error communiques/c.md:7 : texte provisoire du modèle « À compléter » : remplacez-le avant de publier, ou remettez draft: true.',
			'error communiques/c.md:9 : texte d’exemple du modèle « ## Intertitre » : remplacez-le ou supprimez la ligne avant de publier, ou remettez draft: true.',
		]);
	});

	it('a template copied by hand with its {{variables}}, draft or not', () => {
		expect(check(release('title: {{title}}', 'description: D', 'date: {{date}}', 'draft: true'))).toEqual([
			'error communiques/c.md:2 : « {{title}} » vient du modèle : remplacez-le par le titre, entre guillemets droits : title: "Titre de l’entrée".',
			'error communiques/c.md:4 : « {{date}} » vient du modèle : remplacez-le par la date de publication, par exemple date: 2021-09-20.',
		]);
	});
});

describe('root causes first', () => {
	const brokenMeeting = { 'rencontres/r.md': '---\ntitle: R\ndescription: D\ndate: 2020-01-01\n---\n' };

	it('a testimonial of an invalid rencontre says the rencontre exists but has errors', () => {
		expect(check({ ...brokenMeeting, 'temoignages/t.md': '---\nname: N\ndate: 2020-01-01\nrencontre: r\n---\n' })).toEqual([
			'error rencontres/r.md:2 : le champ « event » : champ obligatoire manquant (attendu : un groupe de champs)',
			'warning temoignages/t.md:4 : le champ « rencontre » : la rencontre « r » existe mais contient des erreurs (rencontres/r.md, signalées à part) : corrigez d’abord ce fichier.',
		]);
	});

	it('an event card or a link to an invalid entry is not reported as missing', () => {
		expect(
			check({
				...brokenMeeting,
				'communiques/c.mdx': `---\n${BASE.join('\n')}\n---\n\nVoir [la rencontre](/rencontres/r/).\n\n<Evenement entree="r" />\n`,
			}),
		).toEqual([
			'warning communiques/c.mdx:9 : <Evenement entree=…> : l’entrée « r » existe mais contient des erreurs (rencontres/r.md, signalées à part) : corrigez d’abord ce fichier.',
			'error rencontres/r.md:2 : le champ « event » : champ obligatoire manquant (attendu : un groupe de champs)',
		]);
	});

	it('a missing rencontre: the nearest id, or the collection it is in', () => {
		const meeting = { 'rencontres/2020-02-17-rencontre.md': `---\n${[...BASE, ...EVENT].join('\n')}\n---\n` };
		expect(check({ ...meeting, 'temoignages/t.md': '---\nname: N\ndate: 2020-01-01\nrencontre: 2020-02-17-recontre\n---\n' })).toEqual([
			`error temoignages/t.md:4 : le champ « rencontre » : aucune rencontre n’a l’identifiant « 2020-02-17-recontre » : indiquez le nom d’un fichier de content/rencontres/ sans son extension. Vouliez-vous dire « 2020-02-17-rencontre » ?${fix('rencontre: 2020-02-17-rencontre')}`,
		]);
		expect(check({ ...release(...BASE), 'temoignages/t.md': '---\nname: N\ndate: 2020-01-01\nrencontre: c\n---\n' })).toEqual([
			'error temoignages/t.md:4 : le champ « rencontre » : aucune rencontre n’a l’identifiant « c » (c’est communiques/c.md) : indiquez le nom d’un fichier de content/rencontres/ sans son extension.',
		]);
	});

	it('an event card to an id that does not exist fails the check, at its line', () => {
		expect(check({ 'communiques/c.mdx': `---\n${BASE.join('\n')}\n---\n\n<Evenement entree="inconnue" />\n` })).toEqual([
			'error communiques/c.mdx:7 : <Evenement entree="inconnue" /> : aucune rencontre ni aucun communiqué ne porte cet identifiant.',
		]);
	});
});

describe('whatever the input: a French message naming the file, never an exception', () => {
	it('an alias bomb (resource exhaustion) is refused in French', () => {
		const bomb = [
			'a: &a [x,x,x,x,x,x,x,x,x,x]',
			'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
			'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
			'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
		];
		expect(check(release(...bomb))).toEqual([
			'error communiques/c.md : l’en-tête utilise trop de renvois « &nom » / « *nom » (le site refuse de les développer) : écrivez chaque valeur en entier.',
		]);
	});

	it('hostile and broken files each get messages, never a stack trace', () => {
		const hostile: Record<string, string> = {
			'communiques/profond.md': `---\ntitle: ${'['.repeat(5000)}\n---\n`,
			'communiques/binaire.md': '\u0000\u0001\u0002---\u00ff',
			'communiques/vide.md': '',
			'communiques/entete-vide.md': '---\n\n---\n',
			'communiques/liste.md': '---\n- a\n- b\n---\n',
			'communiques/ancre.md': '---\ntitle: *absente\n---\n',
			'communiques/lien.md': `---\n${BASE.join('\n')}\n---\n[x](/communiques/%E0%A4%A/)\n`,
		};
		const problems = check(hostile);
		for (const file of Object.keys(hostile).filter((name) => name !== 'communiques/lien.md')) {
			expect(
				problems.some((problem) => problem.startsWith(`error ${file}`)),
				file,
			).toBe(true);
		}
		for (const problem of problems) expect(problem).not.toMatch(/\n\s+at |Error:/);
	});

	it('every field line of a template broken in every common way gets an error with a line', () => {
		const template = fillTemplate(
			readFileSync(new URL('../../templates/rencontre.md', import.meta.url), 'utf8'),
			planEntry({ type: 'rencontre', title: 'T', date: '2021-09-20' }).values,
		);
		const lines = template.split('\n');
		const end = lines.indexOf('---', 1);
		const mutations: Array<(line: string) => string> = [
			(line) => `\t${line}`,
			(line) => line.replace(': ', ':'),
			(line) => line.replace(': ', ': "'),
			(line) => line.replace(/: (.+)$/, ': $1 : suite'),
		];
		for (let index = 1; index < end; index += 1) {
			const line = lines[index] ?? '';
			if (!/^\s*\w+: \S/.test(line)) continue;
			for (const mutate of mutations) {
				const broken = [...lines.slice(0, index), mutate(line), ...lines.slice(index + 1)].join('\n');
				const errors = check({ 'rencontres/x.md': broken }).filter((problem) => problem.startsWith('error'));
				expect(errors.length, mutate(line)).toBeGreaterThan(0);
				for (const error of errors) expect(error).toMatch(/^error rencontres\/x\.md:\d+ : /);
			}
		}
	});
});

describe('known fields', () => {
	it('counts a swap of two letters as one edit', () => {
		expect(editDistance('descripton', 'description')).toBe(1);
		expect(editDistance('descritpion', 'description')).toBe(1);
		expect(editDistance('ville', 'city')).toBe(4);
		expect(editDistance('', 'tags')).toBe(4);
	});

	it('suggests the same field only within reach, French names explicitly', () => {
		const index = new Map([
			['city', ['event']],
			['title', ['']],
		]);
		expect(suggestField('titel', ['title', 'tags'], index, '')).toEqual({ kind: 'rename', field: 'title', reason: 'typo' });
		expect(suggestField('résumé', ['description'], index, '')).toEqual({
			kind: 'rename',
			field: 'description',
			reason: 'alias',
		});
		expect(suggestField('Mots-clés', ['tags'], index, '')).toEqual({ kind: 'rename', field: 'tags', reason: 'alias' });
		expect(suggestField('ville', ['title'], index, '')).toEqual({ kind: 'move', field: 'city', parent: 'event' });
		expect(suggestField('photos', ['title'], index, '')).toEqual({ kind: 'unknown', known: ['title'] });
		expect(suggestField('xyz', ['tags'], index, '')).toEqual({ kind: 'unknown', known: ['tags'] });
	});
});
