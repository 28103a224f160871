/**
 * Values the schema accepts but that are probably mistakes: warnings, which
 * do not stop the build.
 */
import type { ParsedEntry } from './entry-file';
import { bodyLineOf } from './entry-file';
import type { ContentProblem } from './problems';

/** Descriptions longer than this are cut by search engines and social cards. */
const DESCRIPTION_MAX = 200;
/** A date more than this many days ahead is probably a typo. */
const FAR_FUTURE_DAYS = 366;

/** A long description, a date far ahead, an event ending before it starts, images without alternative text. */
export function entryWarnings(entry: ParsedEntry, data: Record<string, unknown>, now: Date): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const warn = (field: string, message: string) =>
		problems.push({ severity: 'warning', file: entry.file, line: entry.lineOf([field]), field, message });

	const description = data.description;
	if (typeof description === 'string' && description.length > DESCRIPTION_MAX) {
		warn(
			'description',
			`${description.length} caractères : au-delà de ${DESCRIPTION_MAX}, le texte est coupé par les moteurs de recherche et les cartes de partage.`,
		);
	}
	const date = data.date as { instant: Date } | undefined;
	if (date && date.instant.getTime() - now.getTime() > FAR_FUTURE_DAYS * 86_400_000) {
		warn('date', `date à plus d’un an dans le futur : l’entrée ne sera pas publiée avant cette date. Faute de frappe ?`);
	}
	const event = data.event as { start: { instant: Date }; end?: { instant: Date; hasTime: boolean } } | undefined;
	if (event?.end && event.end.hasTime && event.end.instant < event.start.instant) {
		problems.push({
			severity: 'warning',
			file: entry.file,
			line: entry.lineOf(['event', 'end']),
			field: 'event.end',
			message: 'la fin de l’événement précède son début : vérifiez les dates.',
		});
	}
	for (const image of entry.body.matchAll(/!\[\s*\]\(/g)) {
		problems.push({
			severity: 'warning',
			file: entry.file,
			line: bodyLineOf(entry, image.index),
			message: 'image sans texte alternatif : décrivez-la entre les crochets, ![Description de l’image](photo.jpg).',
		});
	}
	return problems;
}
