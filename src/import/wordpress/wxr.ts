/**
 * Reads a WordPress export (WXR 1.0–1.2, Tools → Export) as a stream: the
 * XML is pushed through `sax` chunk by chunk and each `<item>` is handed over
 * as soon as it closes, so a 200 MB export never sits in memory as a whole,
 * only one item at a time.
 */
import sax from 'sax';

/** A term of an item: `<category domain="category" nicename="rse">RSE</category>`. */
export interface WxrTerm {
	domain: string;
	nicename: string;
	name: string;
}

/** One `<item>`: a post, page, attachment, menu item… as WordPress wrote it. */
export interface WxrItem {
	title: string;
	/** The permalink on the WordPress site. */
	link: string;
	/** Login of the author (`dc:creator`). */
	creator: string;
	content: string;
	excerpt: string;
	postId: string;
	/** `2021-03-15 10:30:00`, in the WordPress site's time. */
	postDate: string;
	postName: string;
	/** `publish`, `future`, `draft`, `pending`, `private`, `trash`, `inherit`, `auto-draft`. */
	status: string;
	/** `post`, `page`, `attachment`, `nav_menu_item`… */
	postType: string;
	password: string;
	/** For attachments: the file's URL. */
	attachmentUrl: string;
	/** Id of the parent post (an attachment's post), `0` for none. */
	parentId: string;
	terms: WxrTerm[];
	/** `wp:postmeta` key → value (`_thumbnail_id`, `_wp_attachment_image_alt`…). */
	meta: Record<string, string>;
}

/** What the channel says about the site: its address and its authors' display names. */
export interface WxrSite {
	link: string;
	/** Author login → display name. */
	authors: Map<string, string>;
}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
	title: 'title',
	link: 'link',
	'dc:creator': 'creator',
	'content:encoded': 'content',
	'excerpt:encoded': 'excerpt',
	'wp:post_id': 'postId',
	'wp:post_date': 'postDate',
	'wp:post_name': 'postName',
	'wp:status': 'status',
	'wp:post_type': 'postType',
	'wp:post_password': 'password',
	'wp:attachment_url': 'attachmentUrl',
	'wp:post_parent': 'parentId',
};

function emptyItem(): WxrItem {
	return {
		title: '',
		link: '',
		creator: '',
		content: '',
		excerpt: '',
		postId: '',
		postDate: '',
		postName: '',
		status: '',
		postType: '',
		password: '',
		attachmentUrl: '',
		parentId: '',
		terms: [],
		meta: {},
	};
}

/** Thrown for a file that is not well-formed XML or not a WordPress export; the message is French. */
export class WxrError extends Error {
	override name = 'WxrError';
}

/** What the reader holds between two tags. */
interface ReadState {
	/** The item being read, if inside one. */
	item?: WxrItem;
	/** The `<category>` being read: its attributes, until its text comes. */
	term?: Omit<WxrTerm, 'name'>;
	/** The key of the `<wp:postmeta>` being read. */
	metaKey: string;
	/** The `<wp:author>` being read. */
	author?: { login: string; name: string };
}

/** A tag closed inside an `<item>`: one of its fields, terms or meta is complete. */
function closeItemTag(state: ReadState, item: WxrItem, name: string, parent: string | undefined, text: string): void {
	if (name === 'category' && state.term) {
		item.terms.push({ ...state.term, name: text.trim() });
		state.term = undefined;
	} else if (name === 'wp:meta_key') {
		state.metaKey = text.trim();
	} else if (name === 'wp:meta_value') {
		if (state.metaKey) item.meta[state.metaKey] = text;
	} else if (parent === 'item' && ITEM_FIELDS[name]) {
		(item as unknown as Record<string, string>)[ITEM_FIELDS[name]] =
			name === 'content:encoded' || name === 'excerpt:encoded' ? text : text.trim();
	}
}

/** A tag closed inside a `<wp:author>`: the author joins the site's once complete. */
function closeAuthorTag(state: ReadState, author: { login: string; name: string }, site: WxrSite, name: string, text: string): void {
	if (name === 'wp:author_login') author.login = text.trim();
	if (name === 'wp:author_display_name') author.name = text.trim();
	if (name === 'wp:author') {
		if (author.login) site.authors.set(author.login, author.name || author.login);
		state.author = undefined;
	}
}

/**
 * Every item of the export, in file order, read from `chunks` (a file stream).
 * `site` is filled as the channel is read (its authors come before the items).
 */
export async function* readWxr(
	chunks: AsyncIterable<string | Buffer>,
	site: WxrSite = { link: '', authors: new Map() },
): AsyncGenerator<WxrItem> {
	const parser = sax.parser(true, { trim: false, normalize: false, position: true });
	const ready: WxrItem[] = [];
	const path: string[] = [];
	const state: ReadState = { metaKey: '' };
	let text = '';
	let sawRss = false;
	let failure: Error | undefined;

	parser.onopentag = (tag) => {
		path.push(tag.name);
		text = '';
		if (tag.name === 'rss') sawRss = true;
		if (tag.name === 'item') state.item = emptyItem();
		if (tag.name === 'wp:author') state.author = { login: '', name: '' };
		if (tag.name === 'category' && state.item) {
			const attribute = (name: string) => String(tag.attributes[name] ?? '');
			state.term = { domain: attribute('domain'), nicename: attribute('nicename') };
		}
	};
	parser.ontext = (value) => {
		text += value;
	};
	parser.oncdata = (value) => {
		text += value;
	};
	parser.onclosetag = (name) => {
		path.pop();
		const parent = path[path.length - 1];
		if (state.item && name === 'item') {
			ready.push(state.item);
			state.item = undefined;
		} else if (state.item) closeItemTag(state, state.item, name, parent, text);
		else if (state.author) closeAuthorTag(state, state.author, site, name, text);
		else if (name === 'link' && parent === 'channel') site.link = text.trim();
		text = '';
	};
	parser.onerror = (error) => {
		failure = new WxrError(`le fichier n’est pas un XML valide (ligne ${parser.line + 1}) : ${error.message.split('\n')[0]}`);
	};

	// `stream: true` keeps a character split between two chunks whole.
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of chunks) {
		parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
		if (failure) throw failure;
		yield* ready.splice(0);
	}
	parser.write(decoder.decode());
	parser.close();
	if (failure) throw failure;
	yield* ready.splice(0);
	if (!sawRss) throw new WxrError('ce fichier n’est pas un export WordPress (WXR) : il n’a pas d’élément <rss>.');
}
