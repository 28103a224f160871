/**
 * Incremental builds are correct: after each kind of change, a rebuild that
 * reuses the previous build's pages (Astro's `experimental.incrementalBuild`,
 * keys from `src/site/page-keys.data.ts`) gives byte for byte the output of a clean
 * build of the same project and content, file for file.
 *
 * One snapshot of the project (so code and settings can change) and one copy of
 * the `core` fixture go through the changes in turn; the incremental side keeps
 * its output folder and Astro cache across all of them, each clean build starts
 * from nothing.
 *
 * Builds: 1 first build and 18 comparisons (« nothing changed », the photo replaced,
 * the 16 changes), each an incremental rebuild and a clean build: 37 once, one after
 * the other (about 5½ minutes). Now 36, two at a time: each comparison's two builds
 * run side by side on the two cores, and « nothing changed » compares with a copy of
 * the first build, which is itself a clean build of that very project and content.
 * (The clean side builds from its own copy of the project: two Astro builds of one
 * project at once break each other, see `snapshotProject`.)
 * Every step still has its own clean build to compare with: a change that an
 * incremental build gets wrong is caught at the step that makes it.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteAsync, fixtureContent, listFiles, snapshotProject, type BuildResult } from '../helpers/build';

const BEFORE = '2029-12-31T00:00:00Z';
const AFTER = '2030-01-02T00:00:00Z';

let work: string;
let root: string;
let content: string;
let buildTime = BEFORE;
let incremental: { outDir: string; cacheDir: string; cardsCache: string };
/** A copy of the first build's output: the clean build of the content before any change. */
let firstBuild: string;

function hashes(dir: string): Map<string, string> {
	return new Map(
		listFiles(dir).map((file) => [
			file,
			createHash('sha256')
				.update(readFileSync(path.join(dir, file)))
				.digest('hex'),
		]),
	);
}

function check(result: BuildResult): BuildResult {
	if (!result.ok) throw new Error(`build failed:\n${result.output}`);
	return result;
}

/**
 * Rebuilds incrementally and cleanly, side by side (or compares with `reference`, a clean
 * build of the same project and content); returns the files that differ and how many pages
 * were reused.
 */
async function compareBuilds(reference?: string) {
	const env = { RELAIS_BUILD_TIME: buildTime };
	const fresh = mkdtempSync(path.join(work, 'clean-'));
	// The clean build runs beside the incremental one, so from its own copy of the project.
	const cleanRoot = reference === undefined ? snapshotProject(root) : root;
	const [rebuilt, clean] = await Promise.all([
		buildSiteAsync({
			root,
			fixture: content,
			outDir: incremental.outDir,
			cacheDir: incremental.cacheDir,
			env: { ...env, RELAIS_CARDS_CACHE: incremental.cardsCache },
		}).then(check),
		reference ??
			buildSiteAsync({
				root: cleanRoot,
				fixture: content,
				outDir: path.join(fresh, 'dist'),
				cacheDir: path.join(fresh, 'cache'),
				env: { ...env, RELAIS_CARDS_CACHE: path.join(fresh, 'cards') },
			}).then((result) => check(result).outDir),
	]);
	const a = hashes(rebuilt.outDir);
	const b = hashes(clean);
	const files = [...new Set([...a.keys(), ...b.keys()])].sort();
	const differing = files.filter((file) => a.get(file) !== b.get(file));
	rmSync(fresh, { recursive: true, force: true });
	if (cleanRoot !== root) rmSync(cleanRoot, { recursive: true, force: true });
	return {
		differing,
		reused: (rebuilt.output.match(/\((cached|restored)\)/g) ?? []).length,
		searchReused: rebuilt.output.includes('reprise(s) du build précédent'),
	};
}

const entry = (file: string) => path.join(content, file);
const edit = (file: string, from: RegExp | string, to: string) => {
	const text = readFileSync(entry(file), 'utf8');
	const changed = text.replace(from, to);
	if (changed === text) throw new Error(`no change made to ${file}`);
	writeFileSync(entry(file), changed);
};
const editSource = (file: string, from: string, to: string) => {
	const full = path.join(root, file);
	const text = readFileSync(full, 'utf8');
	if (!text.includes(from)) throw new Error(`no change made to ${file}`);
	writeFileSync(full, text.replace(from, to));
};

beforeAll(() => {
	work = mkdtempSync(path.join(tmpdir(), 'relais-incremental-'));
	root = snapshotProject();
	content = path.join(work, 'content');
	cpSync(fixtureContent('core'), content, { recursive: true });
	mkdirSync(entry('retombees'));
	// Scheduled until the build time passes it (see the « scheduled » step).
	writeFileSync(
		entry('communiques/2030-01-01-annonce-programmee.md'),
		'---\ntitle: Annonce programmée du Pôle Mécanique\ndescription: Elle paraît le 1er janvier 2030.\ndate: 2030-01-01\ntags: [emploi, industrie]\n---\n\nTexte de l’annonce programmée.\n',
	);
	// A press photo: its files, the library and the press kit follow its changes (see the photo steps).
	cpSync(fixtureContent('photos'), path.join(work, 'photos'), { recursive: true });
	cpSync(path.join(work, 'photos/rencontres/2025-10-07-rencontre/tribune.jpg'), entry('communiques/2020-09-17-visite/tribune.jpg'));
	edit(
		'communiques/2020-09-17-visite/index.md',
		'attachments:',
		'photos:\n  - file: ./tribune.jpg\n    alt: La tribune\n    credit: Alès Agglomération / J. Martin\nattachments:',
	);
	incremental = {
		outDir: path.join(work, 'incremental', 'dist'),
		cacheDir: path.join(work, 'incremental', 'cache'),
		cardsCache: path.join(work, 'cards'),
	};
	check(
		buildSite({
			root,
			fixture: content,
			outDir: incremental.outDir,
			cacheDir: incremental.cacheDir,
			env: { RELAIS_BUILD_TIME: buildTime, RELAIS_CARDS_CACHE: incremental.cardsCache },
		}),
	);
	firstBuild = path.join(work, 'first-build');
	cpSync(incremental.outDir, firstBuild, { recursive: true });
});

describe('an incremental rebuild equals a clean build', () => {
	it('reuses every page and the search index when nothing changed', async () => {
		const { differing, reused, searchReused } = await compareBuilds(firstBuild);
		expect(differing).toEqual([]);
		expect(reused).toBeGreaterThan(30);
		expect(searchReused).toBe(true);
	});

	const changes: Array<[string, () => void]> = [
		['a title edited', () => edit('communiques/2019-03-04-serie.md', 'numéro 04', 'numéro 04 (corrigé)')],
		['a body edited', () => appendFileSync(entry('communiques/2019-03-07-serie.md'), '\nUn paragraphe ajouté au communiqué.\n')],
		[
			'the title of a rencontre shown by a testimonial and an MDX <Evenement> edited',
			() => edit('rencontres/2020-02-15-rencontre-reseaux.md', /^title: .*$/m, 'title: Rencontre des réseaux d’Alès (titre revu)'),
		],
		['tags changed', () => edit('communiques/2019-03-05-serie.md', 'tags: [emploi]', 'tags: [industrie, Emploi]')],
		[
			'an entry added',
			() =>
				writeFileSync(
					entry('communiques/2019-03-11-serie.md'),
					'---\ntitle: Communiqué de série numéro 11\ndescription: Un communiqué ajouté.\ndate: 2019-03-11\ntags: [emploi]\n---\n\nTexte du communiqué ajouté.\n',
				),
		],
		['an entry deleted', () => rmSync(entry('communiques/2019-03-02-serie.md'))],
		['an entry turned into a draft', () => edit('communiques/2019-03-06-serie.md', /^date: (.*)$/m, 'date: $1\ndraft: true')],
		[
			'a press-kit file replaced',
			() => appendFileSync(entry('communiques/2020-09-17-visite/programme.txt'), '\n14 h 30 : visite de l’atelier.\n'),
		],
		[
			'press coverage of a release added (the release page lists it)',
			() => {
				for (const [id, media] of [
					['2020-09-22-midi-libre', 'Midi Libre'],
					['2020-09-23-objectif-gard', 'Objectif Gard'],
				]) {
					writeFileSync(
						entry(`retombees/${id}.md`),
						`---\ntitle: La visite vue par ${media}\nmedia: ${media}\ndate: ${id.slice(0, 10)}\nurl: https://www.example.org/${id}\ncommunique: 2020-09-17-visite\ntags: [industrie]\n---\n`,
					);
				}
			},
		],
		[
			'press coverage of a release edited',
			() => edit('retombees/2020-09-22-midi-libre.md', 'media: Midi Libre', 'media: Midi Libre (édition d’Alès)'),
		],
		['press coverage of a release removed', () => rmSync(entry('retombees/2020-09-23-objectif-gard.md'))],
		[
			'press coverage of a release turned into a draft',
			() => edit('retombees/2020-09-22-midi-libre.md', /^date: (.*)$/m, 'date: $1\ndraft: true'),
		],
		[
			'a photo’s credit edited',
			() => edit('communiques/2020-09-17-visite/index.md', 'credit: Alès Agglomération / J. Martin', 'credit: Leader Alès'),
		],
		['a scheduled entry whose date passes', () => (buildTime = AFTER)],
		[
			'a template changed',
			() => editSource('src/components/EntryCard.astro', '<article class="entry-card">', '<article class="entry-card entry-card--v2">'),
		],
		['a setting changed', () => editSource('relais.config.ts', "name: 'Service de presse'", "name: 'Service de presse du réseau'")],
	];

	it('after a photo replaced by another file of the same name', async () => {
		cpSync(path.join(work, 'photos/communiques/2026-01-10-visite/salle-comble.jpg'), entry('communiques/2020-09-17-visite/tribune.jpg'));
		// The search index may stay: the photo's words did not change.
		expect((await compareBuilds()).differing).toEqual([]);
	});

	for (const [label, change] of changes) {
		it(`after ${label}`, async () => {
			change();
			const { differing, searchReused } = await compareBuilds();
			expect(differing, `files differing from a clean build after ${label}`).toEqual([]);
			// Every change here touches an entry page, or the code and settings that make them.
			expect(searchReused, `search index reused after ${label}`).toBe(false);
		});
	}
});
