/** Small text helpers for HTML produced by the Markdown renderer. */

/** Makes `href`/`src` values that start with `/` absolute, so feed readers can follow them. */
export function absolutizeHtml(html: string, origin: string): string {
	const root = new URL(origin).origin;
	return html
		.replace(/\s(href|src|poster)=(["'])\/(?!\/)/g, (_m, attr: string, quote: string) => ` ${attr}=${quote}${root}/`)
		.replace(/\ssrcset=(["'])([^"']*)\1/g, (_m, quote: string, value: string) => {
			const absolute = value.replace(/(^|,\s*)\/(?!\/)/g, `$1${root}/`);
			return ` srcset=${quote}${absolute}${quote}`;
		});
}

/** Plain text of a Markdown/MDX body: for derived descriptions. */
export function markdownToPlainText(markdown: string): string {
	return markdown
		.replace(/^\s*(import|export)\s.*$/gm, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
		.replace(/[*_`~]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Cuts text at a word boundary, adding an ellipsis when it was longer. */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut.slice(0, max - 1)).replace(/[\s,;:.!?«]+$/u, '')}…`;
}
