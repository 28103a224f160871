/**
 * The joins between entries, computed once per build and looked up by pages:
 * neighbours in a collection, related entries, a rencontre's testimonials, a
 * testimonial's rencontre, a release's press coverage, the release a coverage item covers,
 * the versions of an entry in other languages. A page asks for its entry's key and does no walk
 * over the archive, so its cost does not depend on the archive's size.
 */
import { relatedEntries, type Relatable } from './related';
import { themeSlug } from './themes';
import { resolveAttachments } from '../press-kit/attachments.data';
import { cardPath } from '../cards/cards.data';
import { COLLECTIONS, entryKey, getAllPublished, getPublished, type CollectionName, type NewsItem } from './entries.data';
import { pageKey } from '../site/page-keys.data';
import { resolvePhotos } from '../photos/photos.data';
import { pressKitSources } from '../press-kit/press-kit.data';
import { themeLabelsOf } from './themes.data';

/** What an entry page shows of other entries. */
interface EntryRelations {
	item: NewsItem;
	/** The next newer entry of the same collection. */
	newer?: NewsItem;
	/** The next older entry of the same collection. */
	older?: NewsItem;
	/** A testimonial's rencontre, when published. */
	meeting?: NewsItem;
	/** A rencontre's published testimonials, newest first. */
	testimonials: NewsItem[];
	/** The release a press coverage item covers, when published. */
	release?: NewsItem;
	/** A release's published press coverage, newest first. */
	coverage: NewsItem[];
	/** Up to three entries sharing themes, those listed apart (meeting, testimonials, release, coverage) excepted. */
	related: NewsItem[];
	/**
	 * The published versions of the entry, itself included, when it has others: the original
	 * first, then its translations (`translationOf`, directly or through another translation)
	 * by id, one per language. Empty otherwise.
	 */
	versions: NewsItem[];
}

interface EntryIndex {
	items: Map<string, NewsItem>;
	relations: Map<string, EntryRelations>;
}

/** How many related entries a page shows. */
const RELATED_SHOWN = 3;

let index: Promise<EntryIndex> | undefined;

async function buildIndex(): Promise<EntryIndex> {
	const all = await getAllPublished();
	const items = new Map(all.map((item) => [item.key, item]));

	const relatables: Array<Relatable & { item: NewsItem }> = all.map((item) => ({
		key: item.key,
		time: item.date.instant.getTime(),
		themes: [...new Set(item.tags.map(themeSlug))],
		item,
	}));
	const members = new Map<string, Array<Relatable & { item: NewsItem }>>();
	for (const relatable of relatables) {
		for (const theme of relatable.themes) {
			const list = members.get(theme) ?? [];
			list.push(relatable);
			members.set(theme, list);
		}
	}
	// A few spare candidates: the entries listed apart (testimonials, coverage, a meeting or release) are not related too.
	const ranked = relatedEntries(relatables, members, RELATED_SHOWN + 5);

	const testimonialsOf = await referrers('temoignages', 'rencontre', 'rencontres');
	const coverageOf = await referrers('retombees', 'communique', 'communiques');

	const versionsOf = translationGroups(all, items);

	const relations = new Map<string, EntryRelations>();
	for (const collection of COLLECTIONS) {
		const list = await getPublished(collection);
		list.forEach((item, position) => {
			const meetingId = referencedId(item, 'rencontre');
			const meeting = meetingId ? items.get(entryKey('rencontres', meetingId)) : undefined;
			const testimonials = testimonialsOf.get(item.key) ?? [];
			const releaseId = referencedId(item, 'communique');
			const release = releaseId ? items.get(entryKey('communiques', releaseId)) : undefined;
			const coverage = coverageOf.get(item.key) ?? [];
			// Shown apart, not again as related.
			const apart = new Set([meeting?.key, release?.key, ...testimonials.map((other) => other.key), ...coverage.map((other) => other.key)]);
			const related = (ranked.get(item.key) ?? [])
				.filter((key) => !apart.has(key))
				.slice(0, RELATED_SHOWN)
				.map((key) => items.get(key))
				.filter((other): other is NewsItem => other !== undefined);
			relations.set(item.key, {
				item,
				newer: list[position - 1],
				older: list[position + 1],
				meeting,
				testimonials,
				release,
				coverage,
				related,
				versions: versionsOf.get(item.key) ?? [],
			});
		});
	}
	return { items, relations };
}

/** The id an entry's reference field names: a testimonial's `rencontre`, a coverage item's `communique`. */
const referencedId = (item: NewsItem, field: 'rencontre' | 'communique') =>
	(item.entry.data as { rencontre?: { id: string }; communique?: { id: string } })[field]?.id;

/** Published entries of `collection` grouped by the key of the entry their `field` names. */
async function referrers(collection: CollectionName, field: 'rencontre' | 'communique', target: CollectionName) {
	const referring = (await getPublished(collection)).filter((item) => referencedId(item, field));
	return Map.groupBy(referring, (item) => entryKey(target, referencedId(item, field) ?? ''));
}

/**
 * The versions of each published entry that has a translation or translates another, by key.
 * A translation is published only with its original (src/content/publishing.ts), so the chain
 * of `translationOf` stays among published entries; a chain looping back stops where it loops.
 */
function translationGroups(all: NewsItem[], items: Map<string, NewsItem>): Map<string, NewsItem[]> {
	const originalOf = (item: NewsItem) => {
		const id = (item.entry.data as { translationOf?: { id: string } }).translationOf?.id;
		return id === undefined ? undefined : items.get(entryKey(item.collection, id));
	};
	const rootOf = (item: NewsItem) => {
		const seen = new Set([item]);
		let root = item;
		for (let next = originalOf(root); next && !seen.has(next); next = originalOf(root)) {
			seen.add(next);
			root = next;
		}
		return root;
	};
	const groups = Map.groupBy(all, rootOf);
	const versions = new Map<string, NewsItem[]>();
	for (const [root, members] of groups) {
		if (members.length < 2) continue;
		const translations = members.filter((member) => member !== root).sort((a, b) => a.id.localeCompare(b.id));
		// Two versions in one language would give two addresses for one `hreflang`: the first is kept,
		// the other links no version and none links it.
		const languages = new Set<string>();
		const kept = [root, ...translations].filter((member) => !languages.has(member.lang) && languages.add(member.lang));
		if (kept.length < 2) continue;
		for (const member of kept) versions.set(member.key, kept);
	}
	return versions;
}

function getIndex(): Promise<EntryIndex> {
	index ??= buildIndex();
	return index;
}

/** The published entry with this key, or `undefined`. */
export async function publishedEntry(collection: CollectionName, id: string): Promise<NewsItem | undefined> {
	return (await getIndex()).items.get(entryKey(collection, id));
}

/** What the page of a published entry shows of other entries. */
export async function entryRelations(key: string): Promise<EntryRelations> {
	const relations = (await getIndex()).relations.get(key);
	if (!relations) throw new Error(`Entrée publiée introuvable : ${key}`);
	return relations;
}

/**
 * The cache key of an entry's page: the entry, every entry the page links to
 * with its title, the theme labels of its search facets, its card and the sizes
 * of its files and photos (files beside an entry can change without its text changing).
 */
export async function entryPageKey(key: string): Promise<string> {
	const { item, newer, older, meeting, testimonials, release, coverage, related, versions } = await entryRelations(key);
	return pageKey(
		[item, newer, older, meeting, release, ...testimonials, ...coverage, ...related, ...versions, ...(await embeddedEntries(item))],
		// Which of the linked entries sits where (the list above only says they are shown).
		testimonials.length,
		coverage.length,
		await themeLabelsOf(item.tags),
		cardPath(item),
		resolveAttachments(item.entry).map((attachment) => attachment.bytes),
		resolvePhotos(item.entry).map((photo) => photo.original.bytes),
		// The ZIP's size follows from what it holds: no need to build it for the key.
		pressKitSources(item.entry),
	);
}

/**
 * The entries an MDX body shows through `<Evenement entree="…" />` (their titles and
 * dates are in the rendered body), `undefined` where unpublished: part of the cache
 * key of anything that renders the body.
 */
export async function embeddedEntries(item: NewsItem): Promise<Array<NewsItem | undefined>> {
	const ids = [...(item.entry.body ?? '').matchAll(/<Evenement\b[^>]*?\bentree=["']([^"']+)["']/g)].map((match) => match[1] ?? '');
	return Promise.all(ids.flatMap((id) => [publishedEntry('rencontres', id), publishedEntry('communiques', id)]));
}
