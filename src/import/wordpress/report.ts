/** What an import did, and the French report printed for the person who ran it. */
import { REDIRECTS_FILE } from '../../redirects/redirects';
import type { Collection } from './entries';

export interface ImportReport {
	imported: Record<Collection, number>;
	drafts: Array<{ id: string; reason: string }>;
	skipped: Map<string, number>;
	copied: number;
	missing: Array<{ id: string; file: string }>;
	kept: string[];
	unchanged: number;
	forHumans: Array<{ id: string; what: string }>;
	embeds: Array<{ id: string; url: string }>;
	removed: Array<{ id: string; what: string }>;
	/** Press photos written to entries' `photos`. */
	photos: number;
	/** Gallery and captioned images kept in the text only, with what they lack. */
	notPhotos: Array<{ id: string; what: string }>;
	redirects: number;
}

export function emptyReport(): ImportReport {
	return {
		imported: { communiques: 0, rencontres: 0, temoignages: 0 },
		drafts: [],
		skipped: new Map(),
		copied: 0,
		missing: [],
		kept: [],
		unchanged: 0,
		forHumans: [],
		embeds: [],
		removed: [],
		photos: 0,
		notPhotos: [],
		redirects: 0,
	};
}

/** The report, in French, for the person who ran the import. */
export function formatReport(report: ImportReport): string {
	const lines: string[] = ['Import WordPress terminé.', '', 'Importés :'];
	for (const [collection, count] of Object.entries(report.imported)) lines.push(`  ${collection} : ${count}`);
	if (report.unchanged) lines.push(`  (${report.unchanged} fichier(s) déjà à jour depuis le dernier import)`);
	const list = (heading: string, items: string[]) => {
		if (items.length === 0) return;
		lines.push('', `${heading} (${items.length}) :`, ...items.map((item) => `  - ${item}`));
	};
	list(
		'Importés comme brouillons (draft: true), à relire avant publication',
		report.drafts.map(({ id, reason }) => `${id} : ${reason}`),
	);
	list(
		'Ignorés',
		[...report.skipped].map(([reason, count]) => `${reason} : ${count}`),
	);
	lines.push('', `Fichiers copiés : ${report.copied}`);
	list(
		'Fichiers manquants dans le dossier --uploads (le lien vers l’ancien site est gardé)',
		report.missing.map(({ id, file }) => `${id} : ${file}`),
	);
	list('Fichiers modifiés depuis le dernier import, laissés tels quels (--force pour les remplacer)', report.kept);
	list(
		'Contenus intégrés (vidéos, publications) remplacés par un lien',
		report.embeds.map(({ id, url }) => `${id} : ${url}`),
	);
	list(
		'Éléments retirés car dangereux ou inutilisables sur un site statique',
		report.removed.map(({ id, what }) => `${id} : ${what}`),
	);
	lines.push('', `Photos pour la presse (champ photos, avec crédit et texte alternatif) : ${report.photos}`);
	list(
		'Images de galerie ou légendées gardées dans le texte, hors photothèque (voir « Photos pour la presse » dans docs/guide-redaction.md)',
		report.notPhotos.map(({ id, what }) => `${id} : ${what}`),
	);
	list(
		'À vérifier par une personne',
		report.forHumans.map(({ id, what }) => `${id} : ${what}`),
	);
	lines.push('', `Redirections des anciennes adresses : ${report.redirects} (dans ${REDIRECTS_FILE} du dossier de contenu)`);
	return lines.join('\n');
}
