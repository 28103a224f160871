/**
 * `/admin/config.yml`: the web editor's configuration (Decap's format, read
 * by Sveltia CMS), generated from the collection schemas by src/editor/sveltia-config.ts.
 * Backend from the environment of the build (`CMS_*`, read by
 * src/settings/resolve.ts; see docs/web-editor.md).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { settings } from '../../settings/settings';
import { editorConfig } from '../../editor/sveltia-config';

/** The content folder relative to the repository (the editor's paths are), `content` when it lies outside. */
function contentDirInRepository(): string {
	const relative = path.relative(process.cwd(), fileURLToPath(settings.contentDir)).split(path.sep).join('/');
	return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? 'content' : relative;
}

export const GET: APIRoute = () => {
	const config = editorConfig({
		site: settings.site,
		base: settings.base,
		contentDir: contentDirInRepository(),
		timeZone: settings.timeZone,
		...settings.editor,
	});
	const header = '# Généré par src/editor/sveltia-config.ts à partir des schémas (src/content/schemas/) : ne pas modifier à la main.\n';
	return new Response(header + stringify(config, { lineWidth: 0 }), {
		headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
	});
};
