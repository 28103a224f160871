/**
 * Imports the posts of a WordPress export into a content folder: each post
 * planned as an entry (`planEntry`), written with the uploads it uses unless
 * edited since the last import (`ImportedFiles`), its old address redirected,
 * and all of it counted in the report. Safe to run again: ids are derived from
 * the post, and the manifest of written files protects edits.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REDIRECTS_FILE, readRedirectMap, type RedirectMap } from '../../redirects/redirects';
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
} from './entries';
import { convertPostHtml, htmlToText, isImageFile, type AttachmentInfo, type Conversion } from './html';
import { ImportedFiles, sortedJson } from './manifest';
import { metadataCredit } from './photos';
import { emptyReport, type ImportReport } from './report';
import { PostUploads, uploadPath } from './uploads';
import { readWxr, type WxrItem, type WxrSite } from './wxr';

export interface ImportOptions {
	exportFile: string;
	uploadsDir?: string;
	contentDir: string;
	collectionMap?: string;
	force?: boolean;
}

/** The attachments of the export, by post id and by upload path of the original (`2021/03/atelier.jpg`). */
interface Attachments {
	byId: Map<string, AttachmentInfo & { parentId: string }>;
	byFile: Map<string, AttachmentInfo>;
}

/** What every post of one import is converted with. */
interface ImportContext {
	options: ImportOptions;
	collectionMap: Map<string, Collection>;
	attachments: Attachments;
	site: WxrSite;
}

/** A post as an entry, ready to be written. */
interface PlannedEntry {
	id: string;
	collection: Collection;
	/** The entry's Markdown file. */
	contents: string;
	uploads: PostUploads;
	conversion: Conversion;
	/** Why the entry is a draft, if it is. */
	draft?: string;
	/** Whether the cover took the title as its text alternative. */
	coverAltFromTitle: boolean;
}

/** Attachments only (they may come after the posts that use them), a few fields each. */
async function readAttachments(exportFile: string): Promise<Attachments> {
	const attachments: Attachments = { byId: new Map(), byFile: new Map() };
	for await (const item of readWxr(createReadStream(exportFile))) {
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
		attachments.byId.set(item.postId, attachment);
		const relative = uploadPath(item.attachmentUrl);
		if (relative) attachments.byFile.set(relative, attachment);
	}
	return attachments;
}

/** The attachment of an upload URL's original: `atelier-300x200.jpg` is a size WordPress made of `atelier.jpg`. */
function attachmentAt(attachments: Attachments, address: string): AttachmentInfo | undefined {
	const relative = uploadPath(address);
	return relative === undefined
		? undefined
		: (attachments.byFile.get(relative) ?? attachments.byFile.get(relative.replace(/-\d+x\d+(\.\w+)$/, '$1')));
}

/** `communiques/<id>.md`, or `communiques/<id>/index.md` for an entry with files. */
function entryPath(collection: Collection, id: string, withFiles: boolean): string {
	return withFiles ? `${collection}/${id}/index.md` : `${collection}/${id}.md`;
}

/** The post's featured image as the entry's cover, when its file was copied and is an image. */
function coverOf(item: WxrItem, context: ImportContext, uploads: PostUploads, conversion: Conversion, title: string) {
	const thumbnail = context.attachments.byId.get(item.meta._thumbnail_id ?? '');
	if (!thumbnail) return undefined;
	const cover = uploads.resolve(thumbnail.url);
	if (cover?.status === 'missing') conversion.missing.push(thumbnail.url);
	if (cover?.status !== 'copied' || !isImageFile(cover.name)) return undefined;
	return { src: `./${cover.name}`, alt: thumbnail.alt || title, altFromTitle: !thumbnail.alt };
}

/**
 * Forgets the uploads neither the body nor the entry's fields (`files`: `./name`) use:
 * a smaller size of a gallery image the text showed, once its original became the photo.
 */
function keepUsedUploads(uploads: PostUploads, body: string, files: Array<string | undefined>): void {
	// Names are `[\w.-]+` (see PostUploads): a Markdown link, image or kept HTML attribute ends with `)`, a space or `"`.
	uploads.keepOnly((name) => new RegExp(`(\\./|fichiers/)${name.replace(/\./g, '\\.')}[)\\s"]`).test(body) || files.includes(`./${name}`));
}

/** The entry a post becomes: its Markdown file and the uploads it uses, nothing written yet. */
function planEntry(item: WxrItem, context: ImportContext): PlannedEntry {
	const title = htmlToText(item.title) || `Article ${item.postId}`;
	const id = entryId(item, title);
	const { collection, category } = collectionOf(item, context.collectionMap);
	const uploads = new PostUploads(context.options.uploadsDir);
	const { byId } = context.attachments;
	const conversion = convertPostHtml(item.content, {
		resolveUpload: (address) => uploads.resolve(address),
		attachment: (attachmentId) => byId.get(attachmentId),
		children: [...byId.values()].filter((attachment) => attachment.parentId === item.postId),
		attachmentAt: (address) => attachmentAt(context.attachments, address),
		photos: collection !== 'temoignages',
	});
	const cover = coverOf(item, context, uploads, conversion, title);
	const image = cover && { src: cover.src, alt: cover.alt };
	let draft = draftReason(item);
	if (!draft && collection === 'rencontres') draft = 'rencontre : lieu et ville de l’événement à compléter';
	const body = conversion.markdown;
	keepUsedUploads(uploads, body, [image?.src, ...conversion.photos.map((photo) => photo.file)]);
	const excerpt = htmlToText(item.excerpt);
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
			author: context.site.authors.get(item.creator) ?? item.creator,
			oldUrl: item.link,
		},
		body,
	);
	return { id, collection, contents, uploads, conversion, ...(draft && { draft }), coverAltFromTitle: cover?.altFromTitle ?? false };
}

/** Writes the entry and the uploads it uses; returns whether the entry is as planned (not edited since the last import). */
function writeEntry(entry: PlannedEntry, files: ImportedFiles, report: ImportReport): boolean {
	const { collection, id, uploads } = entry;
	const withFiles = uploads.copies.size > 0;
	if (!files.write(entryPath(collection, id, withFiles), entry.contents)) return false;
	// The other form of the same entry (flat file ↔ folder), written by an earlier run, would clash.
	files.removeIfUntouched(entryPath(collection, id, !withFiles));
	for (const [relative, name] of uploads.copies) {
		if (files.write(`${collection}/${id}/${name}`, readFileSync(uploads.source(relative)))) report.copied += 1;
	}
	return true;
}

/** What the conversion of a written entry found, into the report. */
function reportEntry(entry: PlannedEntry, report: ImportReport): void {
	const { id, conversion } = entry;
	report.imported[entry.collection] += 1;
	if (entry.coverAltFromTitle) report.forHumans.push({ id, what: `image de couverture sans texte alternatif : le titre a été repris` });
	for (const missing of new Set(conversion.missing)) report.missing.push({ id, file: uploadPath(missing) ?? missing });
	for (const what of conversion.leftovers) report.forHumans.push({ id, what });
	for (const embed of conversion.embeds) report.embeds.push({ id, url: embed.url });
	for (const what of conversion.removed) report.removed.push({ id, what });
	report.photos += conversion.photos.length;
	for (const what of new Set(conversion.notPhotos)) report.notPhotos.push({ id, what });
}

/** The post's old address → its entry, for posts that were public on WordPress (people may have kept their address). */
function redirectOldAddress(item: WxrItem, entry: PlannedEntry, redirects: RedirectMap): boolean {
	const oldPath = item.status === 'publish' && !item.password ? permalinkPath(item.link) : undefined;
	const newPath = `/${entry.collection}/${entry.id}/`;
	if (!oldPath || oldPath === newPath) return false;
	redirects[oldPath] = newPath;
	return true;
}

export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
	const report = emptyReport();
	const files = new ImportedFiles(options.contentDir, options.force);
	const redirectsPath = path.join(options.contentDir, REDIRECTS_FILE);
	const redirects = readRedirectMap(redirectsPath);
	const context: ImportContext = {
		options,
		collectionMap: parseCollectionMap(options.collectionMap ?? ''),
		attachments: await readAttachments(options.exportFile),
		site: { link: '', authors: new Map() },
	};
	for await (const item of readWxr(createReadStream(options.exportFile), context.site)) {
		const reason = skipReason(item);
		if (reason) {
			report.skipped.set(reason, (report.skipped.get(reason) ?? 0) + 1);
			continue;
		}
		const entry = planEntry(item, context);
		if (entry.draft) report.drafts.push({ id: entry.id, reason: entry.draft });
		if (!writeEntry(entry, files, report)) continue;
		reportEntry(entry, report);
		if (redirectOldAddress(item, entry, redirects)) report.redirects += 1;
	}
	files.save();
	writeFileSync(redirectsPath, sortedJson(redirects));
	report.unchanged = files.unchanged;
	report.kept = files.kept;
	return report;
}
