/** What `templates/` and `npm run new` leave for the author to replace, and how the check recognises it. */

/** The text `templates/` and `npm run new` leave for the author to replace. */
export const TEMPLATE_PLACEHOLDER = 'À compléter';
/** Sample lines of the templates' bodies, to be replaced too. */
export const TEMPLATE_SAMPLE_LINES = ['## Intertitre', 'Un paragraphe par idée. **Gras** pour les informations importantes.'];
/** What each `{{variable}}` of a template stands for, when a template is copied by hand. */
export const TEMPLATE_VARIABLES: Record<string, string> = {
	title: 'le titre, entre guillemets droits : title: "Titre de l’entrée"',
	name: 'le nom de la personne, entre guillemets droits : name: "Prénom Nom"',
	date: 'la date de publication, par exemple date: 2021-09-20',
	eventStart: 'la date de l’événement, par exemple start: 2021-09-20',
};

/** `{{title}}`, `{{date}}`… left from a template, with their lines (comments aside). */
export function templateVariables(source: string): Array<{ line: number; name: string }> {
	return source
		.split(/\r?\n/)
		.flatMap((text, index) =>
			/^\s*#/.test(text)
				? []
				: [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
						.filter((found) => found[1]! in TEMPLATE_VARIABLES)
						.map((found) => ({ line: index + 1, name: found[1]! })),
		);
}
