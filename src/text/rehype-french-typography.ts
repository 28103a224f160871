/**
 * Applies `frenchTypography` to the text of rendered Markdown and MDX bodies.
 *
 * Astro 7 renders Markdown with Sätteri (`@astrojs/markdown-satteri`), not
 * unified: `markdown.rehypePlugins` is deprecated there and only runs when
 * `@astrojs/markdown-remark` is installed, which would swap the whole
 * pipeline. So the plugin comes in two shapes sharing its rules
 * (`isSkipped`, `typesetValue`):
 * - `satteriFrenchTypography`, a Sätteri HTML-tree plugin, wired in
 *   `relais()` (src/relais.ts) via `satteri({ hastPlugins: [...] })`; MDX inherits
 *   the Markdown processor (`mdx()` extends the Markdown config by default);
 * - `rehypeFrenchTypography`, the same transform as a unified/rehype plugin on
 *   a plain hast tree, for any unified pipeline and for the unit tests.
 *
 * Only text nodes change: attributes (`href`, `alt`, `title`, MDX props) are
 * never read, and `raw` HTML is left alone.
 */
import type { Nodes, Parents, Root, Text } from 'hast';
import { frenchTypography, looksLikeUrlOrEmail } from './typography';

/** Elements whose text is code, machine input or output, or not prose at all. */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'textarea', 'math', 'svg']);

/** Whether an element (or MDX JSX element) keeps its text as typed. */
function isSkipped(node: { type: string; tagName?: unknown; name?: unknown }): boolean {
	const name = node.type === 'element' ? node.tagName : node.name;
	return typeof name === 'string' && SKIPPED_ELEMENTS.has(name.toLowerCase());
}

/** The typeset value of a text node, or `undefined` when it stays as it is. */
function typesetValue(value: string): string | undefined {
	// A link text that is a bare URL or address must read exactly like its target.
	if (looksLikeUrlOrEmail(value)) return undefined;
	const typeset = frenchTypography(value);
	return typeset === value ? undefined : typeset;
}

/**
 * Rehype (unified) plugin: `unified().use(rehypeFrenchTypography)`.
 * Mutates text nodes in place, skipping the subtrees of `SKIPPED_ELEMENTS`.
 */
export function rehypeFrenchTypography() {
	return (tree: Root): void => {
		const visit = (node: Nodes): void => {
			if (node.type === 'text') {
				const typeset = typesetValue(node.value);
				if (typeset !== undefined) node.value = typeset;
				return;
			}
			if (!('children' in node) || isSkipped(node)) return;
			for (const child of (node as Parents).children) visit(child as Nodes);
		};
		visit(tree);
	};
}

/** The part of Sätteri's visitor context this plugin uses. */
interface SatteriContextLike {
	parent(node: never): { type: string; tagName?: unknown; name?: unknown } | undefined;
}

/**
 * Sätteri HTML-tree plugin: `satteri({ hastPlugins: [satteriFrenchTypography] })`.
 * Visits text nodes only; returning a text node with a new value makes
 * Sätteri swap the value in place.
 */
export const satteriFrenchTypography = {
	name: 'relais-french-typography',
	text(node: Readonly<Text>, context: SatteriContextLike): Text | undefined {
		// Sätteri hands over one node at a time: walk up to find code or script ancestors.
		for (let parent = context.parent(node as never); parent; parent = context.parent(parent as never)) {
			if (isSkipped(parent)) return undefined;
			if (parent.type === 'root') break;
		}
		const typeset = typesetValue(node.value);
		return typeset === undefined ? undefined : { type: 'text', value: typeset };
	},
};
