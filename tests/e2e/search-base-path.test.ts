/**
 * The same search under `BASE_PATH=/presse`: the bundle, the index and every
 * result link must live under `/presse/`, served by a host that has nothing
 * at the root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownResults, startSearchSite, statusMatching, type SearchSite } from '../helpers/search';

let site: SearchSite;
beforeAll(async () => {
	site = await startSearchSite('search', '/presse');
});
afterAll(async () => {
	await site?.close();
});

describe('/presse/recherche/ (BASE_PATH=/presse)', () => {
	it('loads the index from /presse/pagefind/ and links results under /presse/', async () => {
		const { page, problems, responses } = await site.open('recherche/?q=xylogravure');
		await statusMatching(page, /^1 résultat pour «\u00a0xylogravure\u00a0»/);
		expect((await shownResults(page)).map((result) => result.href)).toEqual(['/presse/communiques/2020-09-17-fonderie-ales/']);
		const paths = responses.map((response) => new URL(response.url).pathname);
		expect(paths.some((path) => path.startsWith('/presse/pagefind/'))).toBe(true);
		expect(paths.filter((path) => !path.startsWith('/presse/'))).toEqual([]);
		await page.getByRole('link', { name: 'Visite des fonderies du bassin alésien' }).click();
		await page.waitForURL(/\/presse\/communiques\/2020-09-17-fonderie-ales\/$/);
		expect(await page.locator('h1').textContent()).toBe('Visite des fonderies du bassin alésien');
		expect(problems).toEqual([]);
	});

	it('filters under the base path too', async () => {
		const { page, problems } = await site.open('recherche/?q=coop%C3%A9ration');
		await statusMatching(page, /^5 résultats/);
		await page.getByRole('checkbox', { name: 'Témoignage (1)' }).check();
		await statusMatching(page, /^1 résultat/);
		expect((await shownResults(page)).map((result) => result.href)).toEqual(['/presse/temoignages/2021-01-25-jeanne-martin/']);
		expect(new URL(page.url()).pathname).toBe('/presse/recherche/');
		expect(problems).toEqual([]);
	});

	it('is reached from the header form of the home page', async () => {
		const { page, problems } = await site.open('');
		await page.locator('#recherche-entete').fill('cartographie');
		await Promise.all([page.waitForURL(/\/presse\/recherche\/\?q=cartographie$/), page.locator('#recherche-entete').press('Enter')]);
		await statusMatching(page, /^1 résultat pour «\u00a0cartographie\u00a0»/);
		expect((await shownResults(page)).map((result) => result.href)).toEqual(['/presse/rencontres/2021-01-21-seance-mende/']);
		expect(problems).toEqual([]);
	});
});
