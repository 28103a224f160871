/** Modules `relais()` (src/relais.ts) provides to the site's modules through Vite. */
declare module 'virtual:relais/dev-server' {
	/** True under `astro dev`: drafts are previewed, the page CSP is off. */
	export const devServer: boolean;
}
