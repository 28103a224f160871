import { z } from 'astro/zod';
import { contentDate, optional, text } from './fields';

/** When and where an event takes place. */
export const eventSchema = (timeZone: string) =>
	z.object({
		/** Start: date or date-time in the site's zone. Required. Example: `2020-09-21T12:15`. */
		start: contentDate(timeZone),
		/** End: date or date-time. Default: none. Example: `2020-09-21T14:00`. */
		end: optional(contentDate(timeZone)),
		/** Venue. Required. Example: `"Pôle Mécanique d’Alès, salle Hospitality"`. */
		place: text(),
		/** City. Required. Example: `"Alès"`. */
		city: text(),
		/** Street address. Default: none. Example: `"Route de Montpellier"`. */
		address: optional(text()),
	});

export type EventDetails = z.output<ReturnType<typeof eventSchema>>;
