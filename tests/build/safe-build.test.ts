/**
 * Safe deploys: a build that fails late, after the content check passed and
 * Astro started writing pages, exits non-zero and leaves the last good
 * output byte for byte (hash of every file before and after), with no staging
 * folder left behind. Two late points are tested:
 *
 * - during page rendering: `tests/fixtures/late-failure/` has a rencontre in
 *   MDX whose frontmatter is valid (`npm run check` accepts it) and whose body
 *   throws when rendered;
 * - after every page is written, in the `astro:build:done` hook that draws the
 *   social cards: the card cache (`RELAIS_CARDS_CACHE`) cannot be created.
 *
 * The "last good site" is the same fixture without the failing rencontre.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureContent, listFiles } from '../helpers/build';

const FAILING = 'rencontres/2020-02-01-rendu-impossible.mdx';

/** sha256 of every file of a folder, by relative path. */
function hashes(dir: string): Record<string, string> {
	return Object.fromEntries(
		listFiles(dir)
			.sort()
			.map((file) => [
				file,
				createHash('sha256')
					.update(readFileSync(path.join(dir, file)))
					.digest('hex'),
			]),
	);
}

let work: string;
let goodContent: string;
let goodSite: string;

beforeAll(() => {
	work = mkdtempSync(path.join(tmpdir(), 'relais-safe-'));
	goodContent = path.join(work, 'content');
	cpSync(fixtureContent('late-failure'), goodContent, { recursive: true, filter: (source) => !source.endsWith(path.basename(FAILING)) });
	goodSite = path.join(work, 'good', 'dist');
	const good = buildSite({ fixture: goodContent, outDir: goodSite });
	if (!good.ok) throw new Error(`the good build failed:\n${good.output}`);
});

/** A copy of the last good site in a fresh folder, with its hashes. */
function lastGoodSite(name: string) {
	const outDir = path.join(work, name, 'dist');
	cpSync(goodSite, outDir, { recursive: true });
	const before = hashes(outDir);
	expect(before).toEqual(hashes(goodSite));
	expect(Object.keys(before)).toContain('communiques/2020-01-15-bon-communique/index.html');
	expect(Object.keys(before).length).toBeGreaterThan(10);
	return { outDir, before };
}

describe('a build failing late leaves the last good site byte for byte', () => {
	it('when a page throws while rendering', () => {
		const { outDir, before } = lastGoodSite('render');
		const result = buildSite({ fixture: 'late-failure', outDir });
		expect(result.ok).toBe(false);
		expect(result.status).not.toBe(0);
		// It did get past the content check, into Astro's rendering.
		expect(result.output).not.toContain('Contenu invalide');
		expect(result.output).toContain('erreur volontaire du test safe-build');
		expect(result.output).toContain('rien n’a été publié');
		expect(hashes(outDir)).toEqual(before);
		expect(readdirSync(path.dirname(outDir))).toEqual(['dist']);
	});

	it('when the last build step (social cards, after every page is written) fails', () => {
		const { outDir, before } = lastGoodSite('cards');
		// A cache folder that cannot be created: its parent is a file.
		const blocker = path.join(work, 'not-a-folder');
		writeFileSync(blocker, '');
		const result = buildSite({ fixture: goodContent, outDir, env: { RELAIS_CARDS_CACHE: path.join(blocker, 'cards') } });
		expect(result.ok).toBe(false);
		expect(result.status).not.toBe(0);
		// The failure came from drawing a card into the staging folder, once the pages were written.
		expect(result.output).toMatch(/carte sociale \S+\.staging\/og\/\S+\.png : Error: ENOTDIR/);
		expect(result.output).toContain('rien n’a été publié');
		expect(hashes(outDir)).toEqual(before);
		expect(readdirSync(path.dirname(outDir))).toEqual(['dist']);
	});
});
