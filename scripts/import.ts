/**
 * `npm run import -- wordpress <export.xml> [--uploads <wp-content/uploads>]
 *   [--collection-map "Rencontres=rencontres"] [--force]`
 *
 * Imports the posts of a WordPress export into the content folder
 * (`RELAIS_CONTENT_DIR`, default `content`), copies the uploads they use
 * beside them, writes the old addresses to `<content>/redirects.json`, prints
 * a French report and runs the content check. Safe to run again: ids are
 * derived from the post, and a file edited since the last import (hashes in
 * `<content>/.import-wordpress.json`) is never overwritten without `--force`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { htmlToText, convertPostHtml, isImageFile, type AttachmentInfo, type UploadResolution } from '../src/import/wordpress/html';
import {
	collectionOf,
	contractDate,
	draftReason,
	entryFile,
	entryId,
	leadText,
	parseCollectionMap,
	permalinkPath,
	skipReason,
	summarise,
	themesOf,
	type Collection,
} from '../src/import/wordpress/entries';
import { metadataCredit } from '../src/import/wordpress/photos';
import { readWxr, WxrError, type WxrItem, type WxrSite } from '../src/import/wordpress/wxr';
import { REDIRECTS_FILE, readRedirectMap, type RedirectMap } from '../src/redirects/redirects';

export const MANIFEST_FILE = '.import-wordpress.json';

export interface ImportOptions {
	exportFile: string;
	uploadsDir?: string;
	contentDir: string;
	collectionMap?: string;
	force?: boolean;
}

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

function hash(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

function readItems(file: string, site?: WxrSite) {
	return readWxr(createReadStream(file), site);
}

/** The local path of an upload URL (`…/wp-content/uploads/2021/03/x.pdf` → `2021/03/x.pdf`), or `undefined`. */
export function uploadPath(address: string): string | undefined {
	const match = /\/wp-content\/uploads\/([^?#]+)/.exec(address);
	if (!match?.[1]) return undefined;
	try {
		const relative = decodeURIComponent(match[1]);
		return relative.split('/').some((part) => part === '..' || part === '') ? undefined : relative;
	} catch {
		return undefined;
	}
}

export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
	const collectionMap = parseCollectionMap(options.collectionMap ?? '');
	const report: ImportReport = {
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
	const manifestFile = path.join(options.contentDir, MANIFEST_FILE);
	const manifest: Record<string, string> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')).files : {};
	const redirectsPath = path.join(options.contentDir, REDIRECTS_FILE);
	const redirects: RedirectMap = readRedirectMap(redirectsPath);

	// First pass: attachments only (they may come after the posts that use them), a few fields each.
	const attachments = new Map<string, AttachmentInfo & { parentId: string }>();
	/** Upload path of an original (`2021/03/atelier.jpg`) → its attachment. */
	const attachmentFiles = new Map<string, AttachmentInfo>();
	for await (const item of readItems(options.exportFile)) {
		if (item.postType !== 'attachment') continue;
		const credit = metadataCredit(item.meta._wp_attachment_metadata ?? '');
		const attachment = {
			id: item.postId,
			url: item.attachmentUrl,
			alt: htmlToText(item.meta._wp_attachment_image_alt ?? ''),
			caption: htmlToText(item.excerpt),
			...(credit && { credit }),
			parentId: item.parentId,
		};
		attachments.set(item.postId, attachment);
		const relative = uploadPath(item.attachmentUrl);
		if (relative) attachmentFiles.set(relative, attachment);
	}

	/** Writes `relative` unless it was edited since the last import; returns whether the file is as planned. */
	const write = (relative: string, data: string | Buffer): boolean => {
		const absolute = path.join(options.contentDir, relative);
		const digest = hash(data);
		if (existsSync(absolute)) {
			const current = hash(readFileSync(absolute));
			if (current === digest) {
				manifest[relative] = digest;
				report.unchanged += 1;
				return true;
			}
			if (!options.force && manifest[relative] !== current) {
				report.kept.push(relative);
				return false;
			}
		}
		mkdirSync(path.dirname(absolute), { recursive: true });
		writeFileSync(absolute, data);
		manifest[relative] = digest;
		return true;
	};

	const site: WxrSite = { link: '', authors: new Map() };
	for await (const item of readItems(options.exportFile, site)) {
		const reason = skipReason(item);
		if (reason) {
			report.skipped.set(reason, (report.skipped.get(reason) ?? 0) + 1);
			continue;
		}
		importPost(item);
	}

	function importPost(item: WxrItem) {
		const title = htmlToText(item.title) || `Article ${item.postId}`;
		const id = entryId(item, title);
		const { collection, category } = collectionOf(item, collectionMap);
		const folder = `${collection}/${id}`;
		/** Upload path → file name beside the entry, for this post. */
		const copies = new Map<string, string>();
		const resolveUpload = (address: string): UploadResolution | undefined => {
			const relative = uploadPath(address);
			if (relative === undefined) return undefined;
			const existing = copies.get(relative);
			if (existing) return { status: 'copied', name: existing };
			const source = options.uploadsDir ? path.join(options.uploadsDir, relative) : undefined;
			if (!source || !existsSync(source)) return { status: 'missing' };
			let name = path.basename(relative).replace(/[^\w.-]+/g, '-');
			if (name === 'index.md' || [...copies.values()].includes(name)) name = `${copies.size + 1}-${name}`;
			copies.set(relative, name);
			return { status: 'copied', name };
		};
		const children = [...attachments.values()].filter((attachment) => attachment.parentId === item.postId);
		const conversion = convertPostHtml(item.content, {
			resolveUpload,
			attachment: (attachmentId) => attachments.get(attachmentId),
			children,
			// `atelier-300x200.jpg`: a size WordPress made of `atelier.jpg`.
			attachmentAt: (address) => {
				const relative = uploadPath(address);
				return relative === undefined
					? undefined
					: (attachmentFiles.get(relative) ?? attachmentFiles.get(relative.replace(/-\d+x\d+(\.\w+)$/, '$1')));
			},
			photos: collection !== 'temoignages',
		});

		let image: { src: string; alt: string } | undefined;
		const thumbnail = attachments.get(item.meta._thumbnail_id ?? '');
		if (thumbnail) {
			const cover = resolveUpload(thumbnail.url);
			if (cover?.status === 'copied' && isImageFile(cover.name)) {
				image = { src: `./${cover.name}`, alt: thumbnail.alt || title };
				if (!thumbnail.alt) report.forHumans.push({ id, what: `image de couverture sans texte alternatif : le titre a été repris` });
			} else if (cover?.status === 'missing') {
				conversion.missing.push(thumbnail.url);
			}
		}

		let draft = draftReason(item);
		if (!draft && collection === 'rencontres') draft = 'rencontre : lieu et ville de l’événement à compléter';
		if (draft) report.drafts.push({ id, reason: draft });
		const excerpt = htmlToText(item.excerpt);
		const body = conversion.markdown;
		// A smaller size of a gallery image the text showed, once its original became the photo, is used nowhere.
		// Names are `[\w.-]+` (see resolveUpload): a Markdown link, image or kept HTML attribute ends with `)`, a space or `"`.
		const used = (name: string) =>
			new RegExp(`(\\./|fichiers/)${name.replace(/\./g, '\\.')}[)\\s"]`).test(body) ||
			image?.src === `./${name}` ||
			conversion.photos.some((photo) => photo.file === `./${name}`);
		for (const [relative, name] of copies) if (!used(name)) copies.delete(relative);
		const text = file(collection, id, copies.size > 0);
		const contents = entryFile(
			{
				collection,
				title,
				description: summarise(excerpt || leadText(body) || title),
				date: contractDate(item.postDate),
				tags: themesOf(item, category),
				draft: draft !== undefined,
				...(image && { image }),
				attachments: conversion.files.map((attached) => ({ file: `./${attached.name}`, title: attached.title })),
				photos: conversion.photos,
				author: site.authors.get(item.creator) ?? item.creator,
				oldUrl: item.link,
			},
			body,
		);
		if (!write(text, contents)) return;
		// The other form of the same entry (flat file ↔ folder), written by an earlier run, would clash.
		const other = file(collection, id, copies.size === 0);
		const otherPath = path.join(options.contentDir, other);
		if (existsSync(otherPath) && manifest[other] === hash(readFileSync(otherPath))) {
			rmSync(otherPath);
			delete manifest[other];
		}
		for (const [relative, name] of copies) {
			if (write(`${folder}/${name}`, readFileSync(path.join(options.uploadsDir ?? '', relative)))) report.copied += 1;
		}
		report.imported[collection] += 1;
		for (const missing of new Set(conversion.missing)) report.missing.push({ id, file: uploadPath(missing) ?? missing });
		for (const what of conversion.leftovers) report.forHumans.push({ id, what });
		for (const embed of conversion.embeds) report.embeds.push({ id, url: embed.url });
		for (const what of conversion.removed) report.removed.push({ id, what });
		report.photos += conversion.photos.length;
		for (const what of new Set(conversion.notPhotos)) report.notPhotos.push({ id, what });
		// Only posts that were public on WordPress had an address people may have kept.
		const oldPath = item.status === 'publish' && !item.password ? permalinkPath(item.link) : undefined;
		const newPath = `/${collection}/${id}/`;
		if (oldPath && oldPath !== newPath) {
			redirects[oldPath] = newPath;
			report.redirects += 1;
		}
	}

	mkdirSync(options.contentDir, { recursive: true });
	const sortedRedirects = Object.fromEntries(Object.entries(redirects).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	writeFileSync(redirectsPath, `${JSON.stringify(sortedRedirects, null, '\t')}\n`);
	const sortedManifest = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	writeFileSync(manifestFile, `${JSON.stringify({ source: 'wordpress', files: sortedManifest }, null, '\t')}\n`);
	return report;
}

/** `communiques/<id>.md`, or `communiques/<id>/index.md` for an entry with files. */
function file(collection: Collection, id: string, withFiles: boolean): string {
	return withFiles ? `${collection}/${id}/index.md` : `${collection}/${id}.md`;
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

export const USAGE = `Importer un export WordPress (Outils → Exporter) :
  npm run import -- wordpress export.xml --uploads chemin/vers/wp-content/uploads
Options :
  --uploads <dossier>          le dossier wp-content/uploads copié depuis le serveur (images, PDF…)
  --collection-map "Rencontres=rencontres,Témoignages=temoignages"
                               catégories WordPress → collections (par défaut : communiques)
  --force                      remplacer aussi les fichiers modifiés depuis le dernier import`;

export function parseArguments(argv: string[]): ImportOptions & { help?: boolean } {
	const positional: string[] = [];
	const values: Record<string, string> = {};
	let force = false;
	for (let index = 0; index < argv.length; index += 1) {
		const argument = argv[index] ?? '';
		if (argument === '--help' || argument === '-h') return { exportFile: '', contentDir: '', help: true };
		if (argument === '--force') force = true;
		else if (argument === '--uploads' || argument === '--collection-map') {
			const value = argv[index + 1];
			if (value === undefined) throw new Error(`il manque la valeur après ${argument}.`);
			values[argument] = value;
			index += 1;
		} else if (argument.startsWith('--')) throw new Error(`option inconnue : ${argument}.`);
		else positional.push(argument);
	}
	const [source, exportFile] = positional;
	if (source !== 'wordpress' || !exportFile) throw new Error(`indiquez la source et le fichier : npm run import -- wordpress export.xml`);
	return {
		exportFile,
		contentDir: path.resolve(process.env.RELAIS_CONTENT_DIR ?? 'content'),
		force,
		...(values['--uploads'] && { uploadsDir: path.resolve(values['--uploads']) }),
		...(values['--collection-map'] && { collectionMap: values['--collection-map'] }),
	};
}

async function main(argv: string[]): Promise<number> {
	let options: ReturnType<typeof parseArguments>;
	try {
		options = parseArguments(argv);
	} catch (error) {
		console.error(`Erreur : ${(error as Error).message}\n\n${USAGE}`);
		return 1;
	}
	if (options.help) {
		console.log(USAGE);
		return 0;
	}
	if (!existsSync(options.exportFile)) {
		console.error(`Erreur : le fichier ${options.exportFile} n’existe pas.`);
		return 1;
	}
	try {
		console.log(formatReport(await importWordPress(options)));
	} catch (error) {
		if (error instanceof WxrError || /correspondance invalide/.test((error as Error).message)) {
			console.error(`Erreur : ${(error as Error).message}`);
			return 1;
		}
		throw error;
	}
	// The content check, as `npm run check` runs it, on what was written (settings read only now: RELAIS_CONTENT_DIR).
	const { checkSiteContent, problemLines } = await import('./check');
	const { errors, warnings } = problemLines(checkSiteContent());
	console.log('\nVérification du contenu :');
	for (const line of [...errors, ...warnings]) console.log(`  ${line}`);
	console.log(errors.length === 0 ? `  Contenu valide (${warnings.length} avertissement(s)).` : `  ${errors.length} erreur(s) à corriger.`);
	return errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
