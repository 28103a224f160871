/**
 * Runs the content check before a build (and marks `astro dev` runs, which
 * preview drafts): every problem of every file is
 * printed at once (file, line, field, fix) and errors stop the build before
 * Astro reports only the first of them.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, formatProblem } from '../lib/content-check';
import type { ResolvedSettings } from '../lib/settings';

export function contentCheck(settings: ResolvedSettings): AstroIntegration {
	return {
		name: 'relais:content-check',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				// Read back as `settings.devServer` by the pages, which Astro loads after this hook.
				if (command === 'dev') process.env.RELAIS_DEV_SERVER = '1';
				if (command !== 'build') return;
				const problems = checkContent({
					contentDir: fileURLToPath(settings.contentDir),
					timeZone: settings.timeZone,
					now: settings.buildTime,
				});
				for (const problem of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(problem));
				const errors = problems.filter((problem) => problem.severity === 'error');
				if (errors.length > 0) {
					throw new Error(
						`Contenu invalide : ${errors.length} erreur(s).\n${errors.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
					);
				}
			},
		},
	};
}
