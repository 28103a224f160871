/**
 * WebSub end to end: a project whose `relais.config.ts` names a hub (a local
 * `node:http` server that records what it is sent) builds the `journalists`
 * fixture under `BASE_PATH=/presse`; every feed announces the hub; then
 * `scripts/websub-notify.mjs`, run as the deploy workflow runs it (`--site`, `--manifest`), notifies the
 * hub of every feed the first time, of none when nothing changed, and only of
 * the feeds whose file changed after an entry is edited and the site rebuilt.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseJsonFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureContent, listFiles, readOutput, snapshotProject, type BuildResult } from '../helpers/build';

const ORIGIN = 'https://presse.example.org';
const BUILD_TIME = '2026-03-01T12:00:00Z';

interface HubRequest {
	method: string;
	contentType: string;
	body: URLSearchParams;
}

let hub: Server;
let hubUrl: string;
const received: HubRequest[] = [];
/** Topics the hub refuses (HTTP 503), to see failures retried. */
const refused = new Set<string>();

let work: string;
let root: string;
let content: string;
let manifest: string;
let first: BuildResult;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const feedFiles = (dir: string) => listFiles(dir).filter((file) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(file));
/** The absolute URL a feed file is published at. */
const published = (file: string) => `${ORIGIN}/presse/${file}`;

function build(outDir: string): BuildResult {
	const result = buildSite({ root, fixture: content, outDir, env: { BASE_PATH: '/presse', RELAIS_BUILD_TIME: BUILD_TIME } });
	if (!result.ok) throw new Error(result.output);
	return result;
}

/** Runs the notification script as the workflow does; resolves to its exit code and output. */
function notify(
	siteDir: string,
	args = ['--site', siteDir, '--manifest', manifest],
): Promise<{ code: number; output: string; topics: string[] }> {
	const before = received.length;
	return new Promise((resolve) => {
		execFile(process.execPath, ['scripts/websub-notify.mjs', ...args], { cwd: root }, (error, stdout, stderr) => {
			const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
			const topics = received.slice(before).map((request) => request.body.get('hub.url') ?? '');
			resolve({ code, output: `${stdout}${stderr}`, topics: topics.sort() });
		});
	});
}

beforeAll(async () => {
	hub = createServer((request, response) => {
		let body = '';
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => (body += chunk));
		request.on('end', () => {
			const params = new URLSearchParams(body);
			received.push({ method: request.method ?? '', contentType: request.headers['content-type'] ?? '', body: params });
			response.statusCode = refused.has(params.get('hub.url') ?? '') ? 503 : 204;
			response.end();
		});
	});
	await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
	hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/hub?source=relais&x=1`;

	work = mkdtempSync(path.join(tmpdir(), 'relais-websub-'));
	manifest = path.join(work, 'cache', 'relais-feeds.json');
	root = snapshotProject();
	const config = path.join(root, 'relais.config.ts');
	const settings = readFileSync(config, 'utf8');
	writeFileSync(config, settings.replace("locale: 'fr-FR',", `locale: 'fr-FR',\n\twebsub: { hubs: [${JSON.stringify(hubUrl)}] },`));
	content = path.join(work, 'content');
	cpSync(fixtureContent('journalists'), content, { recursive: true });
	first = build(path.join(work, 'first'));
});

afterAll(async () => {
	await new Promise((resolve) => hub?.close(resolve));
});

describe('feeds announce the hub', () => {
	it('in every format, beside their own address under the base path', () => {
		const files = feedFiles(first.outDir);
		expect(files.length).toBeGreaterThan(30);
		for (const file of files) {
			const text = readOutput(first.outDir, file);
			if (file.endsWith('feed.json')) {
				const json = parseJsonFeed(text);
				expect(json.hubs, file).toEqual([{ type: 'WebSub', url: hubUrl }]);
				expect(json.feed_url, file).toBe(published(file));
				continue;
			}
			const parsed = xml.parse(text);
			const links = file.endsWith('rss.xml') ? asArray(parsed.rss.channel['atom:link']) : asArray(parsed.feed.link);
			const rel = (name: string) => links.filter((link: Record<string, string>) => link['@rel'] === name).map((link) => link['@href']);
			expect(rel('hub'), file).toEqual([hubUrl]);
			expect(rel('self'), file).toEqual([published(file)]);
		}
	});
});

describe('scripts/websub-notify.mjs', () => {
	it('notifies the hub of every feed the first time, one form-encoded POST each', async () => {
		const { code, topics, output } = await notify(first.outDir);
		expect(code, output).toBe(0);
		expect(topics).toEqual(feedFiles(first.outDir).map(published).sort());
		for (const request of received) {
			expect(request.method).toBe('POST');
			expect(request.contentType).toBe('application/x-www-form-urlencoded');
			expect(request.body.get('hub.mode')).toBe('publish');
		}
		expect(JSON.parse(readFileSync(manifest, 'utf8')).feeds[`${ORIGIN}/presse/rss.xml`]).toMatch(/^[0-9a-f]{64}$/);
	});

	it('stops on an argument it does not know, notifying nothing', async () => {
		const { code, topics, output } = await notify(first.outDir, ['--out', first.outDir]);
		expect(code).toBe(2);
		expect(topics).toEqual([]);
		expect(output).toContain('Usage : node scripts/websub-notify.mjs [--site dist] [--manifest node_modules/.cache/relais-feeds.json]');
	});

	it('notifies nothing when the site is rebuilt unchanged', async () => {
		const again = build(path.join(work, 'again'));
		const { code, topics } = await notify(again.outDir);
		expect(code).toBe(0);
		expect(topics).toEqual([]);
	});

	it('notifies exactly the feeds whose file changed after an entry is edited', async () => {
		const entry = path.join(content, 'rencontres/2025-10-07-rencontre-automne.md');
		writeFileSync(entry, readFileSync(entry, 'utf8').replace('Compte rendu de la rencontre d', 'Compte rendu détaillé de la rencontre d'));
		const edited = build(path.join(work, 'edited'));
		const changed = feedFiles(edited.outDir).filter((file) => readOutput(edited.outDir, file) !== readOutput(first.outDir, file));
		// The site, its collection, and the people and organisations it names; not the press releases.
		expect(changed).toEqual(expect.arrayContaining(['rss.xml', 'rencontres/feed.json', 'personnes/anick-le-lan/atom.xml']));
		expect(changed).not.toContain('communiques/rss.xml');
		// A hub that fails for one feed: that feed is notified again at the next run, and only it.
		refused.add(published('rencontres/rss.xml'));
		const failing = await notify(edited.outDir);
		expect(failing.code).toBe(1);
		expect(failing.topics).toEqual(changed.map(published).sort());
		refused.clear();
		const retry = await notify(edited.outDir);
		expect(retry.code).toBe(0);
		expect(retry.topics).toEqual([published('rencontres/rss.xml')]);
	});
});
