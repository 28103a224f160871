/**
 * Links and images of an entry's body whose address runs something instead of
 * opening a page: `javascript:`, `data:`, `vbscript:`… A link is safe when its
 * scheme is http(s), mailto or tel, or when it has none (a relative path).
 *
 * The body is read by Sätteri, the parser that renders the site's Markdown and
 * MDX, so every form it turns into a link is seen as it will be rendered:
 * inline links and images, reference definitions, autolinks (`<javascript:…>`),
 * character references (`&#106;avascript:`) decoded; raw HTML and MDX elements
 * are read attribute by attribute (`href`, `src`, `srcset`…), HTML through
 * Sätteri's HTML parser, which decodes them as a browser does.
 */
import { htmlToHast, markdownToMdast, mdxToMdast, type HastNode, type MdastNode } from 'satteri';
import type { ParsedEntry } from './entry-file';
import type { ContentProblem } from './problems';

/** Schemes a link of an entry may use; no scheme at all (a relative path) is allowed too. */
const SAFE_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'];

/**
 * The scheme of `url` as a browser reads it (`javascript:`), lower case, or
 * `undefined` when it has none. Browsers drop leading and trailing spaces and
 * control characters, and tabs and newlines anywhere (WHATWG URL standard):
 * ` java\tscript:` runs as `javascript:`.
 */
export function schemeOf(url: string): string | undefined {
	const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
	return /^([a-z][a-z\d+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase().concat(':');
}

/** The scheme of `url` when a link may not use it, else `undefined`. */
export function unsafeScheme(url: string): string | undefined {
	const scheme = schemeOf(url);
	return scheme && !SAFE_SCHEMES.includes(scheme) ? scheme : undefined;
}

/** What the address is for: the words of the message. */
type LinkKind = 'lien' | 'image' | 'adresse';

/** One refused address; `line` counts from 1 in the body. */
interface UnsafeLink {
	line: number;
	kind: LinkKind;
	url: string;
	scheme: string;
}

/**
 * HTML attributes that hold addresses a browser follows or loads, as
 * lower-case letters only (`srcSet`, `xlink:href` → `srcset`, `xlinkhref`).
 */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'longdesc', 'xlinkhref']);
/** Attributes holding several addresses separated by spaces or commas (with `1x`, `400w` descriptors). */
const URL_LIST_ATTRIBUTES = new Set(['srcset', 'imagesrcset', 'ping']);

const attributeKey = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/** Addresses of one HTML attribute (several for `srcset`), with what they are for. */
function attributeUrls(tag: string, name: string, value: unknown): Array<{ kind: LinkKind; url: string }> {
	const key = attributeKey(name);
	if (typeof value !== 'string') return [];
	const kind: LinkKind =
		key === 'href' && ['a', 'area'].includes(tag.toLowerCase())
			? 'lien'
			: ['img', 'source', 'picture'].includes(tag.toLowerCase())
				? 'image'
				: 'adresse';
	if (URL_ATTRIBUTES.has(key)) return [{ kind, url: value }];
	// A candidate of a `srcset` may hold commas itself (`data:image/png;base64,…`): every piece is checked, which only errs on the safe side.
	if (URL_LIST_ATTRIBUTES.has(key)) return value.split(/[\s,]+/).map((url) => ({ kind, url }));
	// `<meta http-equiv="refresh" content="0;url=javascript:…">` opens its address on its own.
	const refresh = tag.toLowerCase() === 'meta' && key === 'content' ? /\burl\s*=\s*['"]?([^'"]*)/i.exec(value) : null;
	if (refresh) return [{ kind, url: refresh[1] ?? '' }];
	return [];
}

/** Refused addresses of a piece of raw HTML, as a browser parses it. */
function htmlUnsafeLinks(html: string): Array<Omit<UnsafeLink, 'line'>> {
	const found: Array<Omit<UnsafeLink, 'line'>> = [];
	const visit = (node: HastNode) => {
		if (node.type === 'element') {
			for (const [name, value] of Object.entries(node.properties ?? {})) {
				for (const { kind, url } of attributeUrls(node.tagName, name, value)) {
					const scheme = unsafeScheme(url);
					if (scheme) found.push({ kind, url, scheme });
				}
			}
		}
		if ('children' in node) for (const child of node.children ?? []) visit(child as HastNode);
	};
	visit(htmlToHast(html, { fragment: true }));
	return found;
}

/** An opening tag, quoted values kept whole (`title="a>b"`): to give each address the line of its tag. */
const OPENING_TAG = /<[a-z][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>/gi;

/**
 * Refused addresses of a raw HTML node starting at `line`, each at the line of
 * its tag. The node is also parsed whole, as the browser will: an address the
 * tag by tag reading missed (a tag it could not delimit) is reported at the
 * node's first line rather than lost.
 */
function rawHtmlUnsafeLinks(html: string, line: number): UnsafeLink[] {
	const whole = htmlUnsafeLinks(html);
	if (whole.length === 0) return [];
	const byTag = [...html.matchAll(OPENING_TAG)].flatMap((tag) =>
		htmlUnsafeLinks(tag[0]).map((link) => ({ ...link, line: line + (html.slice(0, tag.index).match(/\n/g)?.length ?? 0) })),
	);
	const unplaced = whole.filter((link) => !byTag.some((placed) => placed.url === link.url && placed.scheme === link.scheme));
	return [...byTag, ...unplaced.map((link) => ({ ...link, line }))];
}

/** Literal string attributes of an MDX element: `href="…"`, or `href={"…"}`. */
function jsxAttributeValue(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	const expression = (value as { type?: string; value?: string } | null)?.value?.trim();
	const literal = expression ? /^(["'`])([\s\S]*)\1$/.exec(expression) : null;
	return literal?.[2];
}

/**
 * Text that may hold a refused scheme: a colon (typed, or as a character
 * reference) right after a scheme's letters other than http(s), mailto and
 * tel, after a character reference (`&#106;avascript:`) or after a tab or a
 * newline (dropped by browsers). Most bodies have none (French puts a space
 * before « : », and their links are https), and are not parsed at all: the
 * check stays as fast on 1000 entries.
 */
const SCHEME_CANDIDATE = /(?:(?:^|[^a-z\d+.-])(?!(?:https?|mailto|tel):)[a-z][a-z\d+.-]*|[;\t\r\n])(?::|&(?:colon|#0*58|#x0*3a);?)/i;

/**
 * Every link or image of a Markdown or MDX body whose scheme is refused, in
 * the order of the text. An MDX body the parser cannot read yields nothing
 * here: Astro reports its syntax error, and nothing is built from it.
 */
export function unsafeLinks(body: string, mdx: boolean): UnsafeLink[] {
	if (!SCHEME_CANDIDATE.test(body)) return [];
	let tree: MdastNode;
	try {
		tree = mdx ? mdxToMdast(body) : markdownToMdast(body, { features: { frontmatter: false } });
	} catch {
		return [];
	}
	const found: UnsafeLink[] = [];
	const visit = (node: MdastNode) => {
		const line = node.position?.start.line ?? 1;
		if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
			const scheme = unsafeScheme(node.url);
			if (scheme) found.push({ line, kind: node.type === 'image' ? 'image' : 'lien', url: node.url, scheme });
		} else if (node.type === 'html') {
			found.push(...rawHtmlUnsafeLinks(node.value, line));
		} else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			for (const attribute of node.attributes) {
				if (attribute.type !== 'mdxJsxAttribute') continue;
				const value = jsxAttributeValue(attribute.value);
				for (const { kind, url } of value === undefined ? [] : attributeUrls(node.name ?? '', attribute.name, value)) {
					const scheme = unsafeScheme(url);
					if (scheme) found.push({ line, kind, url, scheme });
				}
			}
		}
		if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
	};
	visit(tree);
	return found;
}

/** An address as a message shows it: control characters as spaces, trimmed, and cut when long (a `data:` image): the start says enough. */
function shownUrl(url: string): string {
	const visible = url.replace(/[\u0000-\u0020]+/g, ' ').trim();
	return visible.length > 60 ? `${visible.slice(0, 59)}…` : visible;
}

const KIND_WORDS: Record<LinkKind, string> = { lien: 'le lien', image: 'l’image', adresse: 'l’adresse' };

/** `le lien « javascript:alert(1) » utilise le schéma « javascript: », refusé par sécurité ; …`. */
function unsafeLinkMessage(link: Omit<UnsafeLink, 'line'>): string {
	return `${KIND_WORDS[link.kind]} « ${shownUrl(link.url)} » utilise le schéma « ${link.scheme} », refusé par sécurité ; utilisez une adresse https://, mailto: ou tel:, ou un chemin relatif.`;
}

/** The refused links of an entry's body, at their lines of the file. */
export function unsafeLinkProblems(entry: ParsedEntry): ContentProblem[] {
	return unsafeLinks(entry.body, entry.file.toLowerCase().endsWith('.mdx')).map((link) => ({
		severity: 'error',
		file: entry.file,
		line: entry.bodyLine + link.line - 1,
		message: unsafeLinkMessage(link),
	}));
}
