/**
 * Which files the content check reads: the entry files of each collection
 * folder, and the entry files no collection reads (a misspelt folder, a file
 * at the top of `content/`), reported rather than silently left out.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, isCollectionName } from '../content/collections';
import { editDistance } from './known-fields';
import type { ContentProblem } from './problems';

/** The Markdown and MDX files of a collection folder, in path order; `_`-prefixed files and folders are left out. */
export function listEntryFiles(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return (
		readdirSync(folder, { recursive: true, encoding: 'utf8' })
			.filter((relative) => /\.(md|mdx)$/i.test(relative) && !relative.split(/[\\/]/).some((part) => part.startsWith('_')))
			.map((relative) => path.join(folder, relative))
			// A broken link is kept, to be reported as unreadable rather than skipped.
			.filter((absolute) => statSync(absolute, { throwIfNoEntry: false })?.isFile() ?? true)
			.sort()
	);
}

/**
 * Entry files where no collection reads them: a misspelt folder (`communique/`),
 * a folder of another version of the contract, a file at the top of `content/`.
 */
export function strayFiles(
	contentDir: string,
	relative: (absolute: string) => string,
	level: ContentProblem['severity'],
): ContentProblem[] {
	if (!existsSync(contentDir)) return [];
	const problems: ContentProblem[] = [];
	for (const name of readdirSync(contentDir).sort()) {
		const absolute = path.join(contentDir, name);
		if (name.startsWith('.') || name.startsWith('_') || isCollectionName(name)) continue;
		if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) {
			if (/\.(md|mdx)$/i.test(name)) {
				problems.push({
					severity: level,
					file: relative(absolute),
					message: `fichier hors des dossiers de contenu : placez-le dans ${COLLECTIONS.map((collection) => `content/${collection}/`).join(', ')} ; ici, il n’est pas publié.`,
				});
			}
			continue;
		}
		const files = listEntryFiles(absolute);
		if (files.length === 0) continue;
		const meant = COLLECTIONS.find((collection) => editDistance(name.toLowerCase(), collection) <= 2);
		problems.push({
			severity: level,
			file: `${relative(absolute)}/`,
			message: `dossier inconnu${meant ? `, vouliez-vous dire « ${meant} » ?` : ' :'} Ce site ne lit que ${COLLECTIONS.join(', ')} : les ${files.length} fichier(s) de ce dossier ne sont pas publiés.`,
		});
	}
	return problems;
}

/** The French message for a file that could not be read at all (no system message: it would be English). */
export function unreadable(error: unknown): string {
	if (error instanceof ReferenceError && /alias count/i.test(error.message)) {
		return 'l’en-tête utilise trop de renvois « &nom » / « *nom » (le site refuse de les développer) : écrivez chaque valeur en entier.';
	}
	return 'fichier illisible : vérifiez qu’il s’ouvre dans votre éditeur de texte et qu’il s’agit bien d’un texte Markdown.';
}
