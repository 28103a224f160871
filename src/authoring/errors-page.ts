/**
 * The page `npm run dev` shows instead of the site while content has errors:
 * the same French messages as `npm run check`, file, line, field and the
 * corrected line, so the author sees the problem where they look. Vite's
 * client script reloads it when the content is fixed.
 */
import type { ContentProblem } from './check';
import { t } from '../text/i18n';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

function problemItem(problem: ContentProblem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const field = problem.field ? ` — ${escapeHtml(t('contentErrors.field', { field: problem.field }))}` : '';
	const fix = problem.fix ? `<p>${escapeHtml(t('contentErrors.fix'))}</p><pre><code>${escapeHtml(problem.fix)}</code></pre>` : '';
	return `<li><p><strong><code>${escapeHtml(where)}</code></strong>${field}</p><p>${escapeHtml(problem.message)}</p>${fix}</li>`;
}

/** The whole HTML document; `clientScript` is the dev server's live-reload script (`/@vite/client`). */
export function contentErrorsPage(problems: ContentProblem[], clientScript: string): string {
	const errors = problems.filter((problem) => problem.severity === 'error');
	const warnings = problems.filter((problem) => problem.severity === 'warning');
	const title = escapeHtml(t('contentErrors.title'));
	return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script type="module" src="${escapeHtml(clientScript)}"></script>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { color: #a00; }
li { margin-bottom: 1.25rem; border-left: 4px solid #a00; padding-left: 0.75rem; list-style: none; }
section:last-of-type li { border-color: #8a5a00; }
ol, ul { padding: 0; }
pre { background: #f3f3f3; padding: 0.5rem; overflow-x: auto; }
p { margin: 0.25rem 0; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${escapeHtml(t('contentErrors.intro', { count: errors.length }))}</p>
<section><h2>${escapeHtml(t('contentErrors.errors'))}</h2><ol>${errors.map(problemItem).join('')}</ol></section>
${warnings.length > 0 ? `<section><h2>${escapeHtml(t('contentErrors.warnings'))}</h2><ul>${warnings.map(problemItem).join('')}</ul></section>` : ''}
<p>${escapeHtml(t('contentErrors.guide'))}</p>
</main>
</body>
</html>
`;
}
