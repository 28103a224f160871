/**
 * `npm run import -- wordpress <export.xml> [--uploads <wp-content/uploads>]
 *   [--collection-map "Rencontres=rencontres"] [--force]`
 *
 * Reads the arguments, imports into the site's content folder (from the
 * settings) with `src/import/wordpress/`, prints the French report, then runs
 * the content check on what was written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { importWordPress, type ImportOptions } from '../src/import/wordpress/import';
import { formatReport } from '../src/import/wordpress/report';
import { WxrError } from '../src/import/wordpress/wxr';
import { settings } from '../src/settings/settings';
import { checkSiteContent, problemLines } from './check';

const USAGE = `Importer un export WordPress (Outils → Exporter) :
  npm run import -- wordpress export.xml --uploads chemin/vers/wp-content/uploads
Options :
  --uploads <dossier>          le dossier wp-content/uploads copié depuis le serveur (images, PDF…)
  --collection-map "Rencontres=rencontres,Témoignages=temoignages"
                               catégories WordPress → collections (par défaut : communiques)
  --force                      remplacer aussi les fichiers modifiés depuis le dernier import`;

/** `parseArgs`'s English errors, in French: the option it names and what is wrong with it. */
function frenchArgumentError(error: Error & { code?: string }): Error {
	const option = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
	if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new Error(`option inconnue : ${option}.`);
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new Error(`il manque la valeur après ${option}.`);
	return error;
}

/** The import's options from the command line; the content folder is the site's (`RELAIS_CONTENT_DIR` in the settings). */
export function parseArguments(argv: string[], contentDir = fileURLToPath(settings.contentDir)): ImportOptions & { help?: boolean } {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				uploads: { type: 'string' },
				'collection-map': { type: 'string' },
				force: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
	} catch (error) {
		throw frenchArgumentError(error as Error);
	}
	const { values, positionals } = parsed;
	if (values.help) return { exportFile: '', contentDir: '', help: true };
	const [source, exportFile] = positionals;
	if (source !== 'wordpress' || !exportFile) throw new Error(`indiquez la source et le fichier : npm run import -- wordpress export.xml`);
	return {
		exportFile,
		contentDir,
		force: values.force,
		...(values.uploads && { uploadsDir: path.resolve(values.uploads) }),
		...(values['collection-map'] && { collectionMap: values['collection-map'] }),
	};
}

async function main(argv: string[]): Promise<number> {
	let options: ReturnType<typeof parseArguments>;
	try {
		options = parseArguments(argv);
	} catch (error) {
		console.error(`Erreur : ${(error as Error).message}\n\n${USAGE}`);
		return 1;
	}
	if (options.help) {
		console.log(USAGE);
		return 0;
	}
	if (!existsSync(options.exportFile)) {
		console.error(`Erreur : le fichier ${options.exportFile} n’existe pas.`);
		return 1;
	}
	try {
		console.log(formatReport(await importWordPress(options)));
	} catch (error) {
		if (error instanceof WxrError || /correspondance invalide/.test((error as Error).message)) {
			console.error(`Erreur : ${(error as Error).message}`);
			return 1;
		}
		throw error;
	}
	// The content check, as `npm run check` runs it, on what was written.
	const { errors, warnings } = problemLines(checkSiteContent());
	console.log('\nVérification du contenu :');
	for (const line of [...errors, ...warnings]) console.log(`  ${line}`);
	console.log(errors.length === 0 ? `  Contenu valide (${warnings.length} avertissement(s)).` : `  ${errors.length} erreur(s) à corriger.`);
	return errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
