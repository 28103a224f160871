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

	it('fails on a testimonial pointing to a rencontre that does not exist', () => {
		const result = buildSite({ fixture: 'invalid-reference' });
		expect(result.ok).toBe(false);
		expect(result.output).toContain(
			'content/temoignages/2020-01-03-orphelin.md:4 : le champ « rencontre » : aucune rencontre n’a l’identifiant « rencontre-qui-n-existe-pas »',
		);
	});

	it('fails on an event card pointing to an entry that does not exist', () => {
		const result = buildSite({ fixture: 'invalid-event-card' });
		expect(result.ok).toBe(false);
		expect(result.output).toContain(
			'<Evenement entree="entree-inconnue" /> : aucune rencontre ni aucun communiqué ne porte cet identifiant.',
		);
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
