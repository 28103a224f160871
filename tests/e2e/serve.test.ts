/** The test server serves a built site like a static host: base prefix, index files, MIME types, no escape. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType } from '../../src/search/integration';
import { resolveFile, serve, type StaticServer } from '../helpers/serve';

const root = mkdtempSync(path.join(tmpdir(), 'relais-serve-'));
let server: StaticServer;
beforeAll(async () => {
	mkdirSync(path.join(root, 'recherche'), { recursive: true });
	mkdirSync(path.join(root, 'pagefind'), { recursive: true });
	writeFileSync(path.join(root, 'recherche/index.html'), '<!doctype html><title>ok</title>');
	writeFileSync(path.join(root, 'pagefind/wasm.fr.pagefind'), 'x');
	writeFileSync(path.join(root, '404.html'), 'introuvable');
	server = await serve(root, { base: '/presse' });
});
afterAll(() => server.close());

describe('tests/helpers/serve.ts', () => {
	it('serves index.html for folders and the right content types under the base', async () => {
		const page = await fetch(`${server.url}recherche/`);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const wasm = await fetch(`${server.url}pagefind/wasm.fr.pagefind`);
		expect(wasm.headers.get('content-type')).toBe('application/octet-stream');
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/presse\/$/);
	});

	it('answers 404 outside the base path, for missing files and for escapes', async () => {
		expect((await fetch(`${server.origin}/recherche/`)).status).toBe(404);
		expect((await fetch(`${server.url}nulle-part/`)).status).toBe(404);
		expect(resolveFile(root, '/presse/', '/presse/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
	});

	it('knows the types Pagefind and the site need', () => {
		expect(mimeType('a/wasm.wasm')).toBe('application/wasm');
		expect(mimeType('pagefind.fr_1.pf_meta')).toBe('application/octet-stream');
		expect(mimeType('pagefind.js')).toBe('text/javascript; charset=utf-8');
		expect(mimeType('pagefind-entry.json')).toBe('application/json; charset=utf-8');
		for (const file of ['wasm.fr.pagefind', 'fr_1.pf_index', 'fr_1.pf_fragment'])
			expect(mimeType(file), file).toBe('application/octet-stream');
		expect(mimeType('fonts/inter.WOFF2')).toBe('font/woff2');
		expect(mimeType('personnes/annick-le-lan.vcf')).toBe('text/vcard; charset=utf-8');
		expect(mimeType('agenda.ics')).toBe('text/calendar; charset=utf-8');
		expect(mimeType('favicon.ico')).toBe('image/x-icon');
		expect(mimeType('README')).toBe('application/octet-stream');
	});
});
