/** `npm run check`: every problem with its file, line and field, errors apart from warnings; wording pinned. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content-check';

function contentDir(files: Record<string, string>): string {
	const root = mkdtempSync(path.join(tmpdir(), 'relais-check-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		writeFileSync(path.join(root, name), text);
	}
	return root;
}

const check = (files: Record<string, string>) => {
	const dir = contentDir(files);
	return checkContent({ contentDir: dir, cwd: dir, timeZone: 'Europe/Paris', now: new Date('2026-11-25T12:00:00Z') }).map(
		(problem) => `${problem.severity} ${formatProblem(problem)}`,
	);
};

describe('content check', () => {
	it('accepts valid content silently', () => {
		expect(check({ 'communiques/a.md': '---\ntitle: T\ndescription: D\ndate: 2020-01-01\n---\nCorps\n' })).toEqual([]);
	});

	it('reports a missing header, unreadable YAML and missing fields with lines', () => {
		expect(
			check({
				'communiques/sans-entete.md': 'Juste du texte\n',
				'communiques/yaml.md': '---\ntitle: "T\ndescription: D\n---\n',
				'rencontres/r.md': '---\ntitle: T\ndescription: D\ndate: 2020-01-01\nevent:\n  start: 2020-01-01\n---\n',
			}),
		).toEqual([
			'error communiques/sans-entete.md:1 : l’en-tête (frontmatter) manque : le fichier doit commencer par une ligne « --- », les champs, puis une ligne « --- ».',
			'error communiques/yaml.md:2 : le champ « title » : guillemet « " » ouvert mais jamais refermé : ajoutez « " » à la fin du texte.\n    Ligne corrigée, à copier :\n      title: "T"',
			// A missing field is reported at the line of its group.
			'error rencontres/r.md:5 : le champ « event.place » : champ obligatoire manquant (attendu : un texte)',
			'error rencontres/r.md:5 : le champ « event.city » : champ obligatoire manquant (attendu : un texte)',
		]);
	});

	it('checks files beside entries, references and duplicate ids', () => {
		const problems = check({
			'communiques/x/index.md':
				'---\ntitle: T\ndescription: D\ndate: 2020-01-01\nimage: { src: ./absente.jpg, alt: A }\nattachments:\n  - file: ./absent.pdf\n    title: P\n---\n',
			'communiques/autre/x.md': '---\ntitle: T\ndescription: D\ndate: 2020-01-01\n---\n',
			'temoignages/t.md': '---\nname: N\ndate: 2020-01-01\nrencontre: fantome\n---\n',
		});
		expect(problems).toContain(
			'error communiques/x/index.md:5 : le champ « image.src » : image « ./absente.jpg » introuvable : placez-la à côté du fichier de l’entrée.',
		);
		expect(problems).toContain(
			'error communiques/x/index.md:7 : le champ « attachments[0].file » : fichier « ./absent.pdf » introuvable : placez-le à côté du fichier de l’entrée ou corrigez son nom.',
		);
		expect(problems).toContain(
			'error communiques/x/index.md : même identifiant « x » que communiques/autre/x.md : renommez l’un des deux fichiers.',
		);
		expect(problems).toContain(
			'error temoignages/t.md:4 : le champ « rencontre » : aucune rencontre n’a l’identifiant « fantome » : indiquez le nom d’un fichier de content/rencontres/ sans son extension.',
		);
	});

	it('warns without failing: long description, far future, theme spellings, broken links, images without alt', () => {
		const long = 'x'.repeat(230);
		const problems = check({
			'communiques/a.md': `---\ntitle: T\ndescription: ${long}\ndate: 2030-01-01\ntags: [Industrie]\n---\nVoir [ceci](/rencontres/inconnue/).\n\n![](photo.jpg)\n`,
			'communiques/b.md': '---\ntitle: T\ndescription: D\ndate: 2020-01-01\ntags: [industrie]\n---\n',
		});
		expect(problems.every((problem) => problem.startsWith('warning'))).toBe(true);
		expect(problems).toContain(
			'warning communiques/a.md:3 : le champ « description » : 230 caractères : au-delà de 200, le texte est coupé par les moteurs de recherche et les cartes de partage.',
		);
		expect(problems).toContain(
			'warning communiques/a.md:4 : le champ « date » : date à plus d’un an dans le futur : l’entrée ne sera pas publiée avant cette date. Faute de frappe ?',
		);
		expect(problems).toContain('warning communiques/a.md:7 : lien interne vers « rencontres/inconnue » : aucune entrée ne porte ce nom.');
		expect(problems).toContain(
			'warning communiques/a.md:9 : image sans texte alternatif : décrivez-la entre les crochets, ![Description de l’image](photo.jpg).',
		);
		expect(problems).toContain(
			'warning communiques/b.md : le champ « tags » : le thème « industrie » s’écrit aussi « Industrie » (communiques/a.md) : choisissez une seule orthographe.',
		);
	});
});
