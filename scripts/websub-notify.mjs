#!/usr/bin/env node
/**
 * `node scripts/websub-notify.mjs [--site <dir>] [--manifest <file>]`: after a
 * deploy, tells the WebSub hubs which feeds changed, so subscribed readers get
 * the news within minutes instead of at their next poll (docs/feeds.md).
 *
 * - Reads every feed file of the built site (`rss.xml`, `atom.xml`, `feed.json`
 *   anywhere under `--site`, default `dist`). Each file says its own address
 *   (`rel="self"`, `feed_url`) and its hubs (`rel="hub"`, `hubs`), as the build
 *   wrote them from `relais.config.ts`: nothing is configured twice. A site without
 *   hubs has nothing to notify.
 * - Compares each file's SHA-256 with the manifest of the last notification
 *   (`--manifest`, default `node_modules/.cache/relais-feeds.json`, kept by the
 *   workflow's cache). Feeds hold no clock, so only a real change notifies.
 * - For each new or changed feed, POSTs `hub.mode=publish&hub.url=<feed address>`
 *   (form-encoded) to each of its hubs, then writes the manifest back. A feed that
 *   a hub did not accept (no 2xx answer) keeps its old hash, so the next run
 *   notifies it again.
 *
 * Run it only once the new site is live: a hub fetches the feed as soon as it is
 * told. Exit code 0 when every notification was accepted (or none was needed),
 * 1 when one was not (2 on a wrong argument).
 *
 * Needs Node 18.3 or later (fetch, parseArgs) and nothing else: the deploy
 * workflow runs it from a checkout of this one file, without the project
 * installed. So it reads neither the settings module (src/settings/settings.ts,
 * TypeScript, with its dependencies) nor the environment: the feeds say the rest.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const FEED_FILES = new Set(['rss.xml', 'atom.xml', 'feed.json']);
/** How long one hub may take to answer. */
const TIMEOUT_MS = 15_000;

/** Every feed file under `dir`, as paths relative to it. */
async function feedFiles(dir) {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && FEED_FILES.has(entry.name))
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (value) => value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => XML_ENTITIES[name]);

/** The self address and the hubs a feed file announces. */
function feedLinks(file, text) {
	if (file.endsWith('.json')) {
		const document = JSON.parse(text);
		return { self: document.feed_url, hubs: (document.hubs ?? []).map((hub) => hub.url).filter(Boolean) };
	}
	// Only the feed's own head: items and entries have links of their own.
	const head = text.split(/<item[\s>]|<entry[\s>]/)[0] ?? '';
	const links = [...head.matchAll(/<(?:atom:)?link\b([^>]*)\/?>/g)].map(([, attributes]) =>
		Object.fromEntries([...attributes.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name, unescapeXml(value)])),
	);
	return {
		self: links.find((link) => link.rel === 'self')?.href,
		hubs: links.filter((link) => link.rel === 'hub' && link.href).map((link) => link.href),
	};
}

async function readManifest(file) {
	try {
		const manifest = JSON.parse(await readFile(file, 'utf8'));
		return manifest && typeof manifest.feeds === 'object' ? manifest.feeds : {};
	} catch {
		return {};
	}
}

/** Tells `hub` that the feed at `topic` changed; resolves to an error message, or undefined when accepted. */
async function publish(hub, topic) {
	try {
		const response = await fetch(hub, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		return response.ok ? undefined : `HTTP ${response.status}`;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/**
 * Notifies the hubs of the feeds of `siteDir` that changed since `manifestFile` was
 * written, and writes it back. Returns what was done (`failed` sets the exit code).
 */
async function notifyChangedFeeds({ siteDir, manifestFile, log = console.log }) {
	const previous = await readManifest(manifestFile);
	const next = {};
	const notified = [];
	const failed = [];
	let unchanged = 0;
	for (const file of await feedFiles(siteDir)) {
		const text = await readFile(path.join(siteDir, file), 'utf8');
		const { self, hubs } = feedLinks(file, text);
		if (!self || hubs.length === 0) continue;
		const hash = createHash('sha256').update(text).digest('hex');
		if (previous[self] === hash) {
			next[self] = hash;
			unchanged += 1;
			continue;
		}
		const errors = [];
		for (const hub of hubs) {
			const error = await publish(hub, self);
			if (error) errors.push(`${hub} : ${error}`);
		}
		if (errors.length === 0) {
			next[self] = hash;
			notified.push(self);
			log(`WebSub : ${self} signalé à ${hubs.join(', ')}`);
		} else {
			// Keep the old hash (or none): the next run tries again.
			if (previous[self]) next[self] = previous[self];
			failed.push(self);
			log(`WebSub : échec pour ${self} (${errors.join(' ; ')})`);
		}
	}
	await mkdir(path.dirname(manifestFile), { recursive: true });
	await writeFile(manifestFile, `${JSON.stringify({ version: 1, feeds: next }, null, '\t')}\n`);
	log(`WebSub : ${notified.length} flux signalé(s), ${unchanged} inchangé(s), ${failed.length} échec(s).`);
	return { notified, unchanged, failed };
}

/** `--site <dir> --manifest <file>` → absolute paths, with their defaults; throws on anything else. */
function parseArguments(argv) {
	const { values } = parseArgs({ args: argv, options: { site: { type: 'string' }, manifest: { type: 'string' } } });
	return {
		siteDir: path.resolve(values.site ?? 'dist'),
		manifestFile: path.resolve(values.manifest ?? 'node_modules/.cache/relais-feeds.json'),
	};
}

// Run as a script, not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	let options;
	try {
		options = parseArguments(process.argv.slice(2));
	} catch (error) {
		console.error(
			`WebSub : ${error.message}\nUsage : node scripts/websub-notify.mjs [--site dist] [--manifest node_modules/.cache/relais-feeds.json]`,
		);
		process.exit(2);
	}
	const { failed } = await notifyChangedFeeds(options);
	process.exitCode = failed.length > 0 ? 1 : 0;
}
