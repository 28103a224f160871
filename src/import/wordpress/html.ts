/**
 * WordPress post HTML → clean Markdown. The HTML is untrusted: it is parsed
 * (domino, the DOM turndown itself uses), reworked as a tree by a list of
 * named passes (embeds become plain links, uploads point at the files copied
 * beside the entry, gallery and captioned images become press photos), then
 * `sanitize-html` keeps only an allow-list of elements, attributes and URL
 * schemes, and turndown writes Markdown. Whatever cannot be converted stays as
 * readable text and is listed for a human, never dropped silently.
 */
import domino from '@mixmark-io/domino';
import { strikethrough, tables } from '@joplin/turndown-plugin-gfm';
import sanitizeHtml from 'sanitize-html';
import TurndownService from 'turndown';
import { extensionOf, PHOTO_EXTENSIONS } from '../../content/schemas/photo';
import { photoCredit } from './photos';

/** Where an upload's file is, for the entry being written. */
export type UploadResolution =
	/** Copied beside the entry under this name. */
	| { status: 'copied'; name: string }
	/** An upload of the site whose file is not in the uploads folder. */
	| { status: 'missing' };

export interface AttachmentInfo {
	/** The attachment's post id (`wp-image-<id>`). */
	id?: string;
	url: string;
	alt: string;
	caption: string;
	/** The credit WordPress read from the file's IPTC at upload, if any. */
	credit?: string;
}

export interface ConvertOptions {
	/** An upload URL → its file beside the entry; `undefined` for a URL that is not an upload. */
	resolveUpload(url: string): UploadResolution | undefined;
	/** An attachment id (`[gallery ids]`, `wp-image-12`) → its URL, alt text and caption. */
	attachment(id: string): AttachmentInfo | undefined;
	/** Attachments whose parent is this post: a `[gallery]` without `ids` shows them. */
	children?: AttachmentInfo[];
	/** An upload URL (`atelier-300x200.jpg` included) → the attachment of its original, for an image without `wp-image-<id>`. */
	attachmentAt?(url: string): AttachmentInfo | undefined;
	/** Whether the entry's collection takes press photos (contract « Photos »): gallery and captioned images become photos. */
	photos?: boolean;
}

/** A press photo of the entry (contract « Photos »), its file copied beside it. */
export interface ImportedPhoto {
	file: string;
	alt: string;
	credit: string;
	caption?: string;
}

export interface Conversion {
	markdown: string;
	/** Non-image files linked from the text, copied beside the entry: press-kit candidates. */
	files: Array<{ name: string; title: string }>;
	/** Upload URLs whose file was not found (links keep the old URL, images become links). */
	missing: string[];
	/** Embedded players turned into links. */
	embeds: Array<{ url: string; title: string }>;
	/** What was kept as text or HTML for a human to look at. */
	leftovers: string[];
	/** What was removed as unsafe: `<script>`, `<iframe>`… */
	removed: string[];
	/** Gallery and captioned images with a credit and a text alternative. */
	photos: ImportedPhoto[];
	/** Gallery and captioned images kept in the text only, and what they lack to be photos (French). */
	notPhotos: string[];
}

const IMAGE_FILE = /\.(jpe?g|png|webp|gif|avif)$/i;
/** Shortcodes this converter understands; any other is reported. */
const SHORTCODE = /\[(\/?)([a-z][a-z0-9_-]*)((?:\s+[^\]]*)?)\]/gi;
const UNSAFE_ELEMENTS = [
	'script',
	'style',
	'noscript',
	'template',
	'link',
	'meta',
	'base',
	'form',
	'input',
	'button',
	'select',
	'textarea',
];
const FRAME_ELEMENTS = ['iframe', 'embed', 'object', 'video', 'audio'];
/** URL schemes a link or an image of an imported entry may use; relative URLs have none. */
const ALLOWED_URL_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/** A file a press photo may be (contract « Photos »): JPEG, PNG or WebP. */
const isPhotoFile = (name: string) => (PHOTO_EXTENSIONS as readonly string[]).includes(extensionOf(name) ?? '');

export function isImageFile(name: string): boolean {
	return IMAGE_FILE.test(name.split(/[?#]/)[0] ?? '');
}

/** `key="value"` pairs of a shortcode's attributes. */
function shortcodeAttributes(source: string): Record<string, string> {
	const attributes: Record<string, string> = {};
	for (const match of source.matchAll(/([a-z_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/gi)) {
		attributes[(match[1] ?? '').toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
	}
	return attributes;
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function imageHtml(attachment: AttachmentInfo): string {
	const caption = attachment.caption ? `<figcaption>${escapeHtml(attachment.caption)}</figcaption>` : '';
	const id = attachment.id ? ` class="wp-image-${escapeHtml(attachment.id)}"` : '';
	return `<figure><img src="${escapeHtml(attachment.url)}" alt="${escapeHtml(attachment.alt)}"${id}>${caption}</figure>`;
}

/** `[caption]`, `[gallery]`, `[embed]` as the HTML WordPress would render; other shortcodes listed. */
export function expandShortcodes(html: string, options: ConvertOptions, leftovers: string[]): string {
	return html
		.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_, attributes: string, inner: string) => {
			// The image (possibly inside a link) comes first, the caption text after it.
			const media = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)/i.exec(inner);
			const caption = media ? inner.slice(media[0].length) : (shortcodeAttributes(attributes).caption ?? '');
			return `<figure>${media?.[1] ?? inner}<figcaption>${caption.trim()}</figcaption></figure>`;
		})
		.replace(/\[gallery([^\]]*)\]/gi, (_, attributes: string) => {
			const ids = (shortcodeAttributes(attributes).ids ?? '')
				.split(',')
				.map((id) => id.trim())
				.filter(Boolean);
			const images =
				ids.length > 0
					? ids.map((id) => {
							const found = options.attachment(id);
							return found && { ...found, id };
						})
					: (options.children ?? []).filter((child) => isImageFile(child.url));
			const found = images.filter((image): image is AttachmentInfo => image !== undefined);
			if (found.length < images.length || found.length === 0)
				leftovers.push(`galerie : ${images.length - found.length || 'toutes les'} image(s) introuvable(s) dans l’export`);
			// The class of a gallery block: the photo pass treats both alike.
			return `<div class="wp-block-gallery">${found.map(imageHtml).join('')}</div>`;
		})
		.replace(
			/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi,
			(_, address: string) => `<figure class="wp-block-embed"><div>${address.trim()}</div></figure>`,
		)
		.replace(SHORTCODE, (whole, closing: string, name: string, attributes: string) => {
			// `[1]`, `[sic]`: brackets in running text; a shortcode has attributes or a closing tag.
			if (!closing && !attributes.includes('=') && !new RegExp(`\\[/${name}\\]`, 'i').test(html)) return whole;
			if (!closing) leftovers.push(`code court non converti, gardé en texte : ${whole.slice(0, 80)}`);
			return whole;
		});
}

/** WordPress's `wpautop` for classic-editor posts: blank lines separate paragraphs, a newline is a line break. */
export function autoParagraphs(html: string): string {
	if (/<!--\s*wp:/.test(html)) return html;
	const blocks = html.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
	return blocks
		.map((block) => block.trim())
		.filter(Boolean)
		.map((block) =>
			/^<\/?(p|div|h[1-6]|ul|ol|li|figure|blockquote|table|pre|hr|iframe|script|style|\[caption|\[gallery|\[embed)/i.test(block) ||
			/^\[(caption|gallery|embed)/i.test(block)
				? block
				: `<p>${block.replace(/\n/g, '<br>\n')}</p>`,
		)
		.join('\n\n');
}

/** A human name for an embed: the provider (`YouTube`) from the class or the host. */
function embedTitle(address: string, caption: string, fallback = ''): string {
	if (caption) return caption;
	if (fallback) return fallback;
	let host = '';
	try {
		host = new URL(address).hostname.replace(/^www\./, '');
	} catch {
		return address;
	}
	const providers: Record<string, string> = {
		'youtube.com': 'la vidéo sur YouTube',
		'youtu.be': 'la vidéo sur YouTube',
		'dailymotion.com': 'la vidéo sur Dailymotion',
		'vimeo.com': 'la vidéo sur Vimeo',
		'twitter.com': 'la publication sur X',
		'x.com': 'la publication sur X',
		'facebook.com': 'la publication sur Facebook',
		'instagram.com': 'la publication sur Instagram',
		'linkedin.com': 'la publication sur LinkedIn',
	};
	const provider = Object.entries(providers).find(([domain]) => host === domain || host.endsWith(`.${domain}`));
	return `Voir ${provider ? provider[1] : `le contenu sur ${host}`}`;
}

/**
 * The scheme of `url` as a browser would read it once the Markdown renderer has
 * decoded the destination turndown wrote: backslashes dropped (Markdown escapes),
 * character references decoded, then whitespace and control characters removed
 * (browsers skip them inside a scheme; a parser makes U+FFFD of a NUL). Lower case; `undefined` for a relative URL.
 * Reads more schemes than a browser would, never fewer.
 */
function urlScheme(url: string): string | undefined {
	const document = domino.createDocument(
		`<!doctype html><body><textarea>${url.replace(/\\/g, '').replace(/</g, '&lt;')}</textarea></body>`,
	);
	const decoded = (document.querySelector('textarea')?.value ?? '').replace(
		/[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\ufeff\ufffd]/g,
		'',
	);
	return /^([a-z][a-z0-9+.-]*):/i.exec(decoded)?.[1]?.toLowerCase();
}

/** Whether a link or image may point at `url`: http(s), mailto, tel or relative. */
export function isAllowedUrl(url: string): boolean {
	const scheme = urlScheme(url);
	return scheme === undefined || ALLOWED_URL_SCHEMES.includes(scheme);
}

type DomElement = ReturnType<Document['createElement']>;

function linkParagraph(document: Document, href: string, title: string): DomElement {
	const paragraph = document.createElement('p');
	const link = document.createElement('a');
	link.setAttribute('href', href);
	link.textContent = title;
	paragraph.appendChild(link);
	return paragraph;
}

/** Plain text of an HTML fragment: tags removed, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
	const document = domino.createDocument(`<!doctype html><body>${html}</body>`);
	return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What the passes share: the post as a tree, the options, and what the conversion found so far. */
interface ConversionState {
	document: Document;
	body: HTMLElement;
	options: ConvertOptions;
	result: Conversion;
	/** Galleries some of whose images became press photos, for `removeEmptiedGalleries`. */
	galleries: Set<Element>;
}

type Pass = (state: ConversionState) => void;

const all = ({ body }: ConversionState, selector: string) => Array.from(body.querySelectorAll(selector));

/** `« value »`, shortened: how the report quotes what the post held. */
function quoted(value: string): string {
	const clean = value.replace(/\s+/g, ' ').trim();
	return `«\u00a0${clean.length > 60 ? `${clean.slice(0, 59)}…` : clean}\u00a0»`;
}

/** Scripts, styles, forms and the like: removed with their content, and listed. */
function removeUnsafeElements(state: ConversionState) {
	for (const element of all(state, UNSAFE_ELEMENTS.join(','))) {
		state.result.removed.push(`<${element.tagName.toLowerCase()}>`);
		element.remove();
	}
}

/** Gutenberg embeds: the URL is the wrapper's text; the caption (if any) is the title. */
function linkBlockEmbeds(state: ConversionState) {
	for (const figure of all(state, 'figure.wp-block-embed, div.wp-block-embed')) {
		const address =
			(figure.querySelector('.wp-block-embed__wrapper, div')?.textContent ?? figure.textContent ?? '').trim().split(/\s+/)[0] ?? '';
		const caption = (figure.querySelector('figcaption')?.textContent ?? '').trim();
		if (!/^https?:\/\//i.test(address)) continue;
		const title = embedTitle(address, caption);
		state.result.embeds.push({ url: address, title });
		figure.replaceWith(linkParagraph(state.document, address, title));
	}
}

/** Frames, players and plug-ins: a link to what they showed when it is on the web, else removed and listed. */
function linkFrames(state: ConversionState) {
	for (const frame of all(state, FRAME_ELEMENTS.join(','))) {
		const address = frame.getAttribute('src') ?? frame.getAttribute('data') ?? frame.querySelector('source')?.getAttribute('src') ?? '';
		if (/^(https?:)?\/\//i.test(address)) {
			const absolute = address.startsWith('//') ? `https:${address}` : address;
			const title = embedTitle(absolute, '', frame.getAttribute('title') ?? '');
			state.result.embeds.push({ url: absolute, title });
			frame.replaceWith(linkParagraph(state.document, absolute, title));
		} else {
			state.result.removed.push(`<${frame.tagName.toLowerCase()}>`);
			frame.remove();
		}
	}
}

/**
 * A URL whose scheme is not allowed (`javascript:`, `data:`, `vbscript:`…, however
 * written) is removed and listed, before the image pass could make a link of it:
 * a link keeps its text, an image without its source goes.
 */
function dropDisallowedUrls(state: ConversionState) {
	for (const element of all(state, '[href], [src], [srcset]')) {
		for (const attribute of ['href', 'src', 'srcset']) {
			const value = element.getAttribute(attribute);
			if (value === null) continue;
			const urls = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
			const refused = urls.find((url) => !isAllowedUrl(url));
			if (refused === undefined) continue;
			element.removeAttribute(attribute);
			state.result.removed.push(
				`adresse ${quoted(refused)} (<${element.tagName.toLowerCase()} ${attribute}>)\u00a0: seules les adresses http, https, mailto, tel et relatives sont gardées`,
			);
		}
	}
}

/**
 * A gallery or captioned image as a press photo, when it has a credit and a text
 * alternative; else it stays in the text and what it lacks is listed. A gallery's
 * photo leaves the text (the entry's « Photos » section shows it); a captioned
 * image stays where the author put it. Returns whether the image was of either kind.
 */
function pressPhoto(state: ConversionState, image: Element, source: string, attachmentId: string | undefined, alt: string, name: string) {
	const { options, result } = state;
	const gallery = image.closest('.wp-block-gallery') ?? undefined;
	const figure = image.closest('figure');
	const item = figure && figure !== gallery ? figure : undefined;
	const captionElement = item && Array.from(item.children).find((child) => child.tagName === 'FIGCAPTION');
	const written = (captionElement?.textContent ?? '').replace(/\s+/g, ' ').trim();
	if (!gallery && !written) return false;
	const attachment = (attachmentId ? options.attachment(attachmentId) : undefined) ?? options.attachmentAt?.(source);
	const { credit, caption } = photoCredit(attachment?.credit, written || (gallery ? (attachment?.caption ?? '') : ''));
	if (!isPhotoFile(name)) {
		result.notPhotos.push(`image gardée dans le texte : ${name} ; une photo de photothèque est un fichier JPEG, PNG ou WebP`);
		return true;
	}
	if (!credit || !alt) {
		const lacks = [!credit && 'crédit', !alt && 'texte alternatif'].filter(Boolean).join(' ni ');
		const add = [!credit && 'ajoutez son crédit', !alt && 'décrivez-la (texte alternatif)'].filter(Boolean).join(' et ');
		result.notPhotos.push(`photo sans ${lacks} : ${name} ; ${add} pour la proposer en photothèque`);
		return true;
	}
	// The original upload rather than a smaller copy the text showed: the press wants the full size.
	const original = attachment && attachment.url !== source ? options.resolveUpload(attachment.url) : undefined;
	const file = original?.status === 'copied' && isPhotoFile(original.name) ? original.name : name;
	if (!result.photos.some((photo) => photo.file === `./${file}`))
		result.photos.push({ file: `./${file}`, alt, credit, ...(caption && { caption }) });
	if (gallery) {
		const entry = image.closest('li');
		(entry && gallery.contains(entry) ? entry : (item ?? image)).remove();
		state.galleries.add(gallery);
	}
	return true;
}

/**
 * Images: an upload points at its copy beside the entry (and may become a press
 * photo); a missing or remote one becomes a link to it, so the new site requests
 * nothing from another host.
 */
function placeImages(state: ConversionState) {
	const { options, result } = state;
	for (const image of all(state, 'img')) {
		const source = image.getAttribute('src') ?? '';
		const id = /wp-image-(\d+)/.exec(image.getAttribute('class') ?? '')?.[1];
		const alt = (image.getAttribute('alt') ?? '').trim() || (id ? (options.attachment(id)?.alt ?? '') : '');
		const upload = options.resolveUpload(source);
		// A link around an image to its own upload ("link to media file") adds nothing on the new site.
		const link = image.parentElement?.tagName === 'A' ? image.parentElement : undefined;
		if (link && /\/wp-content\/uploads\//.test(link.getAttribute('href') ?? '')) link.replaceWith(image);
		if (upload?.status === 'copied' && isImageFile(upload.name)) {
			image.setAttribute('src', `./${upload.name}`);
			image.setAttribute('alt', alt);
			const photo = options.photos && pressPhoto(state, image, source, id, alt, upload.name);
			if (!alt && !photo) result.leftovers.push(`image sans texte alternatif : ${upload.name}`);
			continue;
		}
		if (upload?.status === 'missing') result.missing.push(source);
		else if (upload === undefined && source) result.leftovers.push(`image d’un autre site remplacée par un lien : ${source}`);
		if (!source) {
			image.remove();
			continue;
		}
		const replacement = state.document.createElement('a');
		replacement.setAttribute('href', source);
		replacement.textContent = `Image : ${alt || source.split('/').pop() || source}`;
		image.replaceWith(replacement);
	}
}

/** A gallery all of whose images became photos leaves the text; its own caption, if any, stays. */
function removeEmptiedGalleries(state: ConversionState) {
	for (const gallery of state.galleries) {
		if (gallery.querySelector('img')) continue;
		const caption = Array.from(gallery.children).find((child) => child.tagName === 'FIGCAPTION');
		const text = (caption?.textContent ?? '').trim();
		if (text) {
			const paragraph = state.document.createElement('p');
			paragraph.textContent = text;
			gallery.replaceWith(paragraph);
		} else gallery.remove();
	}
}

/** Links to uploaded files point at the press kit (`<entry>/fichiers/<name>`); missing ones keep the old address. */
function pointLinksAtFiles(state: ConversionState) {
	const { options, result } = state;
	for (const link of all(state, 'a[href]')) {
		const href = link.getAttribute('href') ?? '';
		const upload = options.resolveUpload(href);
		if (upload?.status === 'missing') {
			result.missing.push(href);
		} else if (upload?.status === 'copied') {
			const title = (link.textContent ?? '').replace(/\s+/g, ' ').trim() || upload.name;
			link.setAttribute('href', `fichiers/${upload.name}`);
			if (!result.files.some((file) => file.name === upload.name)) result.files.push({ name: upload.name, title });
		}
	}
}

/** Tables Markdown cannot hold (nested blocks, merged cells) stay as HTML: listed. */
function reportComplexTables(state: ConversionState) {
	for (const table of all(state, 'table')) {
		if (
			table.querySelector('table, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, pre, hr') ||
			table.querySelectorAll('[colspan], [rowspan]').length > 0
		) {
			state.result.leftovers.push('tableau complexe gardé en HTML');
		}
	}
}

/** The passes over the post's tree, in order. */
const PASSES: Pass[] = [
	removeUnsafeElements,
	linkBlockEmbeds,
	linkFrames,
	dropDisallowedUrls,
	placeImages,
	removeEmptiedGalleries,
	pointLinksAtFiles,
	reportComplexTables,
];

/**
 * The last pass: only elements and attributes the Markdown writer reads (and a kept
 * table may carry), only allowed URL schemes. Event handlers, `srcset`, `style` and
 * whatever the passes above did not foresee end here.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'ins', 'strike'],
	allowedAttributes: { '*': ['class', 'title'], a: ['href'], img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
	allowedSchemes: ALLOWED_URL_SCHEMES,
	allowedSchemesAppliedToAttributes: ['href', 'src'],
	allowProtocolRelative: true,
};

function markdownWriter(): TurndownService {
	const service = new TurndownService({
		headingStyle: 'atx',
		bulletListMarker: '-',
		codeBlockStyle: 'fenced',
		emDelimiter: '*',
		hr: '---',
	});
	service.use([tables, strikethrough]);
	service.addRule('figure', { filter: 'figure', replacement: (content) => `\n\n${content.trim()}\n\n` });
	service.addRule('figcaption', {
		filter: 'figcaption',
		replacement: (content) => (content.trim() ? `\n\n*${content.trim().replace(/\*/g, '\\*')}*\n\n` : ''),
	});
	// `<` in text would open raw HTML in Markdown.
	const escape = service.escape.bind(service);
	service.escape = (text) => escape(text).replace(/</g, '&lt;');
	return service;
}

/** The HTML of a post as Markdown, with what it used and what a human must look at. */
export function convertPostHtml(html: string, options: ConvertOptions): Conversion {
	const result: Conversion = { markdown: '', files: [], missing: [], embeds: [], leftovers: [], removed: [], photos: [], notPhotos: [] };
	const prepared = expandShortcodes(autoParagraphs(html), options, result.leftovers);
	const document = domino.createDocument(`<!doctype html><body>${prepared}</body>`);
	const state: ConversionState = { document, body: document.body, options, result, galleries: new Set() };
	for (const pass of PASSES) pass(state);
	const clean = sanitizeHtml(document.body.innerHTML, SANITIZE_OPTIONS);
	result.markdown = markdownWriter()
		.turndown(clean)
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return result;
}
