/**
 * A tiny static file server for built sites, for browser tests: `node:http`
 * only, bound to 127.0.0.1 on a free port, serving the build output under a
 * base path the way a static host would (`/presse/x/` → `x/index.html`).
 * Content types come from the same table the dev server uses for Pagefind
 * (`.wasm`, `.pagefind`, `.pf_meta`… included).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mimeType } from '../../src/search/integration';

export interface StaticServer {
	/** Origin, e.g. `http://127.0.0.1:41234`. */
	origin: string;
	/** Origin plus base path, with a trailing slash: where the site's home is. */
	url: string;
	close(): Promise<void>;
}

export interface ServeOptions {
	/** Base path the site was built for (`BASE_PATH`), `/` by default. */
	base?: string;
	/** Extra response headers sent with every answer (e.g. a Content-Security-Policy), none by default. */
	headers?: Record<string, string>;
}

/** Resolves a request path to a file of `root`, or `undefined` (outside the base, missing, or escaping the folder). */
export function resolveFile(root: string, base: string, pathname: string): string | undefined {
	if (!pathname.startsWith(base)) return undefined;
	let relative: string;
	try {
		relative = decodeURIComponent(pathname.slice(base.length));
	} catch {
		return undefined;
	}
	let file = path.join(root, relative);
	if (file !== root && !file.startsWith(root + path.sep)) return undefined;
	if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
	return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Serves `dir` on 127.0.0.1; close it when done. */
export async function serve(dir: string, { base = '/', headers = {} }: ServeOptions = {}): Promise<StaticServer> {
	const root = path.resolve(dir);
	const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
	const server: Server = createServer((request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
		// `/presse` without its slash: redirect like static hosts do, so relative links resolve.
		if (`${pathname}/` === prefix) {
			response.writeHead(301, { ...headers, Location: prefix }).end();
			return;
		}
		const file = resolveFile(root, prefix, pathname);
		if (!file) {
			const notFound = path.join(root, '404.html');
			response.writeHead(404, { ...headers, 'Content-Type': mimeType(notFound) });
			if (existsSync(notFound)) createReadStream(notFound).pipe(response);
			else response.end('Not found');
			return;
		}
		response.writeHead(200, {
			...headers,
			'Content-Type': mimeType(file),
			'Content-Length': statSync(file).size,
			'Cache-Control': 'no-store',
		});
		if (request.method === 'HEAD') response.end();
		else createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		url: `${origin}${prefix}`,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
