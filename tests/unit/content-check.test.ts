/** `npm run check`: every problem with its file, line and field, errors apart from warnings; wording pinned. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/authoring/check';
import { schemeOf, unsafeLinks, unsafeScheme } from '../../src/authoring/unsafe-links';

function contentDir(files: Record<string, string | Uint8Array>): string {
	const root = mkdtempSync(path.join(tmpdir(), 'relais-check-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		writeFileSync(path.join(root, name), text);
	}
	return root;
}

const check = (files: Record<string, string | Uint8Array>) => {
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

	it('checks photos: alt and credit required, the file beside the entry, JPEG, PNG or WebP', () => {
		const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const photos = [
			'photos:',
			'  - file: ./salle.jpg',
			'    alt: Salle comble',
			'    credit: Alès Agglomération / J. Martin',
			'  - file: ./absente.jpg',
			'    alt: A',
			'    credit: C',
			'  - file: ./scene.jpg',
			'    alt: Scène',
			'  - file: ./plan.png',
			'    credit: ""',
			'  - file: ./portrait.heic',
			'    alt: P',
			'    credit: C',
			'  - file: https://exemple.fr/x.jpg',
			'    alt: X',
			'    credit: C',
		];
		expect(
			check({
				'communiques/c/index.md': `---\ntitle: T\ndescription: D\ndate: 2020-01-01\n${photos.join('\n')}\n---\n`,
				'communiques/c/salle.jpg': jpeg,
				'communiques/c/scene.jpg': jpeg,
				'communiques/c/plan.png': png,
				'communiques/c/portrait.heic': 'x',
			}),
		).toEqual([
			// Files are checked even when other fields have errors.
			'error communiques/c/index.md:9 : le champ « photos[1].file » : photo « ./absente.jpg » introuvable : placez le fichier à côté de celui de l’entrée ou corrigez son nom.',
			'error communiques/c/index.md:12 : le champ « photos[2].credit » : champ obligatoire manquant : indiquez l’auteur de la photo ou l’ayant droit, que la loi impose de nommer, par exemple credit: "Alès Agglomération / J. Martin"',
			'error communiques/c/index.md:14 : le champ « photos[3].alt » : champ obligatoire manquant : décrivez ce que montre la photo pour qui ne la voit pas, par exemple alt: "Salle comble au Pôle Mécanique"',
			'error communiques/c/index.md:15 : le champ « photos[3].credit » : ne doit pas être vide : indiquez l’auteur de la photo ou l’ayant droit, que la loi impose de nommer, par exemple credit: "Alès Agglomération / J. Martin"',
			'error communiques/c/index.md:16 : le champ « photos[4].file » : format non pris en charge (« ./portrait.heic ») : une photo est un fichier JPEG (.jpg), PNG (.png) ou WebP (.webp) ; enregistrez-la dans l’un de ces formats et indiquez le nouveau nom.',
			'error communiques/c/index.md:19 : le champ « photos[5].file » : la photo doit être un fichier placé à côté de l’entrée, désigné par un chemin relatif (exemple : ./salle-comble.jpg), pas une adresse web ni un chemin absolu.',
		]);
		// The files themselves: missing, or not the format their name says.
		const valid = [
			'photos:',
			'  - { file: ./salle.jpg, alt: S, credit: C }',
			'  - { file: ./absente.jpg, alt: A, credit: C }',
			'  - { file: ./logo.jpg, alt: L, credit: C }',
			'  - { file: ./plan.png, alt: P, credit: C }',
		];
		expect(
			check({
				'communiques/c/index.md': `---\ntitle: T\ndescription: D\ndate: 2020-01-01\n${valid.join('\n')}\n---\n`,
				'communiques/c/salle.jpg': jpeg,
				'communiques/c/logo.jpg': png,
				'communiques/c/plan.png': 'texte',
			}),
		).toEqual([
			'error communiques/c/index.md:7 : le champ « photos[1].file » : photo « ./absente.jpg » introuvable : placez le fichier à côté de celui de l’entrée ou corrigez son nom.',
			'error communiques/c/index.md:8 : le champ « photos[2].file » : le fichier « ./logo.jpg » est une image PNG nommée comme une autre : renommez-le avec l’extension .png.',
			'error communiques/c/index.md:9 : le champ « photos[3].file » : le fichier « ./plan.png » n’est pas une image JPEG, PNG ou WebP : enregistrez la photo dans l’un de ces formats et indiquez le nouveau nom.',
		]);
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

describe('links and images whose address runs code', () => {
	it('reads a scheme as a browser does: case, spaces, tabs and newlines, none for a relative path', () => {
		expect(schemeOf('JavaScript:alert(1)')).toBe('javascript:');
		expect(schemeOf(' \u0001 java\tscr\nipt:alert(1)')).toBe('javascript:');
		expect(schemeOf('./photo.jpg')).toBeUndefined();
		expect(schemeOf('/communiques/x/')).toBeUndefined();
		expect(schemeOf('#contacts')).toBeUndefined();
		expect(schemeOf('dossier/a:b.pdf')).toBeUndefined();
		for (const safe of [
			'https://exemple.fr/',
			'http://exemple.fr/',
			'mailto:presse@exemple.fr',
			'tel:+33466000000',
			'//exemple.fr/a',
			'photo.jpg',
		])
			expect(unsafeScheme(safe), safe).toBeUndefined();
		for (const [url, scheme] of [
			['javascript:alert(1)', 'javascript:'],
			['data:text/html;base64,PHNjcmlwdD4=', 'data:'],
			['VBScript:msgbox(1)', 'vbscript:'],
			['file:///etc/passwd', 'file:'],
		])
			expect(unsafeScheme(url!), url).toBe(scheme);
	});

	it('finds every form Markdown and MDX turn into a link or an image, at its line', () => {
		const markdown = [
			'[inline](javascript:alert(1)) et [sûr](https://exemple.fr/)', // 1
			'![image](data:image/png;base64,AAAA)', // 2
			'', // 3
			'[réf]: vbscript:msgbox(1)', // 4
			'<JavaScript:alert(2)> et [entité](&#106;avascript:alert(3))', // 5
			'', // 6
			'<p>Texte <a title="a>b" href=" &#x6A;avascript:alert(4)">x</a></p>', // 7
			'', // 8
			'<div>', // 9
			'<img src="./a.jpg"', // 10
			'  srcset="./a.jpg 1x, javascript:alert(5) 2x">', // 11
			'<iframe src="java&Tab;script:alert(6)"></iframe>', // 12
			'<meta http-equiv="refresh" content="0;URL=\'vbscript:msgbox(8)\'">', // 13
			'', // 14
			'`javascript:alert(7)` dans du code, et [lien relatif](./dossier.pdf), [téléphone](tel:0466000000)', // 15
		].join('\n');
		expect(unsafeLinks(markdown, false).map(({ line, kind, url, scheme }) => `${line} ${kind} ${scheme} ${url}`)).toEqual([
			'1 lien javascript: javascript:alert(1)',
			'2 image data: data:image/png;base64,AAAA',
			'4 lien vbscript: vbscript:msgbox(1)',
			'5 lien javascript: JavaScript:alert(2)',
			'5 lien javascript: javascript:alert(3)',
			'7 lien javascript:  javascript:alert(4)',
			'10 image javascript: javascript:alert(5)',
			'12 adresse javascript: java\tscript:alert(6)',
			'13 adresse vbscript: vbscript:msgbox(8)',
		]);
		const mdx = [
			'<a href="javascript:alert(1)">x</a>',
			'',
			'<Encadre>',
			'[dans un composant](data:text/html,x)',
			'</Encadre>',
			'',
			'<img src={"javascript:alert(2)"} />',
		].join('\n');
		expect(unsafeLinks(mdx, true).map(({ line, url }) => `${line} ${url}`)).toEqual([
			'1 javascript:alert(1)',
			'4 data:text/html,x',
			'7 javascript:alert(2)',
		]);
		// A body is parsed only when it may hold a refused scheme: character references before or as the colon count.
		expect(
			unsafeLinks('[a](javascrip&#116;:x) [b](javascript&#58;y) [c](javascript&colon;z) [d](https://exemple.fr/)', false).map(
				({ url }) => url,
			),
		).toEqual(['javascript:x', 'javascript:y', 'javascript:z']);
		// An MDX file that does not parse is left to Astro, which stops the build on its syntax error.
		expect(unsafeLinks('<a href={"javascript:x"}>\n\n{oops\n', true)).toEqual([]);
	});

	it('npm run check refuses them with the file, the line and the fix, for drafts too', () => {
		const problems = check({
			'communiques/a.md':
				'---\ntitle: T\ndescription: D\ndate: 2020-01-01\ndraft: true\n---\n\nVoir [le site](javascript:alert(1)).\n\n![Logo](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjwvc3ZnPg==)\n',
			'communiques/b.mdx': '---\ntitle: T\ndescription: D\ndate: 2020-01-01\n---\n\n<a href="vbscript:msgbox(1)">x</a>\n',
		});
		expect(problems).toEqual([
			'error communiques/a.md:8 : le lien « javascript:alert(1) » utilise le schéma « javascript: », refusé par sécurité ; utilisez une adresse https://, mailto: ou tel:, ou un chemin relatif.',
			'error communiques/a.md:10 : l’image « data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53M… » utilise le schéma « data: », refusé par sécurité ; utilisez une adresse https://, mailto: ou tel:, ou un chemin relatif.',
			'error communiques/b.mdx:7 : le lien « vbscript:msgbox(1) » utilise le schéma « vbscript: », refusé par sécurité ; utilisez une adresse https://, mailto: ou tel:, ou un chemin relatif.',
		]);
	});

	it('the address of a press coverage item is refused by its schema', () => {
		expect(check({ 'retombees/r.md': '---\ntitle: T\nmedia: M\ndate: 2020-01-01\nurl: javascript:alert(1)\n---\n' })).toEqual([
			'error retombees/r.md:5 : le champ « url » : adresse web invalide : écrivez l’adresse complète de l’article, commençant par https://',
		]);
	});
});
