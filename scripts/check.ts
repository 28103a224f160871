/**
 * `npm run check`: validates all content without a full build and prints,
 * for every problem, the file, line, field and the fix. Exit code 1 on errors
 * only; warnings are printed but do not fail.
 *
 * `scripts/build.mjs` runs the same check (`checkSiteContent`) before Astro
 * starts, so a build with invalid content stops with these same lines first.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { settings } from '../src/settings/settings';
import { checkContent, formatProblem, type ContentProblem } from '../src/authoring/check';

/** Every problem of the site's content folder, with the site's settings. */
// For scripts/build.mjs, which loads this module once through tsx: one evaluation of the settings.
export { tools } from '../src/settings/settings';

export function checkSiteContent(): ContentProblem[] {
	return checkContent({
		contentDir: fileURLToPath(settings.contentDir),
		timeZone: settings.timeZone,
		now: settings.buildTime,
		unknownFields: settings.content.unknownFields,
	});
}

/** `Erreur : …` and `Attention : …` lines, errors apart from warnings. */
export function problemLines(problems: ContentProblem[]): { errors: string[]; warnings: string[] } {
	return {
		errors: problems.filter((problem) => problem.severity === 'error').map((problem) => `Erreur : ${formatProblem(problem)}`),
		warnings: problems.filter((problem) => problem.severity === 'warning').map((problem) => `Attention : ${formatProblem(problem)}`),
	};
}

function main(): number {
	const { errors, warnings } = problemLines(checkSiteContent());
	for (const line of errors) console.error(line);
	for (const line of warnings) console.warn(line);
	console.log(
		errors.length === 0
			? `Contenu valide${warnings.length ? ` (${warnings.length} avertissement(s))` : ''}.`
			: `${errors.length} erreur(s), ${warnings.length} avertissement(s) : corrigez les erreurs avant de publier.`,
	);
	return errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
