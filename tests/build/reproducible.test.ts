/**
 * Two builds of the same content, at two different times, give the same
 * bytes: the build time decides only which entries are published and which
 * events are upcoming, and the `journalists` fixture has no entry, event start
 * or event end between the two times, so nothing in the output may differ.
 * The first is the run's shared build of the fixture at that time (the one
 * journalists.test.ts reads, card cache of the checkout); the second has an
 * Astro cache and a card cache of its own, so it shares nothing with the first.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, sharedBuild, type BuildResult } from '../helpers/build';

// Seven minutes apart, with no entry dated in between (the fixture's nearest are 2026-02-02 and 2026-12-01).
const BUILD_TIMES = ['2026-03-01T12:00:00Z', '2026-03-01T12:07:00Z'];

let builds: BuildResult[];
beforeAll(() => {
	builds = BUILD_TIMES.map((time, index) => {
		const build =
			index === 0
				? sharedBuild({ fixture: 'journalists', env: { RELAIS_BUILD_TIME: time } })
				: buildSite({
						fixture: 'journalists',
						env: { RELAIS_BUILD_TIME: time, RELAIS_CARDS_CACHE: path.join(mkdtempSync(path.join(tmpdir(), 'relais-cards-')), 'cards') },
					});
		if (!build.ok) throw new Error(build.output);
		return build;
	});
});

describe('reproducible build', () => {
	it('writes the same files with the same bytes whatever the build time', () => {
		const [first, second] = builds as [BuildResult, BuildResult];
		const compared = (dir: string) => listFiles(dir).sort();
		const files = compared(first.outDir);
		expect(compared(second.outDir)).toEqual(files);
		const differing = files.filter(
			(file) => !readFileSync(path.join(first.outDir, file)).equals(readFileSync(path.join(second.outDir, file))),
		);
		expect(differing, `files that differ between the two builds:\n${differing.join('\n')}`).toEqual([]);
		expect(files.length).toBeGreaterThan(50);
	});
});
