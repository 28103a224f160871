import { z } from 'astro/zod';
import { text } from './fields';

/** A press-kit file kept beside the entry. */
export const attachmentSchema = z.object({
	/** Path relative to the entry file. Required. Example: `"./dossier-de-presse.pdf"`. */
	file: text().refine((file) => !/^([a-z]+:|\/)/i.test(file) && !file.split(/[\\/]/).includes('..'), {
		message: 'le fichier doit être à côté de l’entrée, chemin relatif sans « .. » (exemple : ./dossier.pdf)',
	}),
	/** Title shown in the list of files. Required. Example: `"Dossier de presse"`. */
	title: text(),
});
