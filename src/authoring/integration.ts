/**
 * The content check under `npm run dev`: every save of a content file runs
 * the same check as `npm run check` and the build (`scripts/build.mjs` runs
 * it before Astro starts). While content has errors, the terminal lists them
 * in French and the browser shows them instead of a stale page: file, line,
 * field and the corrected line. Once fixed, the page reloads into the site.
 * Installed by `relais()` (src/relais.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, formatProblem, type ContentProblem } from './check';
import { contentErrorsPage } from './errors-page';
import type { ResolvedSettings } from '../settings/resolve';

/** Several files saved at once (an editor's "save all", a git checkout) are checked once. */
const SETTLE_MS = 50;
/** When the open page reloads again after the content turned invalid or valid (milliseconds). */
const RESYNC_MS = [1000, 3000, 6000];

/** A browser asking for a page, not a script, a style or an image. */
const wantsPage = (accept: string | undefined, url: string | undefined) =>
	Boolean(accept?.includes('text/html')) && !/^\/(@|__|node_modules\/)/.test(url ?? '');

export function contentCheck(settings: ResolvedSettings): AstroIntegration {
	let dev = false;
	return {
		name: 'relais:content-check',
		hooks: {
			'astro:config:setup': ({ command }) => {
				dev = command === 'dev';
			},
			'astro:server:setup': ({ server, logger }) => {
				// A build also starts a short-lived server to sync content (outside production mode): not for it.
				if (!dev) return;
				const contentDir = fileURLToPath(settings.contentDir);
				const check = () =>
					checkContent({
						contentDir,
						timeZone: settings.timeZone,
						now: settings.buildTime,
						unknownFields: settings.content.unknownFields,
					});
				let problems = check();
				let printed = report(problems, new Set(), logger);

				let timer: NodeJS.Timeout | undefined;
				const again = new Map<number, NodeJS.Timeout>();
				server.watcher.add(contentDir);
				const changed = new Set<string>();
				server.watcher.on('all', (event, file) => {
					if (path.relative(contentDir, file).startsWith('..')) return;
					if (event !== 'unlink' && event !== 'unlinkDir') changed.add(file);
					clearTimeout(timer);
					timer = setTimeout(() => {
						const before = errorKey(problems);
						const files = [...changed];
						changed.clear();
						problems = check();
						printed = report(problems, printed, logger, before !== '');
						// New errors: the open page reloads into the list. Fixed: into the site again. Either
						// way again a few times: a page that was itself reloading (Vite's first optimisation
						// of dependencies reloads it) misses the message, and once fixed, a page reloaded
						// before Astro's own re-sync of the entry ends shows its last good text.
						if (errorKey(problems) !== before) {
							server.ws.send({ type: 'full-reload', path: '*' });
							for (const delay of RESYNC_MS) clearTimeout(again.get(delay));
							// Astro's content layer may still hold the entry as it was before the mistake:
							// tell its watcher again that the fixed files changed, so it syncs them.
							if (errorKey(problems) === '') for (const file of files) server.watcher.emit('change', file);
							for (const delay of RESYNC_MS)
								again.set(
									delay,
									setTimeout(() => server.ws.send({ type: 'full-reload', path: '*' }), delay),
								);
						}
					}, SETTLE_MS);
				});

				const client = `${server.config.base.replace(/\/?$/, '/')}@vite/client`;
				server.middlewares.use((request, response, next) => {
					if (errorKey(problems) === '' || !wantsPage(request.headers.accept, request.url)) return next();
					response.statusCode = 500;
					response.setHeader('Content-Type', 'text/html; charset=utf-8');
					response.setHeader('Cache-Control', 'no-store');
					response.end(contentErrorsPage(problems, client));
				});
			},
		},
	};
}

/** The errors, as text: what the page shows, to tell whether it must reload. */
const errorKey = (problems: ContentProblem[]) =>
	problems
		.filter((problem) => problem.severity === 'error')
		.map(formatProblem)
		.join('\n');

/**
 * Prints the problems not printed yet (the terminal is not flooded at every
 * save) and whether the content became valid; returns what is now printed.
 */
function report(problems: ContentProblem[], printed: Set<string>, logger: AstroIntegrationLogger, hadErrors = false): Set<string> {
	const errors = problems.filter((problem) => problem.severity === 'error');
	const lines = problems.map((problem) => `${problem.severity === 'error' ? 'Erreur' : 'Attention'} : ${formatProblem(problem)}`);
	const fresh = lines.filter((line) => !printed.has(line));
	if (errors.length > 0 && fresh.some((line) => line.startsWith('Erreur'))) {
		logger.error(
			`Contenu invalide : ${errors.length} erreur(s). La prévisualisation affiche leur liste à la place du site ; corrigez chaque fichier puis enregistrez.`,
		);
	}
	for (const line of fresh) (line.startsWith('Erreur') ? logger.error : logger.warn).call(logger, line);
	if (errors.length === 0 && hadErrors) logger.info('Contenu corrigé : la prévisualisation affiche de nouveau le site.');
	return new Set(lines);
}
