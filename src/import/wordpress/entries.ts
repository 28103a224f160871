/**
 * What a WordPress post becomes: its collection, id, publication state, themes
 * and standfirst, and the Markdown file written for it. Pure: the file system
 * is `import.ts`'s business.
 */
import slugify from '@sindresorhus/slugify';
import { htmlToText, type ImportedPhoto } from './html';
import type { WxrItem } from './wxr';

export type Collection = 'communiques' | 'rencontres' | 'temoignages';
export const COLLECTIONS: Collection[] = ['communiques', 'rencontres', 'temoignages'];

/** Descriptions longer than this are cut by search engines and social cards (`DESCRIPTION_MAX` of the content check). */
export const DESCRIPTION_MAX = 200;
/** Categories WordPress gives a post by default: no theme. */
const DEFAULT_CATEGORIES = new Set(['uncategorized', 'non-classe', 'sans-categorie']);

/** Why an item is not imported: shown in the report. */
export function skipReason(item: WxrItem): string | undefined {
	const types: Record<string, string> = {
		page: 'page (pas un article)',
		nav_menu_item: 'élément de menu',
		attachment: 'fichier joint (copié avec l’article qui l’utilise)',
		revision: 'révision',
		wp_block: 'bloc réutilisable',
	};
	if (item.postType !== 'post') return types[item.postType] ?? `type « ${item.postType} »`;
	if (item.status === 'trash') return 'article à la corbeille';
	if (item.status === 'auto-draft' || item.status === 'inherit') return 'brouillon automatique';
	if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(item.postDate) || item.postDate.startsWith('0000')) return 'article sans date';
	return undefined;
}

/** `2021-03-15 10:30:00` (site time) → `2021-03-15T10:30`, the contract's local date-time. */
export function contractDate(postDate: string): string {
	return `${postDate.slice(0, 10)}T${postDate.slice(11, 16)}`;
}

/**
 * Published on the new site? `publish` and `future` (scheduled: its date keeps it
 * unpublished until then) are; drafts, pending, private and password-protected posts
 * become drafts: a static site cannot protect a page.
 */
export function draftReason(item: WxrItem): string | undefined {
	if (item.password) return 'protégé par un mot de passe';
	const reasons: Record<string, string> = { draft: 'brouillon', pending: 'en attente de relecture', private: 'privé' };
	return reasons[item.status];
}

/** `2021-03-15-<slug>`: the same post gets the same id on every run. */
export function entryId(item: WxrItem, title: string): string {
	let name = item.postName;
	try {
		name = decodeURIComponent(name);
	} catch {
		// A malformed escape: keep the name as written.
	}
	const slug = slugify(name || title, { decamelize: false, customReplacements: [['&', ' et ']] })
		.slice(0, 80)
		.replace(/-+$/, '');
	return `${item.postDate.slice(0, 10)}-${slug || `article-${item.postId}`}`;
}

/** Parses `Rencontres=rencontres,Témoignages=temoignages` (category name or slug → collection). */
export function parseCollectionMap(value: string): Map<string, Collection> {
	const map = new Map<string, Collection>();
	for (const pair of value
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)) {
		const [category = '', collection = ''] = pair.split('=').map((part) => part.trim());
		if (!category || !(COLLECTIONS as string[]).includes(collection)) {
			throw new Error(`correspondance invalide « ${pair} » : écrivez Catégorie=collection, la collection étant ${COLLECTIONS.join(', ')}.`);
		}
		map.set(category.toLowerCase(), collection as Collection);
	}
	return map;
}

/** The collection of a post: the first category mapped, else `communiques`; that category is no theme. */
export function collectionOf(item: WxrItem, map: Map<string, Collection>): { collection: Collection; category?: string } {
	for (const term of item.terms) {
		if (term.domain !== 'category') continue;
		const collection = map.get(term.name.toLowerCase()) ?? map.get(term.nicename.toLowerCase());
		if (collection) return { collection, category: term.name };
	}
	return { collection: 'communiques' };
}

/** Categories and tags as themes, once each, without WordPress's default category nor the one naming the collection. */
export function themesOf(item: WxrItem, collectionCategory?: string): string[] {
	const themes: string[] = [];
	for (const term of item.terms) {
		if (term.domain !== 'category' && term.domain !== 'post_tag') continue;
		const name = htmlToText(term.name);
		if (!name || DEFAULT_CATEGORIES.has(term.nicename) || name === collectionCategory) continue;
		if (!themes.some((theme) => theme.toLowerCase() === name.toLowerCase())) themes.push(name);
	}
	return themes;
}

/** At most `max` characters, cut after a sentence if one fits, else at a word, with `…`. */
export function summarise(text: string, max = DESCRIPTION_MAX): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const window = clean.slice(0, max);
	const sentence = Math.max(...['. ', '! ', '? ', '… '].map((end) => window.lastIndexOf(end)));
	if (sentence >= max / 3) return window.slice(0, sentence + 1);
	const space = window.slice(0, max - 1).lastIndexOf(' ');
	return `${window.slice(0, space > 0 ? space : max - 1).replace(/[\s,;:–-]+$/, '')}…`;
}

/** The running text of a Markdown body, for a standfirst: paragraphs only (no image, caption, link line, heading or table). */
export function leadText(markdown: string): string {
	return markdown
		.split(/\n{2,}/)
		.filter((paragraph) => !/^(!\[|\[|\*[^*]|#|\||\\\[|-|>)/.test(paragraph.trim()))
		.join(' ')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`]+|\\(?=\S)/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A YAML double-quoted scalar (JSON syntax is valid YAML): any text stays text. */
export function yamlString(value: string): string {
	return JSON.stringify(value);
}

export interface EntryFields {
	collection: Collection;
	title: string;
	description: string;
	date: string;
	tags: string[];
	draft: boolean;
	image?: { src: string; alt: string };
	attachments: Array<{ file: string; title: string }>;
	/** Press photos (contract « Photos »: `communiques` and `rencontres` only). */
	photos?: ImportedPhoto[];
	/** Kept as YAML comments: the contract has no such fields. */
	author?: string;
	oldUrl?: string;
}

/** The Markdown file of an entry. */
export function entryFile(fields: EntryFields, body: string): string {
	const lines = ['---'];
	if (fields.collection === 'temoignages') lines.push(`name: ${yamlString(fields.title)}`);
	lines.push(`title: ${yamlString(fields.title)}`, `description: ${yamlString(fields.description)}`, `date: ${fields.date}`);
	lines.push(`tags: [${fields.tags.map(yamlString).join(', ')}]`, `draft: ${fields.draft}`);
	if (fields.image) lines.push('image:', `  src: ${yamlString(fields.image.src)}`, `  alt: ${yamlString(fields.image.alt)}`);
	if (fields.collection === 'rencontres') {
		// The contract requires where the meeting took place; WordPress never said. The entry stays a draft until filled in.
		lines.push('event:', `  start: ${fields.date.slice(0, 10)}`, '  place: "À compléter"', '  city: "À compléter"');
	}
	if (fields.attachments.length > 0 && fields.collection !== 'temoignages') {
		lines.push('attachments:');
		for (const attachment of fields.attachments)
			lines.push(`  - file: ${yamlString(attachment.file)}`, `    title: ${yamlString(attachment.title)}`);
	}
	if (fields.photos?.length && fields.collection !== 'temoignages') {
		lines.push('photos:');
		for (const photo of fields.photos) {
			lines.push(`  - file: ${yamlString(photo.file)}`, `    alt: ${yamlString(photo.alt)}`, `    credit: ${yamlString(photo.credit)}`);
			if (photo.caption) lines.push(`    caption: ${yamlString(photo.caption)}`);
		}
	}
	if (fields.author) lines.push(`# Auteur sur WordPress : ${fields.author.replace(/[\r\n]+/g, ' ')}`);
	if (fields.oldUrl) lines.push(`# Ancienne adresse : ${fields.oldUrl.replace(/[\r\n]+/g, ' ')}`);
	lines.push('---', '');
	return `${lines.join('\n')}${body.trim()}\n`;
}

/** The path of a permalink (`https://example.org/2021/03/x/` → `/2021/03/x/`), or `undefined` when it has none worth redirecting. */
export function permalinkPath(link: string): string | undefined {
	let url: URL;
	try {
		url = new URL(link);
	} catch {
		return undefined;
	}
	// `?p=123` permalinks and the home page cannot be served as static pages.
	if (url.search || url.pathname === '/' || url.pathname === '') return undefined;
	let path = url.pathname;
	try {
		path = decodeURI(path);
	} catch {
		return undefined;
	}
	// Astro's redirect routes read `[` as a parameter; such paths are left out.
	return /[[\]\s]/.test(path) ? undefined : path;
}
