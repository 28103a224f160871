import { z } from 'astro/zod';
import { optional, text, textOrNumber } from './fields';

/** A press contact shown on a press release (and in the site settings). */
export const contactSchema = z.object({
	/** Full name or service name. Required. Example: `"Marie Dupont"`. */
	name: text(),
	/** Role or job title. Default: none. Example: `"Attachée de presse"`. */
	role: optional(text()),
	/** The organisation they work for: shown with them, and their contact card's `ORG`. Default: none (the card names the site's publisher). Example: `"Alès Myriapolis"`. */
	organisation: optional(text()),
	/** E-mail, shown as a `mailto:` link. Default: none. Example: `"presse@ales.example"`. */
	email: optional(z.email({ message: 'adresse e-mail invalide (exemple : presse@exemple.fr)' })),
	/** Phone number as written, shown as a `tel:` link. Default: none. Example: `"04 66 00 00 00"`. */
	phone: optional(textOrNumber()),
});

export type Contact = z.output<typeof contactSchema>;
