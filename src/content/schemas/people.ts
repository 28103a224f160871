import { z } from 'astro/zod';
import { optional, text } from './fields';

/** A speaker (intervenant) of a meeting. */
export const speakerSchema = z.object({
	/** Full name. Required. Example: `"Annick Le Lan"`. */
	name: text(),
	/** Role. Default: none. Example: `"directrice"`. */
	role: optional(text()),
	/** Organisation. Default: none. Example: `"Alès Myriapolis"`. */
	organisation: optional(text()),
});

/** A key figure of a meeting. */
export const figureSchema = z.object({
	/** The number. Required. Example: `140`. */
	value: z.number({ error: (issue) => (issue.input === undefined ? undefined : 'un nombre est attendu (exemple : 140)') }),
	/** What it counts. Required. Example: `"entreprises"`. */
	label: text(),
});

export type Speaker = z.output<typeof speakerSchema>;
export type Figure = z.output<typeof figureSchema>;
