/** A press release's own contact cards (vCard 4.0), beside its page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryContacts, vcardResponse, type ContactCard } from '../../../../contacts/contacts.data';
import { getPublished } from '../../../../content/entries.data';
import { pageKey } from '../../../../site/page-keys.data';

export const getStaticPaths = (async () =>
	(await getPublished('communiques')).flatMap((item) =>
		entryContacts(item).map((card) => ({
			params: { collection: item.collection, id: item.id, contact: card.slug },
			props: { card },
			// The card is drawn from the entry's contacts and the settings (publisher, region).
			cacheKey: pageKey([item], card.slug),
		})),
	)) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: ContactCard }> = ({ props }) => vcardResponse(props.card);
