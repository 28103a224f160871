/**
 * Keeps `npm run dev` running on invalid content. Astro's glob loader stops
 * the dev server at start-up on the first invalid file and, once running,
 * logs each failed reload in English while the page keeps its last version.
 * The content-check integration reports the same problems in French, in the
 * terminal and in the browser, so in the preview:
 * - at start-up, an invalid file is loaded as it is: its page is not shown,
 *   the integration serves the list of errors instead;
 * - afterwards, a failed reload keeps the last good version without a word.
 * A build checks the content before Astro starts: nothing changes there.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** Loader warnings with nothing to act on: a collection with no entry yet is valid content. */
const NOTHING_TO_DO = /^(The base directory ".*" does not exist\.|No files found matching )/;
/** Loader errors the content-check integration reports itself, in French. */
const REPORTED_IN_FRENCH = /^Failed to reload /;

/** What Astro passes a loader beyond its public context: the Markdown and MDX readers. */
interface EntryType {
	getEntryInfo(options: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown>; body: string }>;
}

/** `loader` with quiet logs, and, when `preview`, tolerant of invalid entries as described above. */
export function previewLoader(loader: Loader, preview: boolean): Loader {
	return {
		...loader,
		load: async (context) => {
			const logger: LoaderContext['logger'] = Object.create(context.logger);
			logger.warn = (message) => (NOTHING_TO_DO.test(message) ? context.logger.debug(message) : context.logger.warn(message));
			logger.error = (message) =>
				preview && REPORTED_IN_FRENCH.test(message) ? context.logger.debug(message) : context.logger.error(message);
			if (!preview) return loader.load({ ...context, logger });

			let starting = true;
			const tolerate = async <T>(read: () => Promise<T>, fallback: T): Promise<T> => {
				try {
					return await read();
				} catch (error) {
					if (!starting) throw error;
					return fallback;
				}
			};
			const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
			try {
				await loader.load({
					...context,
					logger,
					parseData: (props) => tolerate(() => context.parseData(props), props.data),
					...(entryTypes && {
						entryTypes: new Map(
							[...entryTypes].map(([extension, type]) => [
								extension,
								{
									...type,
									getEntryInfo: (options) => tolerate(() => type.getEntryInfo(options), { data: {}, body: '' }),
								} satisfies EntryType,
							]),
						),
					}),
				} as LoaderContext);
			} finally {
				starting = false;
			}
		},
	};
}
