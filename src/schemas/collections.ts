/**
 * The registry of the content collections (`../shared/CONTENT-MODEL.md`): for each,
 * its schema, French labels, the template of `npm run new` and what the web editor
 * shows. Everything that knows the collections reads them here (Astro's
 * collections, the content check, the editor config, feeds, cards, search,
 * `npm run new`, the tests), so a new collection or field is one edit here (and its
 * schema). Pure data: no Astro import.
 */
import { coverageSchema, meetingReportSchema, pressReleaseSchema, testimonialSchema, type SchemaHelpers } from './entries';
import type { z } from 'astro/zod';

/** French words for a collection, for interface strings and messages. */
export interface CollectionLabels {
	/** Heading of its list, navigation, feeds. Example: `"Communiqués de presse"`. */
	plural: string;
	/** Type of one entry (lists, search filter, cards). Example: `"Communiqué de presse"`. */
	singular: string;
	/** One entry as a common noun in a sentence. Example: `"communiqué"`. */
	noun: string;
	/** Grammatical gender of `noun`, for « aucun / aucune », « le / la ». */
	gender: 'm' | 'f';
	/** One sentence under the list's heading, also the feed's description. */
	intro: string;
}

/** What the web editor (Decap CMS, `src/lib/decap.ts`) shows of a collection. */
export interface CollectionEditor {
	/** Under the collection's name in the editor's menu. */
	description: string;
	/** The field that names an entry in the editor (`title`, or `name` for a testimonial). */
	identifierField: string;
	/** How an entry is listed. Example: `"{{title}} ({{date | date('DD/MM/YYYY')}})"`. */
	summary: string;
	/** Fields the editor sorts by, besides `date`. Default: the identifier field. */
	sortableFields?: string[];
	/** Whether the body (Markdown) must be written. Default: false. */
	bodyRequired?: boolean;
}

/** One collection: folder `content/<name>/`, a page per entry at `/<name>/<id>/`. */
export interface CollectionSpec {
	/** Builds the zod schema with Astro's helpers (or stand-ins outside Astro). */
	schema: (helpers: SchemaHelpers) => z.ZodObject;
	labels: CollectionLabels;
	/** `templates/<template>.md`, used by `npm run new -- <template> "Titre"`. */
	template: string;
	/** Fields holding the id of an entry of another collection: a missing id fails the check. */
	references?: Readonly<Record<string, string>>;
	editor: CollectionEditor;
}

const dated = (field: string) => `{{${field}}} ({{date | date('DD/MM/YYYY')}})`;

/** The collections, in the order the site lists them. */
export const COLLECTION_REGISTRY = {
	communiques: {
		schema: pressReleaseSchema,
		labels: {
			plural: 'Communiqués de presse',
			singular: 'Communiqué de presse',
			noun: 'communiqué',
			gender: 'm',
			intro: 'Les communiqués du service de presse, du plus récent au plus ancien.',
		},
		template: 'communique',
		editor: { description: 'Les communiqués du service de presse.', identifierField: 'title', summary: dated('title') },
	},
	rencontres: {
		schema: meetingReportSchema,
		labels: {
			plural: 'Rencontres',
			singular: 'Rencontre',
			noun: 'rencontre',
			gender: 'f',
			intro: 'Les comptes rendus des rencontres et événements des réseaux d’entreprises.',
		},
		template: 'rencontre',
		editor: { description: 'Comptes rendus de rencontres et d’événements.', identifierField: 'title', summary: dated('title') },
	},
	temoignages: {
		schema: testimonialSchema,
		labels: {
			plural: 'Témoignages',
			singular: 'Témoignage',
			noun: 'témoignage',
			gender: 'm',
			intro: 'La parole des dirigeantes et dirigeants d’entreprise.',
		},
		template: 'temoignage',
		references: { rencontre: 'rencontres' },
		editor: {
			description: 'La parole des dirigeantes et dirigeants d’entreprise.',
			identifierField: 'name',
			summary: dated('name'),
			bodyRequired: true,
		},
	},
	retombees: {
		schema: coverageSchema,
		labels: {
			plural: 'Ils parlent de nous',
			singular: 'Retombée presse',
			noun: 'retombée',
			gender: 'f',
			intro: 'Les articles et émissions consacrés à nos communiqués et à nos rencontres, du plus récent au plus ancien.',
		},
		template: 'retombee',
		references: { communique: 'communiques' },
		editor: {
			description: 'Les articles, reportages et émissions qui parlent de nous (retombées presse).',
			identifierField: 'title',
			summary: "{{title}} – {{media}} ({{date | date('DD/MM/YYYY')}})",
			sortableFields: ['title', 'media'],
		},
	},
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTION_REGISTRY;

/** The collection names, in the order the site lists them. */
export const COLLECTIONS = Object.keys(COLLECTION_REGISTRY) as CollectionName[];

/** Whether `name` is a collection of the site. */
export const isCollectionName = (name: string): name is CollectionName => Object.hasOwn(COLLECTION_REGISTRY, name);

/** The French labels of a collection. */
export const collectionLabels = (name: CollectionName): CollectionLabels => COLLECTION_REGISTRY[name].labels;

/** The description of a collection (its schema, labels, editor metadata…). */
export const collectionSpec = (name: CollectionName): CollectionSpec => COLLECTION_REGISTRY[name];

/**
 * French label of every field in the web editor, by path (`event.start`,
 * `contacts.email`); a path absent here falls back to its last segment
 * (`name` → « Nom »). tests/unit/decap.test.ts requires a label for every field.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
	date: 'Date de publication',
	updated: 'Mis à jour le',
	tags: 'Thèmes',
	draft: 'Brouillon',
	image: 'Image de couverture',
	'image.src': 'Fichier image',
	'image.alt': 'Texte alternatif',
	title: 'Titre',
	description: 'Chapô',
	reference: 'Référence',
	event: 'Événement',
	'event.start': 'Début',
	'event.end': 'Fin',
	'event.place': 'Lieu',
	'event.city': 'Ville',
	'event.address': 'Adresse',
	contacts: 'Contacts presse',
	'contacts.name': 'Nom',
	'contacts.role': 'Fonction',
	'contacts.email': 'Adresse e-mail',
	'contacts.phone': 'Téléphone',
	attachments: 'Fichiers (dossier de presse)',
	'attachments.file': 'Fichier',
	'attachments.title': 'Titre du fichier',
	organizers: 'Organisateurs',
	speakers: 'Intervenants',
	'speakers.name': 'Nom',
	'speakers.role': 'Fonction',
	'speakers.organisation': 'Organisation',
	figures: 'Chiffres clés',
	'figures.value': 'Nombre',
	'figures.label': 'Ce qu’il compte',
	name: 'Nom',
	role: 'Fonction',
	organisation: 'Organisation',
	rencontre: 'Rencontre liée',
	media: 'Média',
	url: 'Adresse de l’article',
	communique: 'Communiqué lié',
	body: 'Texte',
	// Per collection, where the same path means something else.
	'temoignages.title': 'Titre (facultatif)',
	'temoignages.description': 'Résumé (facultatif)',
	'temoignages.body': 'Témoignage',
	'retombees.title': 'Titre de l’article ou de l’émission',
	'retombees.body': 'Résumé (facultatif)',
};

/** « Ajouter un … » of the lists of objects in the web editor. */
export const FIELD_ITEM_LABELS: Readonly<Record<string, string>> = {
	contacts: 'contact',
	attachments: 'fichier',
	speakers: 'intervenant',
	figures: 'chiffre clé',
};

/** French hints shown under the fields in the web editor, by path, or `collection.path` for one collection. */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
	date: 'Date et heure de publication, heure de Paris. Une date future programme la publication : l’entrée paraîtra à la première construction du site après cette date.',
	updated: 'Date de la dernière mise à jour, affichée sur la page. Laisser vide sinon.',
	tags: 'Un thème par ligne ou séparés par des virgules (exemple : industrie, RSE). Chaque thème a sa page et son flux.',
	draft: 'Un brouillon n’est jamais publié sur le site.',
	image: 'Facultative. Si vous ajoutez une image, le texte alternatif est obligatoire.',
	'image.src': 'L’image est enregistrée à côté de l’entrée.',
	'image.alt': 'Décrivez ce que montre l’image, pour les personnes qui ne la voient pas.',
	description: 'Une ou deux phrases : affiché dans les listes, les flux, les moteurs de recherche et les partages.',
	reference: 'La référence du service de presse, par exemple « 71.20 - PRESSE ».',
	event: 'Quand et où a lieu l’événement.',
	'event.start': 'Date, et heure si elle est connue (heure de Paris).',
	'event.end': 'Facultative : date, et heure, de fin.',
	'event.place': 'Par exemple « Pôle Mécanique d’Alès, salle Hospitality ».',
	'contacts.email': 'Affichée comme lien « mailto: ».',
	'contacts.phone': 'Tel qu’il doit s’afficher, par exemple « 04 66 00 00 00 ».',
	attachments: 'Dossier de presse, programme… Les fichiers sont enregistrés à côté de l’entrée ; leur type et leur taille sont affichés.',
	organizers: 'Les réseaux ou organismes organisateurs, un par ligne ou séparés par des virgules.',
	'figures.value': 'Un nombre, par exemple 140.',
	'figures.label': 'Par exemple « entreprises ».',
	'temoignages.name': 'Qui parle : c’est le titre de la page.',
	'temoignages.role': 'Par exemple « Dirigeant ».',
	rencontre: 'La rencontre à laquelle ce témoignage se rattache ; la page du témoignage y renvoie.',
	'temoignages.title': 'Laisser vide : le titre est formé du nom et de l’organisation.',
	'temoignages.description': 'Laisser vide : le résumé est tiré du début du témoignage.',
	body: 'Le texte de l’entrée, en Markdown.',
	'temoignages.body': 'Le témoignage lui-même.',
	'retombees.title': 'Le titre tel que le média l’a publié.',
	media: 'Le journal, la radio, la télévision ou le site, par exemple « Midi Libre ».',
	url: 'Facultative : l’adresse complète de l’article en ligne (https://…). Laisser vide pour un article imprimé.',
	communique: 'Le communiqué dont parle l’article ; sa page liste alors cette retombée.',
	'retombees.body': 'Facultatif : deux ou trois phrases qui résument l’article.',
};
