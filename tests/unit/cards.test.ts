/**
 * The cards module: PNG size read from IHDR, templates' text cutting, the
 * content-hash cache (hit on same data, miss on a changed title or template)
 * and the batch renderer with and without worker threads.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardKey, cardsFingerprint } from '../../src/cards/cache.ts';
import { renderCards, startCards } from '../../src/cards/batch.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/cards/design.ts';
import { renderCard } from '../../src/cards/render.ts';
import { cutText } from '../../src/cards/templates.ts';
import type { CardData, CardJob, EntryCardData } from '../../src/cards/types.ts';
import { readPngSize } from '../helpers/png.ts';
import { projectRoot } from '../helpers/build';

const moduleDir = path.join(projectRoot, 'src/cards');
const temp = () => mkdtempSync(path.join(tmpdir(), 'relais-cards-'));

const release: EntryCardData = {
	kind: 'communiques',
	label: 'Communiqué de presse',
	title: '« Une industrie qui se réinvente » : à Alès, l’État et les réseaux s’engagent pour 1\u202f200 emplois',
	date: '17\u00a0septembre\u00a02020',
	when: '21\u00a0septembre\u00a02020, de 12\u00a0h\u00a015 à 14\u00a0h',
	place: 'Pôle Mécanique Alès-Cévennes',
	city: 'Alès',
	site: 'Relais',
};
const testimonial: CardData = {
	kind: 'temoignages',
	label: 'Témoignage',
	name: 'Annick Le Lan',
	organisation: 'Atelier Le Lan & fils',
	role: 'Dirigeante',
	date: '20\u00a0février\u00a02020',
	site: 'Relais',
};
const meeting: EntryCardData = { ...release, kind: 'rencontres', label: 'Rencontre', title: 'Première rencontre des réseaux' };
const listing: CardData = { kind: 'page', label: 'Thème', title: 'Réseaux d’entreprises', subtitle: '12 publications', site: 'Relais' };

describe('readPngSize', () => {
	it('reads width and height from IHDR', () => {
		const png = Buffer.alloc(33);
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
		png.writeUInt32BE(13, 8);
		png.write('IHDR', 12, 'latin1');
		png.writeUInt32BE(1200, 16);
		png.writeUInt32BE(630, 20);
		expect(readPngSize(png)).toEqual({ width: 1200, height: 630 });
	});

	it('rejects what is not a PNG', () => {
		expect(() => readPngSize(Buffer.from('GIF89a not a png at all....'))).toThrow(/PNG/);
	});
});

describe('cutText', () => {
	it('keeps a short text whole', () => {
		expect(cutText('Visite du préfet', 50)).toBe('Visite du préfet');
	});

	it('cuts a long text at a word, with an ellipsis, and closes an open guillemet', () => {
		const cut = cutText('« Une industrie qui se réinvente et qui embauche dans tout le bassin alésien » dit-il', 40);
		expect(cut.length).toBeLessThanOrEqual(43);
		expect(cut).toMatch(/…\u00a0»$/);
		expect(cut).not.toMatch(/\s…/);
	});

	it('sets no-break spaces inside guillemets and before a colon', () => {
		expect(cutText('« Oui » : non', 50)).toBe('«\u00a0Oui\u00a0»\u00a0: non');
	});
});

describe('renderCard', () => {
	it.each([
		['press release', release],
		['meeting', meeting],
		['testimonial', testimonial],
		['listing page', listing],
	])('draws a %s as a 1200×630 PNG under 60 KiB', async (_name, data) => {
		const png = await renderCard(data);
		expect(readPngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
		expect(png.length).toBeLessThan(60 * 1024);
	});

	it('survives a very long title', async () => {
		const png = await renderCard({ ...release, title: `${release.title} `.repeat(8) });
		expect(readPngSize(png)).toEqual({ width: 1200, height: 630 });
	});
});

describe('cache keys', () => {
	const fingerprint = cardsFingerprint(moduleDir);

	it('are stable for the same data, whatever the key order', () => {
		const reordered = Object.fromEntries(Object.entries(release).reverse()) as CardData;
		expect(cardKey(reordered, fingerprint)).toBe(cardKey(release, fingerprint));
		expect(cardsFingerprint(moduleDir)).toBe(fingerprint);
	});

	it('change with the title', () => {
		expect(cardKey({ ...release, title: `${release.title} !` }, fingerprint)).not.toBe(cardKey(release, fingerprint));
	});

	it('change with the template sources', () => {
		const copy = temp();
		cpSync(moduleDir, copy, { recursive: true });
		expect(cardsFingerprint(copy)).toBe(fingerprint);
		writeFileSync(path.join(copy, 'design.ts'), `${readFileSync(path.join(copy, 'design.ts'), 'utf8')}\n// tweak\n`);
		expect(cardsFingerprint(copy)).not.toBe(fingerprint);
	});
});

describe('renderCards', () => {
	const jobs: CardJob[] = [
		{ path: 'og/communiques/a.png', data: release },
		{ path: 'og/rencontres/b.png', data: meeting },
		{ path: 'og/temoignages/c.png', data: testimonial },
		{ path: 'og/themes/d.png', data: listing },
	];

	it('draws in worker threads, then reuses the cache, and redraws only what changed', async () => {
		const cacheDir = temp();
		const first = await renderCards(jobs, { outDir: temp(), cacheDir, workers: 2, inlineMax: 0 });
		expect(first).toMatchObject({ total: 4, rendered: 4, reused: 0, workers: 2 });

		const outDir = temp();
		const second = await renderCards(jobs, { outDir, cacheDir, workers: 2 });
		expect(second).toMatchObject({ total: 4, rendered: 0, reused: 4, workers: 0 });
		for (const job of jobs) expect(readPngSize(readFileSync(path.join(outDir, job.path)))).toEqual({ width: 1200, height: 630 });

		const edited = jobs.map((job, index) => (index === 0 ? { ...job, data: { ...release, title: 'Nouveau titre' } } : job));
		const third = await renderCards(edited, { outDir: temp(), cacheDir });
		expect(third).toMatchObject({ rendered: 1, reused: 3 });
	});

	it('starts drawing on one worker and finishes on more, every card written once', async () => {
		const outDir = temp();
		const run = await startCards(jobs, { outDir, cacheDir: temp(), inlineMax: 0 }, 1);
		const stats = await run.finish(2);
		expect(stats).toMatchObject({ total: 4, rendered: 4, reused: 0 });
		expect(stats.workers).toBeGreaterThanOrEqual(1);
		for (const job of jobs) expect(readPngSize(readFileSync(path.join(outDir, job.path)))).toEqual({ width: 1200, height: 630 });
	});

	it('reports a card that fails while drawing early, when the build waits for the cards', async () => {
		const blocker = path.join(temp(), 'file');
		writeFileSync(blocker, '');
		const run = await startCards(jobs, { outDir: temp(), cacheDir: path.join(blocker, 'cache'), inlineMax: 0 }, 1);
		await expect(run.finish(2)).rejects.toThrow(/carte sociale .*ENOTDIR/);
	});

	it('redraws every card when a template changes', async () => {
		const cacheDir = temp();
		await renderCards(jobs, { outDir: temp(), cacheDir, inlineMax: 10 });
		const copy = temp();
		cpSync(moduleDir, copy, { recursive: true });
		writeFileSync(path.join(copy, 'templates.ts'), `${readFileSync(path.join(copy, 'templates.ts'), 'utf8')}\n// new design\n`);
		// Drawn on this thread (inlineMax): the copy's worker could not resolve packages from the temporary folder.
		const stats = await renderCards(jobs, { outDir: temp(), cacheDir, moduleDir: copy, inlineMax: 10 });
		expect(stats).toMatchObject({ rendered: 4, reused: 0 });
	});

	it('refuses two different cards at one path', async () => {
		await expect(renderCards([jobs[0]!, { path: jobs[0]!.path, data: meeting }], { outDir: temp(), cacheDir: temp() })).rejects.toThrow(
			/même chemin/,
		);
	});
});
