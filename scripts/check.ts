/**
 * `npm run check`: validates all content without a full build and prints,
 * for every problem, the file, line, field and the fix. Exit code 1 on errors
 * only; warnings are printed but do not fail.
 */
import { settings } from '../src/config';
import { checkContent, formatProblem } from '../src/lib/content-check';
import { fileURLToPath } from 'node:url';

const problems = checkContent({
	contentDir: fileURLToPath(settings.contentDir),
	timeZone: settings.timeZone,
	now: settings.buildTime,
});
const errors = problems.filter((problem) => problem.severity === 'error');
const warnings = problems.filter((problem) => problem.severity === 'warning');
for (const problem of errors) console.error(`Erreur : ${formatProblem(problem)}`);
for (const problem of warnings) console.warn(`Attention : ${formatProblem(problem)}`);
console.log(
	errors.length === 0
		? `Contenu valide${warnings.length ? ` (${warnings.length} avertissement(s))` : ''}.`
		: `${errors.length} erreur(s), ${warnings.length} avertissement(s) : corrigez les erreurs avant de publier.`,
);
process.exit(errors.length > 0 ? 1 : 0);
