/**
 * The press photos of the entries: each resolved once per build (its file,
 * published names, rights, labels), its web-size JPEG made or taken from the
 * cache, and the photo library (`/photos/`) with its facets.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageMetadata } from 'astro';
import { cacheDir } from 'astro:config/server';
import { settings } from '../settings/settings';
import { yearOf } from '../text/dates';
import { paginate } from '../site/pagination';
import { groupByName } from '../people/people';
import { creditLine, describePhotoFile, photoXmp, webPhoto, type PhotoRights } from './photos';
import { themeSlug } from '../content/themes';
import { frenchTypography } from '../text/typography';
import { uniqueNames } from '../press-kit/zip';
import type { AnyEntry, NewsItem } from '../content/entries.data';
import { getAllPublished } from '../content/entries.data';
import { pageKey } from '../site/page-keys.data';
import { url } from '../site/site.data';
import { themeLabelsOf } from '../content/themes.data';

/** Folder of the photos beside an entry's page: `/communiques/<id>/photos/salle.jpg` and `…/photos/salle-web.jpg`. */
const PHOTOS_FOLDER = 'photos';

/** A published file of a photo. */
export interface PhotoFile {
	/** File name in the published URL and in downloads. */
	name: string;
	/** Site-relative URL. */
	href: string;
}

export interface ResolvedPhoto {
	/** The entry's key and the photo's position in it: unique in the build. */
	key: string;
	/** For Astro's `<Image>` (responsive versions). */
	image: ImageMetadata;
	alt: string;
	credit: string;
	caption?: string | undefined;
	/** The terms: the photo's own, or the site's default. */
	licence: string;
	licenceUrl?: string | undefined;
	/** « Photo : … ». */
	creditLine: string;
	/** Absolute path of the author's file. */
	source: string;
	/** The author's file, byte for byte. */
	original: PhotoFile & { format: string; width: number; height: number; bytes: number };
	/** The web-size JPEG, with the rights in its XMP. */
	web: PhotoFile;
	/** What the web-size JPEG's XMP says. */
	rights: PhotoRights;
}

/** The address in a licence written with its link (`CC BY 4.0 – https://…`). */
const urlIn = (text: string) => /https?:\/\/[^\s<>"«»]+[^\s<>"«».,;:!?)]/i.exec(text)?.[0];

/**
 * Astro keeps the path of an `image()` file on its metadata (`fsPath`, not
 * enumerable and not in the public type); the original is served from it.
 */
function sourceOf(image: ImageMetadata, entry: AnyEntry, index: number): string {
	const source = (image as ImageMetadata & { fsPath?: string }).fsPath;
	if (!source) throw new Error(`${entry.filePath ?? entry.id} : « photos[${index}].file » : chemin du fichier introuvable.`);
	return source;
}

const resolved = new WeakMap<AnyEntry, ResolvedPhoto[]>();

/** The entry's photos, in frontmatter order, with their published names (unique per entry). */
export function resolvePhotos(entry: AnyEntry): ResolvedPhoto[] {
	if (!('photos' in entry.data)) return [];
	const cached = resolved.get(entry);
	if (cached) return cached;
	const photos = entry.data.photos;
	const sources = photos.map((photo, index) => sourceOf(photo.file, entry, index));
	// Originals keep their names; each web-size JPEG is `<name>-web.jpg`; one folder, no name twice.
	const names = uniqueNames([
		...sources.map((source) => path.basename(source)),
		...sources.map((source) => `${path.basename(source).replace(/\.[^.]+$/, '')}-web.jpg`),
	]);
	const originals = names.slice(0, sources.length);
	const webNames = names.slice(sources.length);
	const licensorUrl = url.absolute('presse');
	const list = photos.map((photo, index): ResolvedPhoto => {
		// Read through `clone`: reading the proxy itself would keep a copy of the original in `_astro/`.
		const metadata = (photo.file as ImageMetadata & { clone?: ImageMetadata }).clone ?? photo.file;
		const credit = frenchTypography(photo.credit);
		const caption = photo.caption && frenchTypography(photo.caption);
		const alt = frenchTypography(photo.alt);
		const licence = frenchTypography(photo.licence ?? settings.photos.licence.name);
		const licenceUrl = photo.licence ? urlIn(photo.licence) : settings.photos.licence.url;
		const name = originals[index] ?? '';
		const webName = webNames[index] ?? '';
		return {
			key: `${entry.collection}/${entry.id}/${index}`,
			image: photo.file,
			alt,
			credit,
			caption,
			licence,
			licenceUrl,
			creditLine: creditLine(credit),
			source: sources[index] ?? '',
			original: {
				name,
				href: url.path(entry.collection, entry.id, PHOTOS_FOLDER, name),
				format: metadata.format,
				width: metadata.width,
				height: metadata.height,
				bytes: statSync(sources[index] ?? '').size,
			},
			web: { name: webName, href: url.path(entry.collection, entry.id, PHOTOS_FOLDER, webName) },
			rights: { credit, licence, licenceUrl, licensorUrl, caption, alt },
		};
	});
	resolved.set(entry, list);
	return list;
}

/** Where the web-size JPEGs are kept between builds: Astro's cache folder, which the deploy workflow keeps. */
const WEB_CACHE = path.join(fileURLToPath(cacheDir), 'relais-photos');

/** What the page says of a photo's two downloads: « JPEG – 4 000 × 2 667 px – 3,2 Mio ». */
interface PhotoDownloads {
	original: { label: string };
	web: { label: string; file: string };
}

const downloads = new Map<string, Promise<PhotoDownloads>>();

/** The sizes of a photo's files, its web-size JPEG made once per build (or taken from the cache). */
export function photoDownloads(photo: ResolvedPhoto): Promise<PhotoDownloads> {
	// The size too: under `astro dev`, a file replaced under the same name is another photo.
	const id = `${photo.source}\0${photo.original.bytes}\0${JSON.stringify(photo.rights)}`;
	let pending = downloads.get(id);
	if (!pending) {
		pending = (async () => {
			const original = await readFile(photo.source);
			const web = await webPhoto(original, photoXmp(photo.rights), WEB_CACHE);
			const { locale } = settings;
			const { format, width, height } = photo.original;
			return {
				original: { label: describePhotoFile(format, width, height, original.byteLength, locale) },
				web: { file: web.file, label: describePhotoFile('jpg', web.width, web.height, web.bytes, locale) },
			};
		})();
		downloads.set(id, pending);
	}
	return pending;
}

/** A photo as the library lists it: with its entry and the facets it is filed under. */
export interface LibraryPhoto {
	photo: ResolvedPhoto;
	item: NewsItem;
}

/** One way to filter the library: a theme, a year or a city, with its photos (newest first). */
export interface PhotoFacet {
	kind: 'themes' | 'annees' | 'villes';
	slug: string;
	label: string;
	photos: LibraryPhoto[];
}

interface PhotoLibrary {
	photos: LibraryPhoto[];
	themes: PhotoFacet[];
	years: PhotoFacet[];
	cities: PhotoFacet[];
}

let library: Promise<PhotoLibrary> | undefined;

async function buildLibrary(): Promise<PhotoLibrary> {
	// Published entries only, newest first: drafts and scheduled entries lend no photo.
	const photos = (await getAllPublished()).flatMap((item) => resolvePhotos(item.entry).map((photo) => ({ photo, item })));
	const themes = new Map<string, PhotoFacet>();
	for (const entry of photos) {
		for (const label of await themeLabelsOf(entry.item.tags)) {
			const slug = themeSlug(label);
			const facet = themes.get(slug) ?? { kind: 'themes' as const, slug, label, photos: [] };
			facet.photos.push(entry);
			themes.set(slug, facet);
		}
	}
	const years = Map.groupBy(photos, (entry) => yearOf(entry.item.date.instant, settings.timeZone));
	const cities = groupByName(
		photos.flatMap((entry) => (entry.item.event ? [{ name: entry.item.event.city, source: entry }] : [])),
		'ville',
	);
	const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
	return {
		photos,
		themes: [...themes.values()].sort((a, b) => collator.compare(a.label, b.label)),
		years: [...years.entries()]
			.sort((a, b) => b[0] - a[0])
			.map(([year, list]) => ({ kind: 'annees', slug: String(year), label: String(year), photos: list })),
		cities: cities.map((group) => ({
			kind: 'villes',
			slug: group.slug,
			label: group.name,
			photos: [...new Set(group.mentions.map((mention) => mention.source))],
		})),
	};
}

/** Every photo of every published entry, newest entry first, and its facets; computed once per build. */
function getPhotoLibrary(): Promise<PhotoLibrary> {
	library ??= buildLibrary();
	return library;
}

/** Photos on one page of the library: a grid of two, three or four columns divides it. */
const PHOTOS_PER_PAGE = 24;

/** A filter of the library as its navigation shows it. */
export interface FacetLink {
	kind: PhotoFacet['kind'];
	slug: string;
	label: string;
	href: string;
}

/** The URL of page `number` of the library, whole or filtered. */
export function photoListHref(facet: Pick<PhotoFacet, 'kind' | 'slug'> | undefined, number: number): string {
	const folder = facet ? [PHOTOS_FOLDER, facet.kind, facet.slug] : [PHOTOS_FOLDER];
	return number === 1 ? url.path(...folder) : url.path(...folder, 'page', number);
}

/** What a page of the library shows (a type, not an interface: Astro's props need an index signature). */
export type PhotoListProps = {
	/** The filter of this page, none for the whole library. */
	facet?: { kind: PhotoFacet['kind']; slug: string; label: string } | undefined;
	photos: LibraryPhoto[];
	/** Photos of the list, all pages together. */
	count: number;
	current: number;
	total: number;
	filters: { themes: FacetLink[]; years: FacetLink[]; cities: FacetLink[] };
};

/**
 * Every page of the library as static paths (`path` param of `src/pages/photos/[...path].astro`):
 * the whole library, then each theme, year and city, paginated. The key covers the photos
 * shown (their entries' fingerprints hold captions, credits and files; the sizes, a replaced
 * file), the filters offered and the page numbers.
 */
export async function photoLibraryPages() {
	const { photos, themes, years, cities } = await getPhotoLibrary();
	const link = (facet: PhotoFacet): FacetLink => ({
		kind: facet.kind,
		slug: facet.slug,
		label: facet.label,
		href: photoListHref(facet, 1),
	});
	const filters = { themes: themes.map(link), years: years.map(link), cities: cities.map(link) };
	const lists: Array<{ facet?: PhotoFacet; photos: LibraryPhoto[] }> = [
		{ photos },
		...[...themes, ...years, ...cities].map((facet) => ({ facet, photos: facet.photos })),
	];
	return lists.flatMap(({ facet, photos: list }) => {
		const pages = paginate(list, PHOTOS_PER_PAGE);
		return pages.map((page) => {
			const props: PhotoListProps = {
				facet: facet && { kind: facet.kind, slug: facet.slug, label: facet.label },
				photos: page.items,
				count: list.length,
				current: page.number,
				total: pages.length,
				filters,
			};
			const folder = facet ? [facet.kind, facet.slug] : [];
			return {
				params: { path: [...folder, ...(page.number === 1 ? [] : ['page', page.number])].join('/') || undefined },
				props,
				cacheKey: pageKey(
					page.items.map((shown) => shown.item),
					page.items.map((shown) => [shown.photo.key, shown.photo.original.bytes]),
					props.facet,
					filters,
					list.length,
					page.number,
					pages.length,
				),
			};
		});
	});
}
