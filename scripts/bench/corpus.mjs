/**
 * Synthetic press releases for `scripts/bench.mjs`, written to the content
 * contract (`docs/content-model.md`) and deterministic: entry i is the same
 * file whatever the number of entries, so a 1000-entry corpus is the first
 * 1000 files of the 10 000-entry one.
 *
 * Shape of the corpus (the scale issue measured with such bodies): ~550 words
 * of body, 1 to 4 themes out of 37 (a few themes are much more frequent than
 * the others, as on a real newsroom), ~40 % with an event, dates over 10 years
 * (2015–2024), ~15 % with several paragraphs and a subheading, the others one
 * long paragraph.
 */

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const themes = [
	'industrie',
	'emploi',
	'RSE',
	'territoire',
	'formation',
	// Spelt as in `content/`, where they already are: two spellings of a theme get a warning.
	"réseaux d'entreprises",
	'Lozère',
	'plan de relance',
	"Territoires d'industrie",
	'transition écologique',
	'innovation',
	'apprentissage',
	'mécanique',
	'numérique',
	'export',
	'recrutement',
	'énergie',
	'mobilité',
	'foncier économique',
	'commerce de proximité',
	'agriculture',
	'tourisme',
	'économie sociale et solidaire',
	'création d’entreprise',
	'transmission d’entreprise',
	'financement',
	'Cévennes',
	'Alès Agglomération',
	'Occitanie',
	'artisanat',
	'santé au travail',
	'égalité professionnelle',
	'handicap',
	'jeunesse',
	'économie circulaire',
	'eau',
	'responsabilité territoriale',
];

const subjects = [
	'Le Territoire d’industrie Alès-Cévennes',
	'Leader Alès',
	'Le MEDEF Lozère',
	'La communauté d’agglomération',
	'Les réseaux d’entreprises',
	'La CCI du Gard',
	'Le Pôle Mécanique',
	'AD’OCC',
	'La Région Occitanie',
	'Le club des dirigeants cévenols',
];
const verbs = ['lance', 'signe', 'présente', 'accueille', 'inaugure', 'soutient', 'annonce', 'réunit', 'dévoile', 'renouvelle'];
const objects = [
	'un programme RSE pour huit dirigeants',
	'son contrat de relance industrielle',
	'« une usine qui se réinvente »',
	'la rencontre annuelle des réseaux',
	'un plan pour 1 200 emplois qualifiés',
	'les lauréats de l’appel à projets',
	'un atelier sur la transition écologique',
	'le bilan de l’année écoulée',
	'une formation aux métiers de l’usinage',
	'un fonds d’amorçage pour les jeunes pousses',
	'la charte des achats responsables',
	'un parcours d’accompagnement à l’export',
];
const places = [
	['Pôle Mécanique Alès-Cévennes', 'Alès'],
	['Hôtel de ville', 'Mende'],
	['Maison de l’entreprise', 'Saint-Martin-de-Valgalgues'],
	['Salle des fêtes', 'Florac'],
	['Espace Cazot', 'Alès'],
	['Halle des sports', 'Marvejols'],
];
const people = [
	'Christophe Meyrueis',
	'Annick Le Lan',
	'Adrien Conty',
	'Cyril Charbonnel',
	'Pierre Bonnefoy',
	'Romain Paulhac',
	'Claire Soulier',
	'Nadia Benali',
];
const roles = ['président', 'directrice', 'coprésident', 'dirigeante', 'chargé de mission', 'vice-présidente'];
const companies = ['7Tech', 'Magne Distribution', 'La Fabrique des Possibles', 'Cévennes Usinage', 'Lozère Bois', 'Atelier Gardon'];
const figures = ['quarante', 'cent vingt', '1 200', 'trois cents', 'quinze', 'deux mille', 'soixante', 'huit'];
const units = ['entreprises', 'emplois', 'apprentis', 'dirigeants', 'projets', 'hectares', 'stagiaires', 'partenaires'];
const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** Sentence patterns of the body: `{x}` is filled from the list of the same name. */
const sentences = [
	'{subject} {verb} {object}, une démarche attendue par les acteurs économiques du bassin.',
	'Selon {person}, {role} de {company}, « il faut fédérer, transmettre et rayonner au-delà de nos frontières ».',
	'Le dispositif concerne près de {figure} {unit} répartis entre la plaine et les vallées cévenoles.',
	'Les partenaires se sont engagés sur un calendrier précis, avec un premier point d’étape en {month}.',
	'Cette initiative s’inscrit dans la continuité des travaux menés depuis plusieurs années sur le thème « {theme} ».',
	'{person} a rappelé que {figure} {unit} avaient déjà bénéficié d’un accompagnement personnalisé.',
	'Les entreprises intéressées peuvent se manifester auprès du service de développement économique, qui les orientera vers le bon interlocuteur.',
	'La rencontre a réuni des dirigeants de PME, des élus, des représentants de l’État et des organismes de formation.',
	'Au-delà des chiffres, c’est une manière de travailler ensemble qui se dessine sur le territoire.',
	'{company} témoigne : l’investissement réalisé a permis de moderniser l’outil de production et de créer {figure} {unit}.',
	'Le financement associe des crédits publics, un apport des collectivités et une participation des entreprises elles-mêmes.',
	'Plusieurs ateliers thématiques sont prévus jusqu’en {month}, ouverts à toutes les structures du département.',
	'Pour {person}, « la question de {theme} ne se règle pas seul : elle demande des alliances durables ».',
	'Les résultats seront présentés lors d’une réunion publique, avant une évaluation par un cabinet indépendant.',
	'Le programme met l’accent sur la transmission des savoir-faire, l’accueil des jeunes et la qualité de vie au travail.',
	'{subject} rappelle que le bassin compte plus de quinze mille entreprises, dont une large part de très petites structures.',
	'Une cellule d’appui répond aux questions des porteurs de projets et les aide à constituer leur dossier dans les délais.',
	'Les premiers retours sont encourageants : {figure} {unit} ont déjà rejoint la démarche depuis son lancement.',
];

const pad = (value, length = 2) => String(value).padStart(length, '0');
const yaml = (text) => JSON.stringify(text);

/** Theme index with a Zipf-like skew: a few themes carry many entries, most carry few. */
function pickTheme(next) {
	return themes[Math.min(themes.length - 1, Math.floor(themes.length * next() ** 1.6))];
}

function sentence(next) {
	const pick = (list) => list[Math.floor(next() * list.length)];
	const fills = {
		subject: subjects,
		verb: verbs,
		object: objects,
		person: people,
		role: roles,
		company: companies,
		figure: figures,
		unit: units,
		month: months,
	};
	return pick(sentences).replace(/\{(\w+)\}/g, (_, name) => (name === 'theme' ? pickTheme(next) : pick(fills[name])));
}

/** One sentence of at most 200 characters: longer standfirsts get a warning from the content check. */
function standfirst(next) {
	let text;
	do text = sentence(next);
	while (text.length > 200);
	return text;
}

const wordCount = (text) => text.split(/\s+/).filter(Boolean).length;

/** A body of about `words` words: one paragraph, or several under a subheading. */
function body(next, words) {
	const paragraphs = next() < 0.15 ? 3 + Math.floor(next() * 4) : 1;
	const perParagraph = Math.ceil(words / paragraphs);
	const blocks = [];
	for (let p = 0; p < paragraphs; p += 1) {
		const parts = [];
		let count = 0;
		while (count < perParagraph) {
			const text = sentence(next);
			parts.push(text);
			count += wordCount(text);
		}
		if (paragraphs > 1 && p === Math.floor(paragraphs / 2))
			blocks.push(
				`## ${sentence(next)
					.replace(/[.,:;!?«»].*$/, '')
					.trim()}`,
			);
		blocks.push(parts.join(' '));
	}
	return blocks.join('\n\n');
}

/**
 * The i-th synthetic press release (i from 1): file name, date and Markdown.
 * @param {number} i
 */
export function release(i) {
	const next = random(20200917 ^ Math.imul(i, 0x9e3779b1));
	const pick = (list) => list[Math.floor(next() * list.length)];
	const year = 2015 + Math.floor(next() * 10);
	const month = 1 + Math.floor(next() * 12);
	const day = 1 + Math.floor(next() * 28);
	const date = `${year}-${pad(month)}-${pad(day)}`;
	const title = `${pick(subjects)} ${pick(verbs)} ${pick(objects)}${next() < 0.3 ? ` : ${pick(objects)}` : ''}`;
	const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => pickTheme(next)))];
	const lines = [
		'---',
		`title: ${yaml(title)}`,
		`description: ${yaml(standfirst(next))}`,
		`date: ${date}`,
		`tags: [${tags.map(yaml).join(', ')}]`,
	];
	if (next() < 0.3) lines.push(`reference: ${yaml(`${pad(i % 100)}.${pad(year % 100)} - PRESSE`)}`);
	if (next() < 0.4) {
		const [place, city] = pick(places);
		const hour = 9 + Math.floor(next() * 9);
		lines.push('event:', `  start: ${date}T${pad(hour)}:00`, `  end: ${date}T${pad(hour + 2)}:00`);
		lines.push(`  place: ${yaml(place)}`, `  city: ${yaml(city)}`);
	}
	if (next() < 0.5) {
		lines.push('contacts:', `  - name: ${yaml(pick(people))}`, `    role: "Attachée de presse"`, `    email: presse@relais.example`);
	}
	lines.push('---', '', body(next, 485 + Math.floor(next() * 100)), '');
	return { name: `${date}-bench-${pad(i, 5)}.md`, date, text: lines.join('\n') };
}

/** Appends one paragraph to a release's body (the "one body edit" of the bench). */
export function withBodyEdit(text) {
	return `${text.trimEnd()}\n\nMise à jour : les inscriptions sont prolongées de deux semaines, à la demande des entreprises du bassin.\n`;
}

/** Changes a release's title (the "one title edit" of the bench). */
export function withTitleEdit(text) {
	return text.replace(/^title: "(.*)"$/m, 'title: "$1 (mis à jour)"');
}
