/** What the content check reports, and how: one problem per line of `npm run check`. */

export interface ContentProblem {
	severity: 'error' | 'warning';
	/** Path of the file, relative to the working directory. */
	file: string;
	line?: number;
	field?: string;
	message: string;
	/** The corrected line(s), to copy as they are. */
	fix?: string;
}

/** One problem: `content/communiques/x.md:3 : le champ « date » : …`, then the corrected line(s), indented. */
export function formatProblem(problem: ContentProblem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const field = problem.field ? `le champ « ${problem.field} » : ` : '';
	const fix = problem.fix ? `\n    Ligne corrigée, à copier :\n${problem.fix.replace(/^/gm, '      ')}` : '';
	return `${where} : ${field}${problem.message}${fix}`;
}

/** File by file (path order), each file in line order; same line: in the order found (root causes first). */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
	return problems
		.map((problem, index) => ({ problem, index }))
		.sort(
			(a, b) =>
				(a.problem.file < b.problem.file ? -1 : a.problem.file > b.problem.file ? 1 : 0) ||
				(a.problem.line ?? 0) - (b.problem.line ?? 0) ||
				a.index - b.index,
		)
		.map(({ problem }) => problem);
}
