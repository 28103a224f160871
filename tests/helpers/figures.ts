/**
 * Measures the search on the sample content (`content/`) for docs/search.md:
 * index size and file count, indexing time, bytes a reader's browser fetches
 * for one search; and takes the screenshot docs/recherche.png.
 *
 * Run with `npx tsx tests/helpers/figures.ts` (needs /usr/bin/chromium). Not a
 * test: figures vary by machine, so they are written down, not asserted.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { buildSearchIndex } from '../../src/search/integration';
import { buildSite, listFiles, projectRoot } from './build';
import { launchBrowser } from './browser';
import { serve } from './serve';
import { statusMatching } from './search';

const QUERY = process.argv[2] ?? 'entreprises';
const kib = (bytes: number) => `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Kio`;

const build = buildSite({ fixture: path.join(projectRoot, 'content') });
if (!build.ok) throw new Error(build.output);
const logged = /Index de recherche : (\d+) publication\(s\) indexée\(s\) sur (\d+) page\(s\) lue\(s\), en (\d+) ms/.exec(build.output);

const folder = path.join(build.outDir, 'pagefind');
const files = listFiles(folder).map((file) => ({ file, bytes: statSync(path.join(folder, file)).size }));
const sum = (list: typeof files) => list.reduce((total, file) => total + file.bytes, 0);
const indexFiles = files.filter((file) => /\.pf_(index|fragment|filter|meta)$/.test(file.file) || file.file.endsWith('.json'));
const runtimeFiles = files.filter((file) => !indexFiles.includes(file));

// Indexing alone, repeated on the built site: the median of 5 runs.
const runs: number[] = [];
for (let run = 0; run < 5; run += 1) runs.push((await buildSearchIndex(build.outDir)).milliseconds);
runs.sort((a, b) => a - b);

const server = await serve(build.outDir);
const browser = await launchBrowser();
const { page, responses, problems } = await browser.newPage();
await page.goto(`${server.url}recherche/?q=${encodeURIComponent(QUERY)}`);
const status = await statusMatching(page, /résultat/);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(300);
const pagefindBytes = responses.filter((response) => new URL(response.url).pathname.includes('/pagefind/'));
const total = responses.reduce((all, response) => all + response.bytes, 0);
const searchBytes = pagefindBytes.reduce((all, response) => all + response.bytes, 0);

// A second search in the same page: what typing another word costs.
const before = responses.length;
await page.getByLabel('Mots recherchés').fill('lozère');
await statusMatching(page, /lozère/);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(300);
const secondResponses = responses.slice(before);
const second = secondResponses.reduce((all, response) => all + response.bytes, 0);

await page.goto(`${server.url}recherche/?q=${encodeURIComponent('RSE')}&tri=recent`);
await statusMatching(page, /résultat/);
await page.screenshot({ path: path.join(projectRoot, 'docs/recherche.png'), fullPage: true });
await browser.close();
await server.close();

console.log(`
| mesure | valeur |
| --- | --- |
| publications indexées / pages HTML lues | ${logged?.[1]} / ${logged?.[2]} |
| indexation (pendant le build) | ${logged?.[3]} ms |
| indexation seule, médiane de 5 | ${runs[2]} ms (min ${runs[0]}, max ${runs[4]}) |
| dossier pagefind/ | ${files.length} fichiers, ${sum(files)} octets (${kib(sum(files))}) |
| dont index (pf_index, pf_fragment, pf_filter, pf_meta, json) | ${indexFiles.length} fichiers, ${sum(indexFiles)} octets |
| dont moteur (pagefind.js, worker, wasm) | ${runtimeFiles.length} fichiers, ${sum(runtimeFiles)} octets |
| une recherche « ${QUERY} » (${status}) : fichiers pagefind | ${pagefindBytes.length} réponses, ${searchBytes} octets (${kib(searchBytes)}) |
| la même, page comprise (HTML, CSS, JS) | ${before} réponses, ${total} octets (${kib(total)}) |
| une deuxième recherche dans la page (« lozère ») | ${secondResponses.length} réponse(s), ${second} octets |
`);
for (const file of files) console.log(`${file.bytes}\t${file.file}`);
for (const response of pagefindBytes) console.log(`fetched ${response.bytes}\t${new URL(response.url).pathname}`);
if (problems.length > 0) console.log('problems:', problems);
