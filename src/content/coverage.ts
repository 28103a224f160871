/** What lists, feeds, cards and meta tags say of a press coverage item (`retombees`), which has no standfirst of its own. */
import { markdownToPlainText, truncate } from '../text/html';
import { t } from '../text/i18n';

/** The item's summary (its body), or « Retombée presse dans Midi Libre. » when it has none. */
export function coverageDescription(data: { media: string }, body: string): string {
	const summary = markdownToPlainText(body);
	return summary ? truncate(summary, 160) : t('coverage.description', { media: data.media });
}

/** « de Midi Libre », « d’Objectif Gard », « du Monde », « des Échos »: a media name after « de ». */
export function ofMedia(media: string): string {
	const article = /^(le|les)\s+(.+)$/i.exec(media);
	if (article) return `${article[1]?.toLowerCase() === 'le' ? 'du' : 'des'} ${article[2]}`;
	return /^[aeiouyàâéèêëîïôöûü]/i.test(media) ? `d’${media}` : `de ${media}`;
}
