import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importWordPress } from '../../scripts/import';
import { astroRedirects, parseRedirectMap, redirectsFile } from '../../src/lib/redirects';
import { contractDate, draftReason, entryId, leadText, permalinkPath, summarise, themesOf } from '../../src/lib/wordpress/entries';
import { autoParagraphs, convertPostHtml, htmlToText, type ConvertOptions } from '../../src/lib/wordpress/html';
import { readWxr, type WxrItem } from '../../src/lib/wordpress/wxr';

const fixture = path.resolve(import.meta.dirname, '../fixtures/wordpress');

const uploads: ConvertOptions = {
	resolveUpload: (url) =>
		url.includes('/wp-content/uploads/')
			? url.includes('absent')
				? { status: 'missing' }
				: { status: 'copied', name: url.split('/').pop() ?? '' }
			: undefined,
	attachment: (id) => ({ url: `https://ex.org/wp-content/uploads/2021/03/g${id}.jpg`, alt: `Photo ${id}`, caption: `Légende ${id}` }),
};
const convert = (html: string) => convertPostHtml(html, uploads);

function item(fields: Partial<WxrItem>): WxrItem {
	return {
		title: 'Titre',
		link: '',
		creator: '',
		content: '',
		excerpt: '',
		postId: '1',
		postDate: '2021-03-15 10:30:00',
		postName: '',
		status: 'publish',
		postType: 'post',
		password: '',
		attachmentUrl: '',
		parentId: '0',
		terms: [],
		meta: {},
		...fields,
	};
}

describe('reading a WordPress export', () => {
	it('streams items across chunk boundaries, a character split between two chunks included', async () => {
		const bytes = readFileSync(path.join(fixture, 'export.xml'));
		// 7-byte chunks: every field and many multi-byte characters are split.
		const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, index) => bytes.subarray(index * 7, index * 7 + 7));
		const site = { link: '', authors: new Map<string, string>() };
		const items = [];
		for await (const found of readWxr(Readable.from(chunks), site)) items.push(found);
		const post = items.find((found) => found.postId === '10');
		// WordPress titles are HTML: entities and tags are the converter's business.
		expect(post?.title).toBe('« L’usine » : 1 200 emplois &amp; <b>plus</b>');
		expect(post?.meta._thumbnail_id).toBe('101');
		expect(post?.terms).toContainEqual({ domain: 'post_tag', nicename: 'emploi', name: 'emploi' });
		expect(site.authors.get('cvidal')).toBe('Claire Vidal');
		expect(items.filter((found) => found.postType === 'attachment')).toHaveLength(4);
	});

	it('refuses a file that is not XML, in French', async () => {
		await expect(async () => {
			for await (const _ of readWxr(Readable.from(['<rss><channel><item></channel>']))) void _;
		}).rejects.toThrow(/XML valide/);
	});
});

describe('converting post HTML', () => {
	it('drops block comments, scripts, styles and event handlers', () => {
		const result = convert(
			'<!-- wp:paragraph --><p onclick="x()">Texte <b onmouseover="y()">gras</b></p><!-- /wp:paragraph --><script>alert(1)</script><style>p{}</style>',
		);
		expect(result.markdown).toBe('Texte **gras**');
		expect(result.removed).toEqual(['<script>', '<style>']);
	});

	it('never carries raw HTML or javascript: links into the Markdown', () => {
		const result = convert('<p>&lt;b&gt;plus&lt;/b&gt; <a href="javascript:alert(1)">lien</a></p>');
		expect(result.markdown).toBe('&lt;b>plus&lt;/b> lien');
	});

	it('turns a Gutenberg image with a caption into an image with its alt text and the caption below', () => {
		const result = convert(
			'<figure class="wp-block-image"><img src="https://ex.org/wp-content/uploads/2021/03/a.jpg" alt="Atelier"/><figcaption>L’atelier © J. Martin</figcaption></figure>',
		);
		expect(result.markdown).toBe('![Atelier](./a.jpg)\n\n*L’atelier © J. Martin*');
	});

	it('takes the alt text of the attachment when the image has none', () => {
		expect(convert('<img src="https://ex.org/wp-content/uploads/x.jpg" alt="" class="wp-image-7">').markdown).toBe('![Photo 7](./x.jpg)');
	});

	it('expands [caption], dropping the link to the media file', () => {
		const result = convert(
			'[caption id="attachment_7" width="300"]<a href="https://ex.org/wp-content/uploads/c.jpg"><img src="https://ex.org/wp-content/uploads/c.jpg" alt="Stands" /></a> Les stands[/caption]',
		);
		expect(result.markdown).toBe('![Stands](./c.jpg)\n\n*Les stands*');
	});

	it('expands [gallery ids] from the attachments', () => {
		expect(convert('[gallery ids="1,2"]').markdown).toBe('![Photo 1](./g1.jpg)\n\n*Légende 1*\n\n![Photo 2](./g2.jpg)\n\n*Légende 2*');
	});

	it('turns embeds into plain links with a title and lists them', () => {
		const youtube = convert(
			'<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=abc\n</div></figure>',
		);
		expect(youtube.markdown).toBe('[Voir la vidéo sur YouTube](https://www.youtube.com/watch?v=abc)');
		expect(youtube.embeds).toEqual([{ url: 'https://www.youtube.com/watch?v=abc', title: 'Voir la vidéo sur YouTube' }]);
		expect(convert('[embed]https://x.com/a/status/1[/embed]').markdown).toBe('[Voir la publication sur X](https://x.com/a/status/1)');
		expect(convert('<iframe src="//www.dailymotion.com/embed/video/x" title="Reportage"></iframe>').markdown).toBe(
			'[Reportage](https://www.dailymotion.com/embed/video/x)',
		);
		expect(convert('<object data="local.swf"></object><embed src="x.swf">').markdown).toBe('');
	});

	it('points links to uploaded files at the press kit and keeps missing ones on the old site', () => {
		const result = convert(
			'<p><a href="https://ex.org/wp-content/uploads/p.pdf">Programme</a> <a href="https://ex.org/wp-content/uploads/absent.pdf">Plan</a></p>',
		);
		expect(result.markdown).toBe('[Programme](fichiers/p.pdf) [Plan](https://ex.org/wp-content/uploads/absent.pdf)');
		expect(result.files).toEqual([{ name: 'p.pdf', title: 'Programme' }]);
		expect(result.missing).toEqual(['https://ex.org/wp-content/uploads/absent.pdf']);
	});

	it('makes a missing or remote image a link, so the site requests nothing from another host', () => {
		expect(convert('<img src="https://ex.org/wp-content/uploads/absent.jpg" alt="Plan">').markdown).toBe(
			'[Image : Plan](https://ex.org/wp-content/uploads/absent.jpg)',
		);
		const remote = convert('<img src="https://cdn.example.com/x.jpg" alt="Logo">');
		expect(remote.markdown).toBe('[Image : Logo](https://cdn.example.com/x.jpg)');
		expect(remote.leftovers).toHaveLength(1);
	});

	it('keeps unknown shortcodes as text and lists them, but not brackets in running text', () => {
		const result = convert('<p>[contact-form-7 id="5"] voir [1] et [sic]</p>');
		expect(result.markdown).toBe('\\[contact-form-7 id="5"\\] voir \\[1\\] et \\[sic\\]');
		expect(result.leftovers).toEqual(['code court non converti, gardé en texte : [contact-form-7 id="5"]']);
	});

	it('makes paragraphs of classic-editor text, and tables of simple tables', () => {
		expect(autoParagraphs('Un\ndeux\n\nTrois')).toBe('<p>Un<br>\ndeux</p>\n\n<p>Trois</p>');
		expect(convert('<table><tr><th>a</th></tr><tr><td>1</td></tr></table>').markdown).toBe('| a   |\n| --- |\n| 1   |');
	});

	it('reads titles as WordPress shows them: tags removed, entities decoded', () => {
		expect(htmlToText('« L’usine » : 1 200 emplois &amp; <b>plus</b>')).toBe('« L’usine » : 1 200 emplois & plus');
	});
});

describe('planning entries', () => {
	it('dates in the contract format, ids from the date and the post name', () => {
		expect(contractDate('2021-03-15 10:30:00')).toBe('2021-03-15T10:30');
		expect(entryId(item({ postName: 'l-usine-%c3%a9t%c3%a9' }), 'x')).toBe('2021-03-15-l-usine-ete');
		expect(entryId(item({ postName: '' }), 'Plan climat : « brouillon » & co')).toBe('2021-03-15-plan-climat-brouillon-et-co');
	});

	it('imports private, pending, draft and password-protected posts as drafts; scheduled ones as they are', () => {
		expect(draftReason(item({ status: 'private' }))).toBe('privé');
		expect(draftReason(item({ status: 'pending' }))).toBe('en attente de relecture');
		expect(draftReason(item({ password: 'x' }))).toBe('protégé par un mot de passe');
		expect(draftReason(item({ status: 'future' }))).toBeUndefined();
	});

	it('makes themes of categories and tags, without the default category', () => {
		const terms = [
			{ domain: 'category', nicename: 'non-classe', name: 'Non classé' },
			{ domain: 'category', nicename: 'rse', name: 'RSE' },
			{ domain: 'post_tag', nicename: 'rse', name: 'rse' },
			{ domain: 'post_format', nicename: 'video', name: 'Vidéo' },
		];
		expect(themesOf(item({ terms }))).toEqual(['RSE']);
	});

	it('cuts a standfirst at a sentence, else at a word, within 200 characters', () => {
		const sentence = `${'Une phrase assez longue. '.repeat(6)}${'mot '.repeat(40)}`;
		const cut = summarise(sentence);
		expect(cut.length).toBeLessThanOrEqual(200);
		expect(cut.endsWith('longue.')).toBe(true);
		const words = summarise('mot '.repeat(80));
		expect(words.length).toBeLessThanOrEqual(200);
		expect(words).toMatch(/mot…$/);
		expect(leadText('![Photo](./a.jpg)\n\n*Légende*\n\nLe **texte** [lien](x).')).toBe('Le texte lien.');
	});

	it('redirects only real paths', () => {
		expect(permalinkPath('https://ex.org/2021/03/visite/')).toBe('/2021/03/visite/');
		expect(permalinkPath('https://ex.org/?p=12')).toBeUndefined();
		expect(permalinkPath('https://ex.org/')).toBeUndefined();
	});
});

describe('redirects', () => {
	const map = parseRedirectMap('{ "/2021/03/visite/": "/communiques/2021-03-15-visite/" }');
	it('puts the destination under the base path (Astro adds it to the source)', () => {
		expect(astroRedirects(map, '/presse')).toEqual({ '/2021/03/visite/': '/presse/communiques/2021-03-15-visite/' });
		expect(redirectsFile(map, '/presse/')).toBe('/presse/2021/03/visite/ /presse/communiques/2021-03-15-visite/ 301\n');
	});
	it('refuses what is not a pair of site paths', () => {
		expect(() => parseRedirectMap('{ "/a/": "https://evil.example/" }')).toThrow(/invalide/);
		expect(() => parseRedirectMap('["/a/"]')).toThrow(/objet/);
	});
});

describe('running the import', () => {
	const run = (contentDir: string, force = false) =>
		importWordPress({
			exportFile: path.join(fixture, 'export.xml'),
			uploadsDir: path.join(fixture, 'uploads'),
			contentDir,
			collectionMap: 'Rencontres=rencontres',
			force,
		});

	it('does not duplicate anything the second time and never overwrites an edited entry without --force', async () => {
		const contentDir = mkdtempSync(path.join(tmpdir(), 'relais-import-'));
		const first = await run(contentDir);
		expect(first.imported).toEqual({ communiques: 5, rencontres: 1, temoignages: 0 });
		expect(first.skipped.get('page (pas un article)')).toBe(1);
		expect(first.skipped.get('élément de menu')).toBe(1);
		const entry = path.join(contentDir, 'communiques/2021-03-15-l-usine-1-200-emplois/index.md');
		const written = readFileSync(entry, 'utf8');
		expect(written).toContain('image:\n  src: "./usine-couverture.png"\n  alt: "Le site de l’usine au lever du jour"');
		expect(written).toContain('  - file: "./programme-usine.pdf"\n    title: "Programme de la visite de l’usine"');
		expect(first.missing).toEqual([{ id: '2021-03-15-l-usine-1-200-emplois', file: '2021/03/plan-absent.pdf' }]);

		const second = await run(contentDir);
		expect(second.imported).toEqual(first.imported);
		expect(second.kept).toEqual([]);
		expect(JSON.parse(readFileSync(path.join(contentDir, 'redirects.json'), 'utf8'))).toEqual({
			'/2021/03/15/l-usine-1-200-emplois/': '/communiques/2021-03-15-l-usine-1-200-emplois/',
			'/2021/04/02/forum-emploi-bilan/': '/rencontres/2021-04-02-forum-emploi-bilan/',
		});

		writeFileSync(entry, `${written}\nUne correction.\n`);
		const third = await run(contentDir);
		expect(third.kept).toEqual(['communiques/2021-03-15-l-usine-1-200-emplois/index.md']);
		expect(readFileSync(entry, 'utf8')).toContain('Une correction.');
		await run(contentDir, true);
		expect(readFileSync(entry, 'utf8')).toBe(written);
		expect(existsSync(path.join(contentDir, '.import-wordpress.json'))).toBe(true);
	});
});
