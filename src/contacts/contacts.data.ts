/**
 * Press contacts with their vCard (`src/contacts/vcard.ts`): the site's press office
 * (`settings.pressOffice`) at `/presse/contacts/<slug>.vcf`, shared by every page
 * that shows it, and a press release's own contacts at
 * `/communiques/<id>/contacts/<slug>.vcf`. A slug comes from the contact's name
 * (numbered when two contacts of one list share it), so the URL stays while the
 * name does.
 */
import { settings } from '../settings/settings';
import { nameSlug } from '../people/people';
import { frenchTypography } from '../text/typography';
import { contactKind, serializeVCard, telUri } from './vcard';
import type { Contact } from '../content/schemas/contact';
import type { NewsItem } from '../content/entries.data';
import { url } from '../site/site.data';

/** A contact as shown, with its card. */
export interface ContactCard {
	/** Name, role and organisation in French typography; e-mail and phone as written. */
	contact: Contact;
	slug: string;
	/** File name of the card: `<slug>.vcf`. */
	file: string;
	/** Site-relative URL of the card. */
	href: string;
	/** The card's text (vCard 4.0). */
	vcard: string;
}

// The country of national phone numbers (`04 66…` → `+33 4 66…`) is the site's region.
const region = new Intl.Locale(settings.locale).region;
// A contact's card files them under their own organisation, or else the site's publisher.
const publisher = settings.legal.publisher ?? settings.name;

function contactCards(contacts: Contact[], folder: string[]): ContactCard[] {
	const taken = new Map<string, number>();
	return contacts.map((written) => {
		const base = nameSlug(written.name, 'contact');
		const count = (taken.get(base) ?? 0) + 1;
		taken.set(base, count);
		const slug = count === 1 ? base : `${base}-${count}`;
		const file = `${slug}.vcf`;
		const contact: Contact = {
			...written,
			name: frenchTypography(written.name),
			...(written.role && { role: frenchTypography(written.role) }),
			...(written.organisation && { organisation: frenchTypography(written.organisation) }),
		};
		const vcard = serializeVCard({
			kind: contactKind(written.name),
			name: contact.name,
			role: contact.role,
			organisation: contact.organisation ?? publisher,
			email: contact.email,
			tel: contact.phone && telUri(contact.phone, region),
			url: url.absolute(),
			source: url.absolute(...folder, file),
		});
		return { contact, slug, file, href: url.path(...folder, file), vcard };
	});
}

/** The press office's contacts, as every page shows them. */
export const pressOfficeContacts: ContactCard[] = contactCards(settings.pressOffice.contacts, ['presse', 'contacts']);

/** A press release's own contacts (none for other entries). */
export function entryContacts(item: NewsItem): ContactCard[] {
	const contacts = item.entry.collection === 'communiques' ? item.entry.data.contacts : [];
	return contactCards(contacts, [item.collection, item.id, 'contacts']);
}

/** A vCard response (the links to it carry `download`, so browsers save it under its name). */
export const vcardResponse = (card: ContactCard): Response =>
	new Response(card.vcard, { headers: { 'Content-Type': 'text/vcard; charset=utf-8' } });
