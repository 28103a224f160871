import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importWordPress } from '../../src/import/wordpress/import';
import { formatReport } from '../../src/import/wordpress/report';
import { contractDate, draftReason, entryId, leadText, permalinkPath, summarise, themesOf } from '../../src/import/wordpress/entries';
import { autoParagraphs, convertPostHtml, htmlToText, isAllowedUrl, type ConvertOptions } from '../../src/import/wordpress/html';
import { unserializePhp } from '../../src/import/wordpress/php-serialize';
import { captionCredit, metadataCredit, photoCredit } from '../../src/import/wordpress/photos';
import { readWxr, type WxrItem } from '../../src/import/wordpress/wxr';
import { parseArguments } from '../../scripts/import';

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
		expect(items.filter((found) => found.postType === 'attachment')).toHaveLength(7);
		// PHP-serialized postmeta comes through as written, multi-byte characters whole.
		expect(items.find((found) => found.postId === '103')?.meta._wp_attachment_metadata).toContain('s:23:"Agglo / Hélène Dupré";');
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

/** The hostile post of the fixture (id 60): scripts, event handlers and `javascript:`, `data:`, `vbscript:` URLs however written. */
async function hostilePost(): Promise<WxrItem> {
	for await (const found of readWxr(Readable.from([readFileSync(path.join(fixture, 'export.xml'))])))
		if (found.postId === '60') return found;
	throw new Error('post 60 missing from the fixture');
}

const REFUSED = '\u00a0: seules les adresses http, https, mailto, tel et relatives sont gardées';

describe('hostile HTML', () => {
	it('keeps no script, event handler nor dangerous URL of a hostile post, and lists each one removed', async () => {
		const result = convert((await hostilePost()).content);
		expect(result.markdown).toBe(
			[
				'Un texte piégé, en casse mêlée, encodé, avec tabulation, avec saut de ligne, en Visual Basic, en données, deux-points encodé, encodé deux fois et [un vrai lien](https://www.example.org/).',
				'[Image : Logo](https://cdn.example.com/logo.png)',
				'Lien vectoriel',
				'La suite du communiqué.',
			].join('\n\n'),
		);
		expect(result.removed).toEqual([
			'<script>',
			'<iframe>',
			'<iframe>',
			'<iframe>',
			`adresse «\u00a0javascript:alert(2)\u00a0» (<a href>)${REFUSED}`,
			`adresse «\u00a0JaVaScRiPt:alert(3)\u00a0» (<a href>)${REFUSED}`,
			`adresse «\u00a0javascript:alert(4)\u00a0» (<a href>)${REFUSED}`,
			`adresse «\u00a0jav ascript:alert(5)\u00a0» (<a href>)${REFUSED}`,
			`adresse «\u00a0java script:alert(6)\u00a0» (<a href>)${REFUSED}`,
			`adresse «\u00a0VBScript:MsgBox(7)\u00a0» (<a href>)${REFUSED}`,
			`adresse «\u00a0data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==\u00a0» (<a href>)${REFUSED}`,
			`adresse «\u00a0javascript:alert(9)\u00a0» (<a href>)${REFUSED}`,
			// Decoded once by the HTML parser, `&#106;` would be decoded again by the Markdown renderer.
			`adresse «\u00a0&#106;avascript:alert(10)\u00a0» (<a href>)${REFUSED}`,
			`adresse «\u00a0javascript:alert(13)\u00a0» (<img src>)${REFUSED}`,
			`adresse «\u00a0DATA:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTUpPg==\u00a0» (<img src>)${REFUSED}`,
			`adresse «\u00a0javascript:alert(16)\u00a0» (<img srcset>)${REFUSED}`,
		]);
	});

	it('never makes a link of an image whose source is a javascript: URL', () => {
		const result = convert('<img src="javascript:alert(1)" alt="x">');
		expect(result.markdown).toBe('');
		expect(result.removed).toEqual([`adresse «\u00a0javascript:alert(1)\u00a0» (<img src>)${REFUSED}`]);
	});

	it('reads a URL’s scheme as a browser would after the Markdown renderer decoded it', () => {
		for (const url of [
			'https://ex.org/a',
			'HTTP://ex.org',
			'mailto:presse@ex.org',
			'tel:+33100000000',
			'./a.jpg',
			'fichiers/p.pdf',
			'#haut',
			'/presse/',
			'//ex.org/x',
			'dossier/a:b',
		])
			expect(isAllowedUrl(url), url).toBe(true);
		for (const url of [
			'javascript:x',
			' JAVASCRIPT:x',
			'java\tscript:x',
			'java\nscript:x',
			'\u0000javascript:x',
			'&#106;avascript:x',
			'&#x6A;avascript:x',
			'javascript&colon;x',
			'java\\script:x',
			'vbscript:x',
			'data:text/html,x',
			'file:///etc/passwd',
		])
			expect(isAllowedUrl(url), url).toBe(false);
	});

	it('escapes a link destination so that it cannot close the link and open another', () => {
		expect(convert('<p><a href="https://ex.org/a)[x](https://ex.org/b">lien</a></p>').markdown).toBe(
			'[lien](https://ex.org/a\\)[x]\\(https://ex.org/b)',
		);
	});
});

describe('the import command line', () => {
	it('reads the source, the file and the options, the content folder from the settings', () => {
		expect(
			parseArguments(['wordpress', 'export.xml', '--uploads', 'up', '--collection-map', 'R=rencontres', '--force'], '/site/content'),
		).toEqual({
			exportFile: 'export.xml',
			contentDir: '/site/content',
			force: true,
			uploadsDir: path.resolve('up'),
			collectionMap: 'R=rencontres',
		});
		expect(parseArguments(['-h']).help).toBe(true);
	});

	it('says in French what is wrong with the arguments', () => {
		expect(() => parseArguments(['wordpress', 'export.xml', '--bogus'])).toThrow('option inconnue : --bogus.');
		expect(() => parseArguments(['wordpress', 'export.xml', '--uploads'])).toThrow('il manque la valeur après --uploads.');
		expect(() => parseArguments(['export.xml'])).toThrow('indiquez la source et le fichier : npm run import -- wordpress export.xml');
	});
});

/** PHP's `serialize()` of a string: its length in bytes of UTF-8. */
const phpString = (text: string) => `s:${Buffer.byteLength(text)}:"${text}";`;
/** An attachment's `_wp_attachment_metadata` as WordPress stores it, with IPTC credit and copyright. */
const attachmentMetadata = (credit: string, copyright: string) =>
	`a:3:{s:5:"width";i:800;s:4:"file";${phpString('2021/03/a.jpg')}s:10:"image_meta";a:3:{s:8:"aperture";s:3:"2.8";s:6:"credit";${phpString(credit)}s:9:"copyright";${phpString(copyright)}}}`;

describe('reading PHP-serialized postmeta', () => {
	it('reads strings, numbers, booleans, null and nested arrays in order', () => {
		const value = unserializePhp('a:5:{i:0;s:3:"abc";s:1:"n";i:-12;s:1:"d";d:0.5;s:1:"b";b:1;s:1:"x";a:1:{i:3;N;}}');
		expect(value).toEqual(
			new Map<string | number, unknown>([
				[0, 'abc'],
				['n', -12],
				['d', 0.5],
				['b', true],
				['x', new Map([[3, null]])],
			]),
		);
	});

	it('counts string lengths in bytes of UTF-8, as PHP does', () => {
		// « Hélène Dupré » is 12 characters, 15 bytes (é, è, é take two each); « © » and « ’ » two and three.
		expect(unserializePhp('s:15:"Hélène Dupré";')).toBe('Hélène Dupré');
		expect(unserializePhp('s:12:"Hélène Dupré";')).toBeUndefined();
		expect(unserializePhp(phpString('© L’Agglo'))).toBe('© L’Agglo');
		// A length that cuts a character in two: the value was mangled by a charset conversion.
		expect(unserializePhp('s:1:"é";')).toBeUndefined();
	});

	it('refuses objects, references and malformed or truncated values instead of throwing', () => {
		expect(unserializePhp('O:8:"stdClass":1:{s:1:"a";i:1;}')).toBeUndefined();
		expect(unserializePhp('a:1:{i:0;O:8:"stdClass":0:{}}')).toBeUndefined();
		expect(unserializePhp('a:2:{i:0;i:1;i:1;R:2;}')).toBeUndefined();
		expect(unserializePhp('a:2:{i:0;s:1:"a";')).toBeUndefined();
		expect(unserializePhp('s:5:"abc";')).toBeUndefined();
		expect(unserializePhp('i:1;i:2;')).toBeUndefined();
		expect(unserializePhp('a:1:{a:0:{}i:1;}')).toBeUndefined();
		expect(unserializePhp(`${'a:1:{i:0;'.repeat(40)}N;${'}'.repeat(40)}`)).toBeUndefined();
		expect(unserializePhp('')).toBeUndefined();
		expect(unserializePhp('a:1:{s:1:"k";s:1:"v";}\n')).toEqual(new Map([['k', 'v']]));
	});

	it('takes the credit WordPress read from the IPTC: credit, else copyright without its © and year', () => {
		expect(metadataCredit(attachmentMetadata('Agglo / Hélène Dupré', '© Agglo'))).toBe('Agglo / Hélène Dupré');
		expect(metadataCredit(attachmentMetadata('', '© 2021 Agglo Presse'))).toBe('Agglo Presse');
		expect(metadataCredit(attachmentMetadata('', 'Copyright (c) Ville d’Alès'))).toBe('Ville d’Alès');
		expect(metadataCredit(attachmentMetadata(' ', ''))).toBeUndefined();
		expect(metadataCredit('a:1:{s:5:"width";i:800;}')).toBeUndefined();
		expect(metadataCredit('a:1:{s:10:"image_meta";s:6:"credit";}')).toBeUndefined();
		expect(metadataCredit('not serialized')).toBeUndefined();
		expect(metadataCredit('')).toBeUndefined();
	});
});

describe('credits written in captions', () => {
	it('takes « © », « Photo : », « Crédit photo : » at the end of a caption out of it', () => {
		expect(captionCredit('L’atelier de montage. © Agglo / J. Martin')).toEqual({
			caption: 'L’atelier de montage.',
			credit: 'Agglo / J. Martin',
		});
		expect(captionCredit('La salle comble – Photo\u202f: J. Martin.')).toEqual({ caption: 'La salle comble', credit: 'J. Martin' });
		expect(captionCredit('Crédit photo : Ville d’Alès')).toEqual({ caption: '', credit: 'Ville d’Alès' });
		expect(captionCredit('Les élus. Crédits : © 2021 Agglo')).toEqual({ caption: 'Les élus.', credit: 'Agglo' });
		expect(captionCredit('Signature, Martin J.')).toEqual({ caption: 'Signature, Martin J.' });
	});

	it('takes a credit in parentheses out of the middle of a caption', () => {
		expect(captionCredit('Le président (photo : J. Martin) salue la salle')).toEqual({
			caption: 'Le président salue la salle',
			credit: 'J. Martin',
		});
	});

	it('finds no credit where there is only a caption', () => {
		expect(captionCredit('Photo de groupe : les élus')).toEqual({ caption: 'Photo de groupe : les élus' });
		expect(captionCredit('Photos : les lauréats du concours')).toEqual({ caption: 'Photos : les lauréats du concours' });
		expect(captionCredit('La phototèque de l’Agglo')).toEqual({ caption: 'La phototèque de l’Agglo' });
	});

	it('prefers the metadata, leaving the caption as written unless it names the same credit', () => {
		expect(photoCredit('J. Martin', 'Les stands. © Agglo')).toEqual({ credit: 'J. Martin', caption: 'Les stands. © Agglo' });
		expect(photoCredit('Agglo', 'Les stands. © Agglo')).toEqual({ credit: 'Agglo', caption: 'Les stands.' });
		expect(photoCredit(undefined, 'Les stands')).toEqual({ caption: 'Les stands' });
	});
});

describe('gallery and captioned images as press photos', () => {
	const credited: Record<string, { alt: string; caption: string; credit?: string }> = {
		'1': { alt: 'La grue', caption: 'Le chantier', credit: 'Agglo / H. Dupré' },
		'2': { alt: 'L’équipe', caption: '', credit: 'Agglo Presse' },
		'3': { alt: 'La maquette', caption: 'Vue d’architecte' },
		'4': { alt: '', caption: 'Sans description', credit: 'Agglo' },
		'5': { alt: 'Animation', caption: '', credit: 'Agglo' },
	};
	const photoOptions: ConvertOptions = {
		...uploads,
		photos: true,
		attachment: (id) => {
			const found = credited[id];
			return found && { url: `https://ex.org/wp-content/uploads/2021/03/g${id}.${id === '5' ? 'gif' : 'jpg'}`, ...found };
		},
	};
	const block = (id: string, caption = '') =>
		`<!-- wp:image {"id":${id}} --><figure class="wp-block-image"><img src="https://ex.org/wp-content/uploads/2021/03/g${id}.jpg" alt="" class="wp-image-${id}"/>${caption && `<figcaption class="wp-element-caption">${caption}</figcaption>`}</figure><!-- /wp:image -->`;

	it('makes photos of a gallery block’s images and takes them out of the text, keeping the gallery’s caption', () => {
		const result = convertPostHtml(
			`<p>Avant.</p><!-- wp:gallery --><figure class="wp-block-gallery has-nested-images">${block('1', 'La grue en mars')}${block('2')}<figcaption class="blocks-gallery-caption">Le chantier en images</figcaption></figure><!-- /wp:gallery --><p>Après.</p>`,
			photoOptions,
		);
		expect(result.photos).toEqual([
			{ file: './g1.jpg', alt: 'La grue', credit: 'Agglo / H. Dupré', caption: 'La grue en mars' },
			{ file: './g2.jpg', alt: 'L’équipe', credit: 'Agglo Presse' },
		]);
		expect(result.markdown).toBe('Avant.\n\nLe chantier en images\n\nAprès.');
		expect(result.notPhotos).toEqual([]);
	});

	it('reads the older gallery markup (a list of figures) the same way', () => {
		const result = convertPostHtml(
			'<figure class="wp-block-gallery columns-2"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="https://ex.org/wp-content/uploads/2021/03/g1.jpg" alt="" data-id="1" class="wp-image-1"/><figcaption class="blocks-gallery-item__caption">Le chantier © Agglo / H. Dupré</figcaption></figure></li></ul></figure>',
			photoOptions,
		);
		expect(result.photos).toEqual([{ file: './g1.jpg', alt: 'La grue', credit: 'Agglo / H. Dupré', caption: 'Le chantier' }]);
		expect(result.markdown).toBe('');
	});

	it('makes photos of a [gallery] shortcode, with the attachments’ captions', () => {
		const result = convertPostHtml('[gallery ids="1,2"]', photoOptions);
		expect(result.photos.map((photo) => [photo.file, photo.caption])).toEqual([
			['./g1.jpg', 'Le chantier'],
			['./g2.jpg', undefined],
		]);
		expect(result.markdown).toBe('');
	});

	it('makes a photo of a captioned image with a credit, and leaves the image where the author put it', () => {
		const html =
			'[caption id="attachment_9"]<img src="https://ex.org/wp-content/uploads/2021/03/c.jpg" alt="Les stands" /> Les stands. © J. Martin[/caption]';
		const result = convertPostHtml(html, photoOptions);
		expect(result.photos).toEqual([{ file: './c.jpg', alt: 'Les stands', credit: 'J. Martin', caption: 'Les stands.' }]);
		expect(result.markdown).toBe('![Les stands](./c.jpg)\n\n*Les stands. © J. Martin*');
	});

	it('keeps an image without credit or alt text in the text and says what to add; never invents a credit', () => {
		const result = convertPostHtml(`${block('3', 'Vue d’architecte')}[gallery ids="4"]`, photoOptions);
		expect(result.photos).toEqual([]);
		expect(result.notPhotos).toEqual([
			'photo sans crédit : g3.jpg ; ajoutez son crédit pour la proposer en photothèque',
			'photo sans texte alternatif : g4.jpg ; décrivez-la (texte alternatif) pour la proposer en photothèque',
		]);
		expect(result.markdown).toBe('![La maquette](./g3.jpg)\n\n*Vue d’architecte*\n\n![](./g4.jpg)\n\n*Sans description*');
		// The caption is not used as alt text: read after the image, it would only repeat the caption.
		expect(result.leftovers).toEqual([]);
	});

	it('keeps a GIF in the text, makes no photo of a plain image, and none for a collection without photos', () => {
		expect(convertPostHtml('[gallery ids="5"]', photoOptions).notPhotos).toEqual([
			'image gardée dans le texte : g5.gif ; une photo de photothèque est un fichier JPEG, PNG ou WebP',
		]);
		expect(
			convertPostHtml('<p><img src="https://ex.org/wp-content/uploads/2021/03/g1.jpg" class="wp-image-1"></p>', photoOptions).photos,
		).toEqual([]);
		const testimonial = convertPostHtml('[gallery ids="1"]', { ...photoOptions, photos: false });
		expect(testimonial.photos).toEqual([]);
		expect(testimonial.markdown).toBe('![La grue](./g1.jpg)\n\n*Le chantier*');
	});

	it('takes the original upload for the photo when the text shows a smaller size', () => {
		const result = convertPostHtml(
			'<figure class="wp-block-gallery"><figure><img src="https://ex.org/wp-content/uploads/2021/03/g1-300x200.jpg" alt="La grue"></figure></figure>',
			{ ...photoOptions, attachmentAt: (url) => (url.endsWith('g1-300x200.jpg') ? photoOptions.attachment('1') : undefined) },
		);
		expect(result.photos.map((photo) => photo.file)).toEqual(['./g1.jpg']);
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
		expect(first.imported).toEqual({ communiques: 6, rencontres: 1, temoignages: 0 });
		expect(first.skipped.get('page (pas un article)')).toBe(1);
		expect(first.skipped.get('élément de menu')).toBe(1);
		const entry = path.join(contentDir, 'communiques/2021-03-15-l-usine-1-200-emplois/index.md');
		const written = readFileSync(entry, 'utf8');
		expect(written).toContain('image:\n  src: "./usine-couverture.png"\n  alt: "Le site de l’usine au lever du jour"');
		expect(written).toContain('  - file: "./programme-usine.pdf"\n    title: "Programme de la visite de l’usine"');
		expect(first.missing).toEqual([{ id: '2021-03-15-l-usine-1-200-emplois', file: '2021/03/plan-absent.pdf' }]);
		// The gallery with IPTC credits and the captioned « © » image are photos; the uncredited ones stay in the text.
		expect(written).toContain(
			[
				'photos:',
				'  - file: "./atelier.png"',
				'    alt: "L’atelier de montage"',
				'    credit: "Agglo / J. Martin"',
				'    caption: "L’atelier de montage."',
				'  - file: "./chantier-grue.png"',
				'    alt: "La grue au-dessus des fondations de l’usine"',
				'    credit: "Agglo / Hélène Dupré"',
				'    caption: "La grue du chantier, en mars"',
				'  - file: "./chantier-equipe.png"',
				'    alt: "L’équipe du chantier devant les fondations"',
				'    credit: "Agglo Presse"',
				'    caption: "Les compagnons du chantier"',
			].join('\n'),
		);
		expect(written).not.toContain('chantier-grue-300x200');
		// The gallery showed a smaller size: the photo is the original, and the smaller copy is not written.
		expect(existsSync(path.join(path.dirname(entry), 'chantier-grue.png'))).toBe(true);
		expect(existsSync(path.join(path.dirname(entry), 'chantier-grue-300x200.png'))).toBe(false);
		expect(written).toContain('![La maquette du futur bâtiment](./maquette.png)');
		expect(first.photos).toBe(3);
		expect(formatReport(first)).toContain(
			'2021-03-15-l-usine-1-200-emplois : photo sans crédit : maquette.png ; ajoutez son crédit pour la proposer en photothèque',
		);

		const second = await run(contentDir);
		expect(second.imported).toEqual(first.imported);
		expect(second.kept).toEqual([]);
		expect(readFileSync(entry, 'utf8')).toBe(written);
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
