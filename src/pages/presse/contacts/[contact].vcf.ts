/** The press office's contact cards (vCard 4.0), linked wherever the press office is shown. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pressOfficeContacts, vcardResponse, type ContactCard } from '../../../contacts/contacts.data';

export const getStaticPaths = (() =>
	pressOfficeContacts.map((card) => ({ params: { contact: card.slug }, props: { card } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: ContactCard }> = ({ props }) => vcardResponse(props.card);
