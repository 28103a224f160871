/**
 * People (rencontres' speakers, testimonials' authors) and organisations (theirs,
 * and rencontres' organisers) of the published entries, each with a page.
 * Entries come from `src/content/entries.data.ts`: a draft's speaker gets no page.
 */
import { settings } from '../settings/settings';
import { groupByName, nameSlug, preferredSpelling, type Mention } from './people';
import { frenchTypography } from '../text/typography';
import { byNewest, getPublished, type NewsItem } from '../content/entries.data';
import { url } from '../site/site.data';

/** Site-relative URL of a person's page, from any spelling of the name. */
export const personHref = (name: string) => url.path('personnes', nameSlug(name));

/** A link to a person or an organisation page. */
export interface NamedLink {
	/** From the name as written: typography never changes it. */
	slug: string;
	/** The name as shown, in French typography (« Agence d’attractivité »). */
	name: string;
	href: string;
}

export interface Person extends NamedLink {
	/** Roles as written (« Dirigeant »…), distinct. */
	roles: string[];
	organisations: NamedLink[];
	/** Rencontres the person spoke at, newest first. */
	rencontres: NewsItem[];
	/** The person's testimonials, newest first. */
	temoignages: NewsItem[];
	/** Both, newest first: the person's feed. */
	entries: NewsItem[];
}

export interface Organisation extends NamedLink {
	/** Speakers and testimonial authors of this organisation. */
	people: NamedLink[];
	/** Rencontres it organised, newest first. */
	organised: NewsItem[];
	/** Rencontres and testimonials where one of its people speaks for it, newest first. */
	voiced: NewsItem[];
	/** Every entry naming it (organised or voiced), newest first: its feed. */
	entries: NewsItem[];
}

interface PersonMention {
	item: NewsItem;
	role?: string;
	organisation?: string;
}

interface Directory {
	people: Person[];
	organisations: Organisation[];
}

let directory: Promise<Directory> | undefined;

async function buildDirectory(): Promise<Directory> {
	const [rencontres, temoignages] = await Promise.all([getPublished('rencontres'), getPublished('temoignages')]);
	const personMentions: Array<Mention<PersonMention>> = [];
	const organiserMentions: Array<Mention<NewsItem>> = [];
	for (const item of rencontres) {
		if (item.entry.collection !== 'rencontres') continue;
		for (const speaker of item.entry.data.speakers) {
			personMentions.push({ name: speaker.name, source: { item, role: speaker.role, organisation: speaker.organisation } });
		}
		for (const organiser of item.entry.data.organizers) organiserMentions.push({ name: organiser, source: item });
	}
	for (const item of temoignages) {
		if (item.entry.collection !== 'temoignages') continue;
		const { name, role, organisation } = item.entry.data;
		personMentions.push({ name, source: { item, role, organisation } });
	}

	// One spelling per organisation across every kind of mention.
	const orgSpellings = new Map<string, Map<string, number>>();
	const countOrg = (name: string) => {
		const slug = nameSlug(name, 'organisation');
		const spellings = orgSpellings.get(slug) ?? new Map<string, number>();
		spellings.set(name, (spellings.get(name) ?? 0) + 1);
		orgSpellings.set(slug, spellings);
	};
	for (const mention of personMentions) if (mention.source.organisation) countOrg(mention.source.organisation.trim());
	for (const mention of organiserMentions) countOrg(mention.name.trim());
	const orgLink = (name: string): NamedLink => {
		const slug = nameSlug(name, 'organisation');
		const spelling = preferredSpelling(orgSpellings.get(slug) ?? new Map([[name, 1]]));
		return { slug, name: frenchTypography(spelling), href: url.path('organisations', slug) };
	};

	const people: Person[] = groupByName(personMentions).map((group) => {
		const sources = group.mentions.map((mention) => mention.source);
		const unique = (items: NewsItem[]) => items.filter((item, index) => items.indexOf(item) === index);
		const organisations = new Map<string, NamedLink>();
		for (const source of sources) {
			if (source.organisation) {
				const link = orgLink(source.organisation.trim());
				organisations.set(link.slug, link);
			}
		}
		const roles = sources.map((source) => source.role?.trim()).filter((role): role is string => Boolean(role));
		return {
			slug: group.slug,
			name: frenchTypography(group.name),
			href: url.path('personnes', group.slug),
			roles: [...new Set(roles.map(frenchTypography))],
			organisations: [...organisations.values()],
			rencontres: unique(sources.filter((source) => source.item.collection === 'rencontres').map((source) => source.item)),
			temoignages: unique(sources.filter((source) => source.item.collection === 'temoignages').map((source) => source.item)),
			entries: unique(sources.map((source) => source.item)).sort(byNewest),
		};
	});

	const organisations = new Map<string, Organisation>();
	const orgOf = (link: NamedLink) => {
		const existing = organisations.get(link.slug) ?? { ...link, people: [], organised: [], voiced: [], entries: [] };
		organisations.set(link.slug, existing);
		return existing;
	};
	for (const person of people) {
		for (const link of person.organisations) {
			const org = orgOf(link);
			if (!org.people.some((other) => other.slug === person.slug))
				org.people.push({ slug: person.slug, name: person.name, href: person.href });
		}
	}
	for (const mention of organiserMentions) {
		const org = orgOf(orgLink(mention.name.trim()));
		if (!org.organised.includes(mention.source)) org.organised.push(mention.source);
	}
	for (const { source } of personMentions) {
		if (!source.organisation) continue;
		const org = orgOf(orgLink(source.organisation.trim()));
		if (!org.voiced.includes(source.item)) org.voiced.push(source.item);
	}
	for (const org of organisations.values()) {
		org.voiced.sort(byNewest);
		org.entries = [...new Set([...org.organised, ...org.voiced])].sort(byNewest);
	}
	const collator = new Intl.Collator(settings.locale, { sensitivity: 'base', numeric: true });
	return {
		people,
		organisations: [...organisations.values()].sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug)),
	};
}

function getDirectory(): Promise<Directory> {
	directory ??= buildDirectory();
	return directory;
}

/** Every person named by a published entry, in French alphabetical order of their name. */
export async function getPeople(): Promise<Person[]> {
	return (await getDirectory()).people;
}

/** Every organisation named by a published entry, in French alphabetical order. */
export async function getOrganisations(): Promise<Organisation[]> {
	return (await getDirectory()).organisations;
}
