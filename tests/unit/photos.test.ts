/** Press photos: labels, the XMP packet, the web-size JPEG and its cache, the press kit's readme, unpublished images removed. */
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { creditLine, describePhotoFile, photoXmp, webPhoto, type PhotoRights } from '../../src/photos/photos';
import { pressKitReadme, readmeLines } from '../../src/press-kit/readme';
import { localImageReferences, removeUnpublishedImages } from '../../src/photos/unpublished-images';
import { settingsSchema } from '../../src/settings/schema';

const temporary = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
const RIGHTS: PhotoRights = {
	credit: 'Alès Agglomération / J. Martin',
	licence: 'CC BY 4.0',
	licenceUrl: 'https://creativecommons.org/licenses/by/4.0/deed.fr',
	licensorUrl: 'https://presse.example.org/presse/',
	caption: 'L’accueil <b>des</b> entreprises & le café',
	alt: 'La salle comble',
};

describe('labels', () => {
	it('writes the credit line with French spacing', () => {
		expect(creditLine('Alès Agglomération / J. Martin')).toBe('Photo\u00a0: Alès Agglomération / J. Martin');
	});

	it('describes a file by format, pixels and weight in French', () => {
		expect(describePhotoFile('jpg', 4000, 2667, 3_355_443, 'fr-FR')).toBe(
			'JPEG – 4\u202f000\u00a0×\u00a02\u202f667\u00a0px – 3,2\u00a0Mio',
		);
		expect(describePhotoFile('webp', 800, 600, 1000, 'fr-FR')).toBe('WebP – 800\u00a0×\u00a0600\u00a0px – 1\u202f000\u00a0o');
	});
});

describe('XMP packet', () => {
	it('carries creator, credit line, copyright, usage terms, licence page, licensor and alt text, escaped', () => {
		const xmp = photoXmp(RIGHTS);
		for (const field of [
			'<dc:creator><rdf:Seq><rdf:li>Alès Agglomération / J. Martin</rdf:li></rdf:Seq></dc:creator>',
			'<photoshop:Credit>Alès Agglomération / J. Martin</photoshop:Credit>',
			'<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© Alès Agglomération / J. Martin</rdf:li></rdf:Alt></dc:rights>',
			'<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">CC BY 4.0</rdf:li></rdf:Alt></xmpRights:UsageTerms>',
			'<xmpRights:WebStatement>https://creativecommons.org/licenses/by/4.0/deed.fr</xmpRights:WebStatement>',
			'<plus:LicensorURL>https://presse.example.org/presse/</plus:LicensorURL>',
			'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">L’accueil &lt;b&gt;des&lt;/b&gt; entreprises &amp; le café</rdf:li></rdf:Alt></dc:description>',
			'<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">La salle comble</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>',
		]) {
			expect(xmp).toContain(field);
		}
		const bare = photoXmp({ credit: 'C', licence: 'L', alt: 'A' });
		expect(bare).not.toMatch(/WebStatement|Licensor|dc:description/);
	});
});

describe('web-size JPEG', () => {
	it('is made once per original and rights, then taken from the cache, with the rights in its XMP', async () => {
		const original = await sharp({ create: { width: 3000, height: 1500, channels: 4, background: { r: 10, g: 80, b: 140, alpha: 0.5 } } })
			.png()
			.toBuffer();
		const cache = temporary('relais-photos-');
		const first = await webPhoto(original, photoXmp(RIGHTS), cache);
		expect([first.width, first.height]).toEqual([2000, 1000]);
		const metadata = await sharp(first.file).metadata();
		expect([metadata.format, metadata.width, metadata.height, metadata.hasAlpha]).toEqual(['jpeg', 2000, 1000, false]);
		expect(metadata.xmp?.toString('utf8')).toContain('<photoshop:Credit>Alès Agglomération / J. Martin</photoshop:Credit>');
		const written = statSync(first.file).mtimeMs;
		const again = await webPhoto(original, photoXmp(RIGHTS), cache);
		expect(again).toEqual(first);
		expect(statSync(again.file).mtimeMs).toBe(written);
		// Other rights, another file.
		const other = await webPhoto(original, photoXmp({ ...RIGHTS, credit: 'Leader Alès' }), cache);
		expect(other.file).not.toBe(first.file);
		expect(readdirSync(cache, { recursive: true }).filter((name) => String(name).endsWith('.jpg'))).toHaveLength(2);
	});
});

describe('LISEZ-MOI.txt', () => {
	const facts = {
		title: 'Visite de l’usine',
		published: 'Communiqué de presse – 10 janvier 2026',
		url: 'https://presse.example.org/communiques/visite/',
		site: 'Relais',
		contact: 'Service de presse – presse@relais.example',
		photos: [
			{
				path: 'photos/salle.jpg',
				caption: 'La salle',
				creditLine: 'Photo : J. Martin',
				licence: 'CC BY 4.0',
				licenceUrl: 'https://creativecommons.org/licenses/by/4.0/deed.fr',
				label: 'JPEG – 4 000 × 2 667 px – 3,2 Mio',
			},
		],
		files: [{ path: 'programme.pdf', title: 'Programme', label: 'PDF – 12 Kio' }],
	};

	it('lists each photo with caption, credit and licence, then each file', () => {
		expect(readmeLines(facts)).toEqual([
			'Dossier de presse – Visite de l’usine',
			'Communiqué de presse – 10 janvier 2026',
			'https://presse.example.org/communiques/visite/',
			'',
			'Photos',
			'======',
			'Le crédit de chaque photo doit être reproduit avec elle (Code de la propriété intellectuelle, art. L.121-1).',
			'',
			'photos/salle.jpg',
			'  JPEG – 4 000 × 2 667 px – 3,2 Mio',
			'  Légende\u00a0: La salle',
			'  Crédit\u00a0: Photo : J. Martin',
			'  Licence\u00a0: CC BY 4.0',
			'  https://creativecommons.org/licenses/by/4.0/deed.fr',
			'',
			'Fichiers',
			'========',
			'',
			'programme.pdf',
			'  Programme (PDF – 12 Kio)',
			'',
			'--',
			'Relais',
			'Service de presse – presse@relais.example',
		]);
	});

	it('is UTF-8 with a byte order mark and CRLF line ends', () => {
		const bytes = pressKitReadme({ ...facts, photos: [], files: [] });
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
			'\uFEFFDossier de presse – Visite de l’usine\r\nCommuniqué de presse – 10 janvier 2026\r\nhttps://presse.example.org/communiques/visite/\r\n\r\n--\r\nRelais\r\nService de presse – presse@relais.example\r\n',
		);
	});
});

describe('unpublished images', () => {
	it('removes the copies of unpublished entries’ images, not those a published entry shares', async () => {
		const root = temporary('relais-unpublished-');
		const assets = path.join(root, '_astro');
		mkdirSync(assets);
		const write = (file: string, text: string) => {
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, text);
			return file;
		};
		const draft = write(path.join(root, 'content/brouillon/secret.jpg'), 'secret');
		const shared = write(path.join(root, 'content/brouillon/logo.png'), 'logo');
		const published = write(path.join(root, 'content/publie/logo.png'), 'logo');
		write(path.join(assets, 'secret.Ab12_-Cd.jpg'), 'secret');
		write(path.join(assets, 'secret.Zz99Zz99.jpg'), 'autre contenu');
		write(path.join(assets, 'logo.Qq11Qq11.png'), 'logo');
		const removed = await removeUnpublishedImages(assets, { unpublished: [draft, shared], published: [published] });
		expect(removed).toEqual(['secret.Ab12_-Cd.jpg']);
		expect(readdirSync(assets).sort()).toEqual(['logo.Qq11Qq11.png', 'secret.Zz99Zz99.jpg']);
	});

	it('reads the local images an MDX body refers to: Markdown images and imports, not addresses', () => {
		const body = [
			"import schema from './schema.svg';",
			"import { Citation } from './composants.ts';",
			'![Salle](./salle.jpg "La salle") ![Pas une image](./salle comble.jpg)',
			'![Logo](<./logo réseau.png>)',
			'![Carte](https://exemple.fr/carte.png) ![Ancre](#haut) ![Racine](/images/a.png)',
			'<Citation>![Dedans](../partage/photo.webp)</Citation>',
		].join('\n');
		expect(localImageReferences(body)).toEqual(['./schema.svg', './salle.jpg', './logo réseau.png', '../partage/photo.webp']);
	});
});

describe('settings', () => {
	it('takes a default photo licence, and checks its address', () => {
		const base = { name: 'R', description: 'D' };
		expect(settingsSchema.parse(base).photos.licence.name).toMatch(/^Utilisation libre/);
		const licence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' };
		expect(settingsSchema.parse({ ...base, photos: { licence } }).photos.licence).toEqual(licence);
		const wrong = settingsSchema.safeParse({ ...base, photos: { licence: { name: 'X', url: 'creativecommons.org' } } });
		expect(wrong.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['photos.licence.url', 'adresse de licence invalide (exemple : « https://creativecommons.org/licenses/by/4.0/deed.fr »)'],
		]);
	});
});
