// Type declarations for the two modules of the import that ship none of their own.
declare module '@mixmark-io/domino' {
	const domino: { createDocument(html?: string, force?: boolean): Document };
	export default domino;
}

declare module '@joplin/turndown-plugin-gfm' {
	import type TurndownService from 'turndown';
	export const tables: TurndownService.Plugin;
	export const strikethrough: TurndownService.Plugin;
	export const gfm: TurndownService.Plugin;
}
