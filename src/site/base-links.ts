/**
 * Authors write site links as `/rencontres/x/`; under `BASE_PATH=/presse`
 * they must become `/presse/rencontres/x/`. This HTML-tree plugin (Sätteri,
 * Astro 7's Markdown processor) prefixes root-relative `href`/`src` in
 * rendered Markdown and MDX with the base.
 */

/** `/rencontres/x/` → `/presse/rencontres/x/`; absolute, protocol-relative and already-based URLs stay. */
export function withBase(value: string, base: string): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	if (root === '/' || !value.startsWith('/') || value.startsWith('//') || value.startsWith(root)) return value;
	return `${root}${value.slice(1)}`;
}

interface ElementLike {
	properties?: Record<string, unknown>;
}

interface ContextLike {
	setProperty(node: never, key: string, value: unknown): void;
}

/** The plugin for `satteri({ hastPlugins: [baseLinks(base)] })`. */
export function baseLinks(base: string) {
	return {
		name: 'relais-base-links',
		element: {
			filter: ['a', 'area', 'img', 'source', 'video', 'audio', 'track', 'iframe'],
			visit(node: ElementLike, context: ContextLike) {
				for (const attribute of ['href', 'src']) {
					const value = node.properties?.[attribute];
					if (typeof value !== 'string') continue;
					const based = withBase(value, base);
					if (based !== value) context.setProperty(node as never, attribute, based);
				}
			},
		},
	};
}
