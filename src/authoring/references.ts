/**
 * What one entry says of others: reference fields (`rencontre:`,
 * `communique:`), internal links of the body, `<Evenement entree="…">` cards,
 * and theme spellings that differ between entries.
 */
import { collectionLabels, collectionSpec, COLLECTIONS, isCollectionName, type CollectionName } from '../content/collections';
import { themeSlug } from '../content/themes';
import { bodyLineOf, type ParsedEntry } from './entry-file';
import { editDistance } from './known-fields';
import type { ContentProblem } from './problems';

/** Every entry found, valid or not: `rencontres/x` → its file and whether it has errors. */
export type FoundEntries = Map<string, { file: string; valid: boolean }>;

const INTERNAL_LINK = new RegExp(String.raw`\]\(\s*<?(?:\.{0,2}\/)*(${COLLECTIONS.join('|')})\/([^/)\s#?>]+)\/?[^)]*\)`, 'g');
const EVENT_CARD = /<Evenement\b[^>]*?\bentree=["']([^"']+)["']/g;

/** Problems between entries: broken references, links and cards, themes spelt two ways. */
export function crossEntryProblems(entries: ParsedEntry[], found: FoundEntries): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const entry of entries) {
		for (const [field, target] of Object.entries(collectionSpec(entry.collection).references ?? {})) {
			const id = entry.data[field];
			if (typeof id === 'string' && id !== '' && isCollectionName(target))
				problems.push(...referenceProblems(entry, field, target, id, found));
		}
		problems.push(...internalLinkProblems(entry, found));
		if (entry.file.toLowerCase().endsWith('.mdx')) problems.push(...eventCardProblems(entry, found));
	}
	problems.push(...themeSpellingProblems(entries, found));
	return problems;
}

/** « la rencontre », « le communiqué », « l’article ». */
function theNoun(collection: CollectionName): string {
	const { noun, gender } = collectionLabels(collection);
	return /^[aeiouyéèêh]/i.test(noun) ? `l’${noun}` : `${gender === 'f' ? 'la' : 'le'} ${noun}`;
}

/** A note for a reference to an entry that exists but has errors of its own: the root cause is there. */
const brokenTarget = (what: string, id: string, file: string) =>
	`${what} « ${id} » existe mais contient des erreurs (${file}, signalées à part) : corrigez d’abord ce fichier.`;

/** A reference field (`rencontre: <id>`) whose entry is missing, or has errors of its own. */
function referenceProblems(entry: ParsedEntry, field: string, target: CollectionName, id: string, found: FoundEntries): ContentProblem[] {
	const line = entry.lineOf([field]);
	const existing = found.get(`${target}/${id}`);
	if (existing) {
		return existing.valid
			? []
			: [{ severity: 'warning', file: entry.file, line, field, message: brokenTarget(theNoun(target), id, existing.file) }];
	}
	const { noun, gender } = collectionLabels(target);
	const ids = [...found.keys()].filter((key) => key.startsWith(`${target}/`)).map((key) => key.slice(target.length + 1));
	const near = ids.find((other) => editDistance(other, id) <= Math.max(2, Math.floor(id.length / 10)));
	const elsewhere = COLLECTIONS.filter((collection) => collection !== target)
		.map((collection) => found.get(`${collection}/${id}`))
		.find(Boolean);
	return [
		{
			severity: 'error',
			file: entry.file,
			line,
			field,
			message: `${gender === 'f' ? 'aucune' : 'aucun'} ${noun} n’a l’identifiant « ${id} »${elsewhere ? ` (c’est ${elsewhere.file})` : ''} : indiquez le nom d’un fichier de content/${target}/ sans son extension.${near ? ` Vouliez-vous dire « ${near} » ?` : ''}`,
			...(near && { fix: `${field}: ${near}` }),
		},
	];
}

/** Links of the body to `/<collection>/<id>/` where no entry has that id. */
function internalLinkProblems(entry: ParsedEntry, found: FoundEntries): ContentProblem[] {
	return [...entry.body.matchAll(INTERNAL_LINK)].flatMap((link): ContentProblem[] => {
		const target = `${link[1]}/${safeDecode(link[2] ?? '')}`;
		if (found.has(target)) return [];
		return [
			{
				severity: 'warning',
				file: entry.file,
				line: bodyLineOf(entry, link.index),
				message: `lien interne vers « ${target} » : aucune entrée ne porte ce nom.`,
			},
		];
	});
}

/** `<Evenement entree="…" />` of an MDX body naming no meeting or release, or one with errors. */
function eventCardProblems(entry: ParsedEntry, found: FoundEntries): ContentProblem[] {
	return [...entry.body.matchAll(EVENT_CARD)].flatMap((card): ContentProblem[] => {
		const id = card[1] ?? '';
		const target = found.get(`rencontres/${id}`) ?? found.get(`communiques/${id}`);
		const line = bodyLineOf(entry, card.index);
		if (!target) {
			return [
				{
					severity: 'error',
					file: entry.file,
					line,
					message: `<Evenement entree="${id}" /> : aucune rencontre ni aucun communiqué ne porte cet identifiant.`,
				},
			];
		}
		return target.valid
			? []
			: [{ severity: 'warning', file: entry.file, line, message: brokenTarget('<Evenement entree=…> : l’entrée', id, target.file) }];
	});
}

/** A theme written two ways (`RSE`, `rse`) by valid entries: one page, two spellings. */
function themeSpellingProblems(entries: ParsedEntry[], found: FoundEntries): ContentProblem[] {
	const spellings = new Map<string, Map<string, string>>();
	for (const entry of entries) {
		if (!found.get(`${entry.collection}/${entry.id}`)?.valid) continue;
		const tags = Array.isArray(entry.data.tags) ? entry.data.tags : typeof entry.data.tags === 'string' ? [entry.data.tags] : [];
		for (const tag of tags.map(String)) {
			const forms = spellings.get(themeSlug(tag)) ?? new Map<string, string>();
			if (!forms.has(tag)) forms.set(tag, entry.file);
			spellings.set(themeSlug(tag), forms);
		}
	}
	const problems: ContentProblem[] = [];
	for (const forms of spellings.values()) {
		if (forms.size < 2) continue;
		const [first, ...others] = [...forms.entries()];
		for (const [spelling, file] of others) {
			problems.push({
				severity: 'warning',
				file,
				field: 'tags',
				message: `le thème « ${spelling} » s’écrit aussi « ${first?.[0]} » (${first?.[1]}) : choisissez une seule orthographe.`,
			});
		}
	}
	return problems;
}

/** `%C3%A9` → `é`; a malformed escape stays as typed rather than throwing. */
function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
