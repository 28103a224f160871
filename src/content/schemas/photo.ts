import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { optional, text } from './fields';

/** The formats a press photo may have: what every browser shows and every newsroom tool opens. */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'] as const;

/** `./salle.JPG` → `jpg`; `undefined` without an extension. */
export const extensionOf = (file: string) => /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();

/**
 * A required line of text whose message, when it is missing or empty, says what
 * to write (`what`, with an example): the fix, not just the fault.
 */
const explained = (what: string) =>
	z
		.string({ error: (issue) => (issue.input === undefined || issue.input === null ? `champ obligatoire manquant : ${what}` : undefined) })
		.trim()
		.min(1, { error: `ne doit pas être vide : ${what}` });

/**
 * The photo file: relative to the entry, JPEG, PNG or WebP, then resolved by
 * Astro's `image()` (size, format, responsive versions). Tagged as an image for
 * the web editor, since the tag of `image()` is lost behind the format check.
 */
const photoFile = (image: () => z.ZodType<ImageMetadata>) =>
	explained('indiquez le fichier de la photo, placé à côté de l’entrée, par exemple file: ./salle-comble.jpg')
		.refine((file) => !/^([a-z][a-z0-9+.-]*:|\/)/i.test(file), {
			error:
				'la photo doit être un fichier placé à côté de l’entrée, désigné par un chemin relatif (exemple : ./salle-comble.jpg), pas une adresse web ni un chemin absolu.',
		})
		.refine((file) => (PHOTO_EXTENSIONS as readonly string[]).includes(extensionOf(file) ?? ''), {
			error: (issue) =>
				`format non pris en charge (« ${String(issue.input)} ») : une photo est un fichier JPEG (.jpg), PNG (.png) ou WebP (.webp) ; enregistrez-la dans l’un de ces formats et indiquez le nouveau nom.`,
		})
		// Astro types `image()` as taking anything; it takes the path, a string.
		.pipe(image() as z.ZodType<ImageMetadata, string>)
		.meta({ widget: 'image' });

/** A press photo kept beside the entry (content contract, « Photos »). */
export const photoSchema = (image: () => z.ZodType<ImageMetadata>) =>
	z.object({
		/** Image file beside the entry: JPEG, PNG or WebP. Required. Example: `./salle-comble.jpg`. */
		file: photoFile(image),
		/** Text alternative: what the photo shows. Required. Example: `"Salle comble au Pôle Mécanique"`. */
		alt: explained('décrivez ce que montre la photo pour qui ne la voit pas, par exemple alt: "Salle comble au Pôle Mécanique"'),
		/**
		 * Author or rights holder, shown with the photo (the author must be named: Code de la
		 * propriété intellectuelle, L.121-1). Required. Example: `"Alès Agglomération / J. Martin"`.
		 */
		credit: explained(
			'indiquez l’auteur de la photo ou l’ayant droit, que la loi impose de nommer, par exemple credit: "Alès Agglomération / J. Martin"',
		),
		/** Caption (légende). Default: none. Example: `"Ouverture de la rencontre par le président"`. */
		caption: optional(text()),
		/** Terms of use; the site's default licence (`photos.licence` in `relais.config.ts`) applies when absent. Default: none. Example: `"CC BY 4.0"`. */
		licence: optional(text()),
	});

export type Photo = z.output<ReturnType<typeof photoSchema>>;
