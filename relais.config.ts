/**
 * Site settings of this newsroom. Edit freely: the values are validated at
 * start-up by `src/settings/schema.ts`, and a mistake stops the build with a
 * message naming the setting.
 */
import { defineSettings } from './src/settings/resolve';

export default defineSettings({
	name: 'Relais',
	tagline: 'Salle de presse des réseaux d’entreprises du bassin alésien et de la Lozère',
	description:
		'Communiqués de presse, comptes rendus de rencontres et témoignages de dirigeants : l’actualité économique et industrielle du territoire.',
	locale: 'fr-FR',
	timeZone: 'Europe/Paris',
	pressOffice: {
		name: 'Service de presse',
		boilerplate: 'Relais publie l’actualité des réseaux d’entreprises, des territoires d’industrie et des collectivités partenaires.',
		contacts: [{ name: 'Service de presse', email: 'presse@relais.example', phone: '+33 4 66 00 00 00' }],
	},
	photos: {
		licence: { name: 'Utilisation libre pour illustrer un article sur le sujet, avec mention du crédit « Photo : … »' },
	},
	footerLinks: [
		{ label: 'Flux RSS', href: 'rss.xml' },
		{ label: 'Plan du site', href: 'sitemap-index.xml' },
	],
	accessibility: 'partiellement conforme',
	accessibilityStatement: { date: '2026-11-25', auditor: 'auto-évaluation' },
	legal: {
		publisher: 'Relais (exemple de salle de presse)',
		address: 'Pôle Mécanique Alès-Cévennes, 30100 Alès',
		director: 'Le directeur ou la directrice de la publication',
		host: 'Hébergeur à compléter (nom, adresse, téléphone)',
	},
});
