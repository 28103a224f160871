/** Invalid content fails the build with messages naming the file, the line and the field, and leaves the last good site alone. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build';

describe('invalid content', () => {
	it('names every missing or malformed field with its file and line', () => {
		const result = buildSite({ fixture: 'invalid-missing-field' });
		expect(result.ok).toBe(false);
		expect(result.status).not.toBe(0);
		expect(result.output).toContain(
			'content/communiques/2020-01-01-sans-titre.md:2 : le champ « title » : champ obligatoire manquant (attendu : un texte)',
		);
		expect(result.output).toContain(
			'content/communiques/2020-01-01-sans-titre.md:3 : le champ « date » : date invalide « 2020-13-45 » (format attendu : AAAA-MM-JJ',
		);
		expect(result.output).toContain(
			'content/rencontres/2020-01-02-sans-lieu.md:5 : le champ « event.place » : champ obligatoire manquant (attendu : un texte)',
		);
	});

	it('speaks French first and names every file, even one the YAML reader refuses for safety; no stack trace', () => {
		const result = buildSite({ fixture: 'invalid-syntax' });
		expect(result.ok).toBe(false);
		const lines = result.output.split('\n').filter((line) => line.trim() !== '');
		expect(lines[0]).toMatch(/^Contenu invalide : 2 erreur\(s\) à corriger, listées ci-dessous .* rien n’a été publié/);
		expect(result.output).toContain(
			'content/communiques/2020-01-01-deux-points.md:2 : le champ « title » : le texte contient deux-points « : » : mettez-le entre guillemets droits.\n    Ligne corrigée, à copier :\n      title: "Alès : une rencontre"',
		);
		expect(result.output).toContain(
			'content/communiques/2020-01-02-renvois.md : l’en-tête utilise trop de renvois « &nom » / « *nom » (le site refuse de les développer) : écrivez chaque valeur en entier.',
		);
		expect(result.output).not.toMatch(/\[ERROR\]|ReferenceError|BLOCK_AS_IMPLICIT_KEY|\n\s+at /);
	});

	it('fails on a testimonial or a press coverage item pointing to an entry that does not exist', () => {
		const result = buildSite({ fixture: 'invalid-reference' });
		expect(result.ok).toBe(false);
		expect(result.output).toContain(
			'content/temoignages/2020-01-03-orphelin.md:4 : le champ « rencontre » : aucune rencontre n’a l’identifiant « rencontre-qui-n-existe-pas »',
		);
		expect(result.output).toContain(
			'content/retombees/2020-01-04-article-orphelin.md:5 : le champ « communique » : aucun communiqué n’a l’identifiant « communique-qui-n-existe-pas » : indiquez le nom d’un fichier de content/communiques/ sans son extension.',
		);
	});

	it('fails on an event card pointing to an entry that does not exist', () => {
		const result = buildSite({ fixture: 'invalid-event-card' });
		expect(result.ok).toBe(false);
		expect(result.output).toContain(
			'<Evenement entree="entree-inconnue" /> : aucune rencontre ni aucun communiqué ne porte cet identifiant.',
		);
	});

	it('fails on a photo without credit, missing, or in a format the site does not take, before Astro starts', () => {
		const result = buildSite({ fixture: 'invalid-photo' });
		expect(result.ok).toBe(false);
		const file = 'content/rencontres/2020-02-15-rencontre/index.md';
		expect(result.output).toContain(
			`${file}:10 : le champ « photos[0].credit » : champ obligatoire manquant : indiquez l’auteur de la photo ou l’ayant droit, que la loi impose de nommer, par exemple credit: "Alès Agglomération / J. Martin"`,
		);
		expect(result.output).toContain(
			`${file}:15 : le champ « photos[2].file » : format non pris en charge (« ./portrait.heic ») : une photo est un fichier JPEG (.jpg), PNG (.png) ou WebP (.webp) ; enregistrez-la dans l’un de ces formats et indiquez le nouveau nom.`,
		);
		expect(result.output).toContain(
			`${file}:12 : le champ « photos[1].file » : photo « ./absente.jpg » introuvable : placez le fichier à côté de celui de l’entrée ou corrigez son nom.`,
		);
		expect(result.output).not.toMatch(/ImageNotFound|does not exist|\n\s+at /);
	});

	it('leaves the previous output byte for byte when a build fails', () => {
		const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'relais-keep-')), 'dist');
		mkdirSync(outDir);
		writeFileSync(path.join(outDir, 'index.html'), '<p>dernier bon site</p>');
		const result = buildSite({ fixture: 'invalid-reference', outDir });
		expect(result.ok).toBe(false);
		expect(result.output).toContain('rien n’a été publié');
		expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>dernier bon site</p>');
	});
});
