import { describe, expect, it } from 'vitest';
import { entryOfPage, liveRedirects, oldAddressPathnames, parseRedirectMap, redirectsFile } from '../../src/redirects/redirects';

const COLLECTIONS = ['communiques', 'rencontres'] as const;

describe('the redirect map', () => {
	it('refuses what is not a pair of site paths', () => {
		expect(() => parseRedirectMap('{ "/a/": "https://evil.example/" }')).toThrow(/invalide/);
		expect(() => parseRedirectMap('["/a/"]')).toThrow(/objet/);
	});
});

describe('which redirects are live', () => {
	const map = parseRedirectMap(
		JSON.stringify({
			'/2021/04/02/forum/': '/rencontres/2021-04-02-forum/',
			'/2021/03/visite/': '/communiques/2021-03-15-visite/',
			'/2099/01/inauguration/': '/communiques/2099-01-10-inauguration/',
			'/agenda-2020/': '/agenda/',
			'/ancien/': '/communiques/',
		}),
	);
	// What the publishing rule lets through in this build: the release, not the draft rencontre nor the scheduled one.
	const published = new Map([['communiques/2021-03-15-visite', { title: 'Visite' }]]);
	const find = async (collection: string, id: string) => published.get(`${collection}/${id}`);

	it('keeps a redirect to a published entry with that entry, and one to a page that is no entry as it is', async () => {
		expect(await liveRedirects(map, COLLECTIONS, find)).toEqual([
			{ from: '/2021/03/visite/', to: '/communiques/2021-03-15-visite/', entry: { title: 'Visite' } },
			{ from: '/agenda-2020/', to: '/agenda/' },
			{ from: '/ancien/', to: '/communiques/' },
		]);
	});

	it('emits the redirect of a scheduled entry once a build publishes it', async () => {
		published.set('communiques/2099-01-10-inauguration', { title: 'Inauguration' });
		const live = await liveRedirects(map, COLLECTIONS, find);
		published.delete('communiques/2099-01-10-inauguration');
		expect(live.map((redirect) => redirect.from)).toEqual(['/2021/03/visite/', '/2099/01/inauguration/', '/agenda-2020/', '/ancien/']);
	});

	it('writes _redirects from the live redirects only, under the base path', async () => {
		const file = redirectsFile(await liveRedirects(map, COLLECTIONS, find), '/presse/');
		expect(file).toBe(
			'/presse/2021/03/visite/ /presse/communiques/2021-03-15-visite/ 301\n' +
				'/presse/agenda-2020/ /presse/agenda/ 301\n' +
				'/presse/ancien/ /presse/communiques/ 301\n',
		);
		expect(file).not.toContain('forum');
	});

	it('reads an entry page as collection and id, anything else as no entry', () => {
		expect(entryOfPage('/communiques/2021-03-15-visite/', COLLECTIONS)).toEqual({ collection: 'communiques', id: '2021-03-15-visite' });
		expect(entryOfPage('/rencontres/r%C3%A9union', COLLECTIONS)).toEqual({ collection: 'rencontres', id: 'réunion' });
		expect(entryOfPage('/communiques/', COLLECTIONS)).toBeUndefined();
		expect(entryOfPage('/photos/x/', COLLECTIONS)).toBeUndefined();
		expect(entryOfPage('/communiques/x/fichiers/a.pdf', COLLECTIONS)).toBeUndefined();
	});
});

describe('the old addresses in the sitemap', () => {
	it('are the pathnames of their pages, under the base path, encoded as the sitemap writes them', () => {
		const map = parseRedirectMap('{ "/2021/03/été": "/communiques/x/", "/a/": "/b/" }');
		expect(oldAddressPathnames(map, '/presse')).toEqual(new Set(['/presse/2021/03/%C3%A9t%C3%A9/', '/presse/a/']));
	});
});
