/**
 * `/recherche/` in a real browser (Debian's Chromium through playwright-core):
 * the `search` fixture is built once with the real build (index included),
 * served on 127.0.0.1, and searched the way a reader would.
 */
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readOutput } from '../helpers/build';
import { pagefindTexts, shownResults, startSearchSite, statusMatching, type SearchSite } from '../helpers/search';

let site: SearchSite;
beforeAll(async () => {
	site = await startSearchSite('search');
});
afterAll(async () => {
	await site?.close();
});

describe('search index', () => {
	it('holds the published entries only, as French', () => {
		const entry = JSON.parse(readOutput(site.outDir, 'pagefind/pagefind-entry.json')) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(Object.keys(entry.languages)).toEqual(['fr']);
		expect(entry.languages.fr?.page_count).toBe(5);
	});

	it('has nothing of drafts and scheduled entries in any file', () => {
		const files = pagefindTexts(site.outDir);
		expect(files.length).toBeGreaterThan(5);
		// Stems cut words short, so look for the start of each secret word.
		const secrets = [
			'palimpsest', // draft body
			'quintessenc', // draft title
			'villebrouillon', // draft city filter
			'thèmebrouillon', // draft theme filter
			'2021-02-01-brouillon', // draft URL
			'chronogramm', // scheduled body
			'villeprogramm', // scheduled city filter
			'thèmeprogramm', // scheduled theme filter
			'2099-01-01', // scheduled URL and dates
		];
		for (const { file, text } of files) {
			for (const secret of secrets) expect(text.includes(secret), `${secret} found in pagefind/${file}`).toBe(false);
		}
	});
});

describe('search index of a preview build', () => {
	it('leaves out drafts and scheduled entries even when their pages are rendered', () => {
		const preview = buildSite({ fixture: 'search', env: { RELAIS_PREVIEW: '1' } });
		if (!preview.ok) throw new Error(preview.output);
		expect(readOutput(preview.outDir, 'communiques/2021-02-01-brouillon/index.html')).not.toContain('data-pagefind-body');
		const entry = JSON.parse(readOutput(preview.outDir, 'pagefind/pagefind-entry.json')) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(entry.languages.fr?.page_count).toBe(5);
		for (const { file, text } of pagefindTexts(preview.outDir)) {
			for (const secret of ['palimpsest', 'chronogramm', 'villebrouillon', 'villeprogramm']) {
				expect(text.includes(secret), `${secret} found in pagefind/${file}`).toBe(false);
			}
		}
	});
});

describe('/recherche/', () => {
	it('finds the one entry whose body holds a word, with its type, French date and place', async () => {
		const { page, problems } = await site.open('recherche/?q=xylogravure');
		expect(await statusMatching(page, /^1 résultat pour «\u00a0xylogravure\u00a0»/)).toBe('1 résultat pour «\u00a0xylogravure\u00a0».');
		expect(await page.inputValue('#recherche-mots')).toBe('xylogravure');
		const results = await shownResults(page);
		expect(results).toEqual([
			{
				href: '/communiques/2020-09-17-fonderie-ales/',
				title: 'Visite des fonderies du bassin alésien',
				meta: 'Communiqué de presse · 17 septembre 2020 · Pôle Mécanique d’Alès, Alès',
				datetime: '2020-09-17',
			},
		]);
		expect(await page.locator('[data-results] mark').first().textContent()).toMatch(/^xylogravure/);
		expect(problems).toEqual([]);
	});

	it('stems French words: « fonderie » finds « fonderies »', async () => {
		const { page, problems } = await site.open('recherche/?q=fonderie');
		await statusMatching(page, /^1 résultat/);
		expect((await shownResults(page)).map((result) => result.href)).toEqual(['/communiques/2020-09-17-fonderie-ales/']);
		expect(problems).toEqual([]);
	});

	it('does not index navigation, footers or asides', async () => {
		// « Thèmes » is in the navigation and every entry's aside, « conforme » in every footer:
		// neither is in an entry's text. (Pagefind falls back to the longest indexed prefix of an
		// unknown word, so these words are chosen to have none: see docs/search.md.)
		for (const word of ['thèmes', 'conforme']) {
			const { page, problems } = await site.open(`recherche/?q=${encodeURIComponent(word)}`);
			expect(await statusMatching(page, /^Aucun résultat/)).toBe(`Aucun résultat pour «\u00a0${word}\u00a0».`);
			expect(problems).toEqual([]);
			await page.close();
		}
	});

	it('finds an entry by its themes, speakers, organisers and place, not only by its text', async () => {
		// « salon de l'emploi » is a tag, Adrien Conty a speaker of Ondulys Industries, Club Zéphyrin the organiser.
		for (const word of ['salon', 'emploi', 'Conty', 'Ondulys', 'Zéphyrin', 'Cévennes']) {
			const { page, problems } = await site.open(`recherche/?q=${encodeURIComponent(word)}`);
			await statusMatching(page, /^1 résultat/);
			expect(
				(await shownResults(page)).map((result) => result.href),
				word,
			).toEqual(['/rencontres/2020-02-15-rencontre-ales/']);
			expect(problems).toEqual([]);
			await page.close();
		}
	});

	it('finds a word after a French elision, and shows the elision as the page does', async () => {
		// « l’emploi », « d’entreprises »: typographic apostrophes in the tag and the body.
		for (const [word, href] of [
			['emploi', '/rencontres/2020-02-15-rencontre-ales/'],
			['entrepreneurs', '/rencontres/2020-02-15-rencontre-ales/'],
		]) {
			const { page, problems } = await site.open(`recherche/?q=${word}`);
			await statusMatching(page, /^1 résultat/);
			expect((await shownResults(page)).map((result) => result.href)).toEqual([href]);
			const excerpt = await page.locator('.search-result__excerpt').first().innerHTML();
			expect(excerpt).not.toMatch(/'|&#39;|&#x27;|&apos;/);
			expect(excerpt).toMatch(/’/);
			expect(problems).toEqual([]);
			await page.close();
		}
		const { page } = await site.open('recherche/?q=emploi');
		await statusMatching(page, /^1 résultat/);
		expect(await page.locator('.search-result__excerpt').first().textContent()).toContain('salon de l’emploi');
		// Facets keep their typography.
		expect(await page.getByRole('checkbox', { name: 'salon de l’emploi (1)' }).count()).toBe(1);
	});

	it('shows excerpts of the entry’s own words, without page furniture', async () => {
		const { page, problems } = await site.open('recherche/?q=rencontre');
		// Both rencontres (Pagefind also searches the metadata, where the type is), the one whose
		// title says it first; not the testimonial, whose « recueilli lors de la rencontre » link is furniture.
		await statusMatching(page, /^2 résultats pour «\u00a0rencontre\u00a0»/);
		expect((await shownResults(page)).map((result) => result.href)).toEqual([
			'/rencontres/2020-02-15-rencontre-ales/',
			'/rencontres/2021-01-21-seance-mende/',
		]);
		const [first, second] = await page.locator('.search-result__excerpt').allTextContents();
		expect(first).toMatch(/^Première rencontre des réseaux alésiens\. 14 réseaux et 140 entreprises réunis à Alès\. Une soirée/);
		expect(second).toMatch(/^Séance de mi-parcours à Mende\. Huit dirigeants/);
		expect(problems).toEqual([]);
		// Every excerpt Pagefind gives, for words found in many places, reads as prose.
		// Pagefind's own API in the page (a string: Vitest would rewrite a dynamic import in a function).
		const excerpts = await page.evaluate<string[]>(`(async () => {
			const pagefind = await import(location.origin + '/pagefind/pagefind.js');
			const texts = [];
			for (const word of ['coopération', 'dirigeants', 'RSE', 'Alès', 'Jeanne', 'mars', '2021']) {
				const search = await pagefind.search(word);
				for (const result of search.results) texts.push((await result.data()).excerpt.replace(/<\\/?mark>/g, ''));
			}
			return texts;
		})()`);
		expect(excerpts.length).toBeGreaterThan(8);
		for (const text of excerpts) {
			expect(text).not.toMatch(/Publié le|Mis à jour le|recueilli lors|Toutes les interventions|Communiqué de presse|\p{L}\d/u);
		}
	});

	it('narrows results with accessible filters showing counts, and keeps them in the URL', async () => {
		const { page, problems } = await site.open('recherche/?q=coop%C3%A9ration');
		await statusMatching(page, /^5 résultats pour «\u00a0coopération\u00a0»/);
		const rencontre = page.getByRole('checkbox', { name: 'Rencontre (2)' });
		expect(await page.getByRole('group', { name: 'Type de publication' }).count()).toBe(1);
		expect(await page.getByRole('checkbox', { name: 'Communiqué de presse (2)' }).count()).toBe(1);
		expect(await page.getByRole('checkbox', { name: 'Témoignage (1)' }).count()).toBe(1);
		await rencontre.check();
		expect(await statusMatching(page, /^2 résultats/)).toBe('2 résultats pour «\u00a0coopération\u00a0», avec les filtres choisis.');
		const results = await shownResults(page);
		expect(results.map((result) => result.meta.split(' · ')[0])).toEqual(['Rencontre', 'Rencontre']);
		expect(new URL(page.url()).searchParams.getAll('type')).toEqual(['Rencontre']);
		// Counts of the other facets follow the choice; the type facet keeps its own counts.
		expect(await page.getByRole('checkbox', { name: 'Mende (1)' }).count()).toBe(1);
		expect(await page.getByRole('checkbox', { name: 'Communiqué de presse (2)' }).count()).toBe(1);
		await page.getByRole('checkbox', { name: 'Mende (1)' }).check();
		await statusMatching(page, /^1 résultat/);
		expect((await shownResults(page)).map((result) => result.href)).toEqual(['/rencontres/2021-01-21-seance-mende/']);
		expect(new URL(page.url()).searchParams.get('ville')).toBe('Mende');
		await page.getByRole('button', { name: 'Effacer les filtres' }).click();
		await statusMatching(page, /^5 résultats pour «\u00a0coopération\u00a0»\.$/);
		expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('coopération')}`);
		expect(problems).toEqual([]);
	});

	it('restores filters and sort from a shared link, and every result has a date to sort by', async () => {
		const { page, problems } = await site.open('recherche/?q=coop%C3%A9ration&theme=Industrie&tri=ancien');
		await statusMatching(page, /^2 résultats/);
		expect(await page.getByRole('checkbox', { name: /^Industrie/ }).isChecked()).toBe(true);
		expect(await page.getByRole('combobox', { name: 'Trier par' }).inputValue()).toBe('ancien');
		expect((await shownResults(page)).map((result) => result.href)).toEqual([
			'/rencontres/2020-02-15-rencontre-ales/',
			'/communiques/2020-09-17-fonderie-ales/',
		]);
		await page.getByRole('checkbox', { name: /^Industrie/ }).uncheck();
		await statusMatching(page, /^5 résultats/);
		const dates = (await shownResults(page)).map((result) => result.datetime ?? '');
		expect(dates).toEqual([...dates].sort());
		await page.getByRole('combobox', { name: 'Trier par' }).selectOption('recent');
		await page.waitForURL(/tri=recent/);
		await statusMatching(page, /^5 résultats/);
		const newest = (await shownResults(page)).map((result) => result.datetime ?? '');
		expect(newest).toEqual([...dates].sort().reverse());
		expect(problems).toEqual([]);
	});

	it('filters without a query, newest first', async () => {
		const { page, problems } = await site.open('recherche/?annee=2021');
		await statusMatching(page, /^3 résultats, avec les filtres choisis\.$/);
		expect((await shownResults(page)).map((result) => result.datetime)).toEqual(['2021-03-02', '2021-01-25', '2021-01-22']);
		expect(problems).toEqual([]);
	});

	it('searches as the reader types, and the URL follows', async () => {
		const { page, problems } = await site.open('recherche/');
		await statusMatching(page, /^Saisissez un mot/);
		await page.getByLabel('Mots recherchés').fill('cartographie');
		await statusMatching(page, /^1 résultat pour «\u00a0cartographie\u00a0»/);
		expect(new URL(page.url()).searchParams.get('q')).toBe('cartographie');
		expect((await shownResults(page)).map((result) => result.href)).toEqual(['/rencontres/2021-01-21-seance-mende/']);
		expect(problems).toEqual([]);
	});

	it('is reached from the header form of any page', async () => {
		const { page, problems } = await site.open('communiques/');
		await page.locator('#recherche-entete').fill('cartographie');
		await Promise.all([page.waitForURL(/\/recherche\/\?q=cartographie$/), page.locator('#recherche-entete').press('Enter')]);
		await statusMatching(page, /^1 résultat pour «\u00a0cartographie\u00a0»/);
		await page.getByRole('link', { name: 'Séance de mi-parcours à Mende' }).click();
		await page.waitForURL(/\/rencontres\/2021-01-21-seance-mende\/$/);
		expect(await page.locator('h1').textContent()).toBe('Séance de mi-parcours à Mende');
		expect(problems).toEqual([]);
	});

	it('finds nothing of a draft or a scheduled entry', async () => {
		for (const word of ['palimpsesterie', 'quintessenciel', 'chronogrammerie']) {
			const { page, problems } = await site.open(`recherche/?q=${word}`);
			await statusMatching(page, /^Aucun résultat/);
			expect(await shownResults(page)).toEqual([]);
			expect(await page.getByRole('checkbox', { name: /Villebrouillon|Villeprogrammée|Thèmebrouillon|Thèmeprogrammé/ }).count()).toBe(0);
			expect(problems).toEqual([]);
			await page.close();
		}
	});

	it('on a phone, shows one search box and the results first, the filters folded and counted', async () => {
		const watched = await site.browser.newPage();
		const { page, problems } = watched;
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(new URL('recherche/?q=r%C3%A9seaux', site.server.url).href, { waitUntil: 'load' });
		await statusMatching(page, /^1 résultat pour «\u00a0réseaux\u00a0»/);
		expect(await page.locator('input[type="search"]:visible').count()).toBe(1);
		expect(await page.locator('#recherche-entete').count()).toBe(0);
		expect(await page.locator('input[type="checkbox"]:visible').count()).toBe(0);
		const summary = page.locator('[data-filters] > summary');
		expect((await summary.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Affiner la recherche (aucun filtre actif)');
		// The first result is on the first screen, right under the search box.
		const first = await page.locator('[data-results] > li').first().boundingBox();
		expect(first?.y).toBeLessThan(844 - 100);
		await summary.click();
		expect(await page.locator('input[type="checkbox"]:visible').count()).toBeGreaterThan(5);
		await page.getByRole('checkbox', { name: 'Rencontre (1)' }).check();
		await statusMatching(page, /^1 résultat pour «\u00a0réseaux\u00a0», avec les filtres choisis/);
		expect((await summary.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Affiner la recherche (1 filtre actif)');
		// A shared link with filters: folded, counted.
		await page.goto(new URL('recherche/?q=coop%C3%A9ration&type=Rencontre&ville=Mende', site.server.url).href, { waitUntil: 'load' });
		await statusMatching(page, /^1 résultat/);
		expect(await page.locator('[data-filters]').getAttribute('open')).toBeNull();
		expect((await summary.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Affiner la recherche (2 filtres actifs)');
		expect(problems).toEqual([]);
		await page.close();
	});

	it('on a wide screen, shows the filters beside the results, open', async () => {
		const { page, problems } = await site.open('recherche/?q=r%C3%A9seaux');
		await statusMatching(page, /^1 résultat/);
		expect(await page.locator('[data-filters]').getAttribute('open')).not.toBeNull();
		expect(await page.getByRole('checkbox', { name: 'Rencontre (1)' }).isVisible()).toBe(true);
		expect(await page.locator('input[type="search"]:visible').count()).toBe(1);
		expect(problems).toEqual([]);
	});

	it('says, without JavaScript, that search needs it and links to the archives', () => {
		const page = parse(readOutput(site.outDir, 'recherche/index.html'));
		const noscript = page.querySelector('noscript');
		expect(noscript?.text).toContain('La recherche nécessite JavaScript');
		expect(noscript?.innerHTML).toContain('href="/archives/"');
		// The interactive part is hidden until the script runs.
		expect(page.querySelector('[data-search]')?.hasAttribute('hidden')).toBe(true);
		expect(page.querySelector('html')?.getAttribute('lang')).toBe('fr');
	});

	it('indexes only entry pages: list, home and search pages carry no data-pagefind-body', () => {
		for (const file of ['index.html', 'communiques/index.html', 'themes/index.html', 'archives/index.html', 'recherche/index.html']) {
			expect(readOutput(site.outDir, file), file).not.toContain('data-pagefind-body');
		}
		expect(readOutput(site.outDir, 'communiques/2020-09-17-fonderie-ales/index.html')).toContain('data-pagefind-body');
	});
});
