/**
 * `/admin/config-url.js`: tells the editor where its configuration is
 * (`<link rel="cms-config-url">`, added by script because that `rel` is not
 * a registered keyword of HTML), so `/admin` without its final slash works
 * too and the path stays under the base.
 */
import type { APIRoute } from 'astro';
import { url } from '../../site/site.data';

export const GET: APIRoute = () => {
	const href = JSON.stringify(url.path('admin', 'config.yml'));
	const script = `(function () {
	var link = document.createElement('link');
	link.rel = 'cms-config-url';
	link.type = 'text/yaml';
	link.href = ${href};
	document.head.appendChild(link);
})();
`;
	return new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
