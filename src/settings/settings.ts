/**
 * The one module that reads the environment (`process.env`) and the git
 * remote: the rest of the code, site and command-line tools alike, gets its
 * settings from here. `settings`: `relais.config.ts` validated plus the build
 * environment (src/settings/resolve.ts); `tools`: what the command-line tools
 * read besides.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import userSettings from '../../relais.config';
import { originUrl, repositoryOfRemote } from './git-remote';
import { resolveSettings, resolveToolSettings } from './resolve';

/** Without `CMS_REPO`, the web editor's repository is the checkout's own `origin` on github.com or gitlab.com. */
function editorRepository() {
	const gitConfig = path.join(process.cwd(), '.git', 'config');
	if (process.env.CMS_REPO || !existsSync(gitConfig)) return undefined;
	const remote = repositoryOfRemote(originUrl(readFileSync(gitConfig, 'utf8')) ?? '');
	return remote && (!process.env.CMS_BACKEND || process.env.CMS_BACKEND === remote.CMS_BACKEND) ? remote : undefined;
}

// Without RELAIS_BUILD_TIME, "now" is when the process started: Astro evaluates this module
// several times in one build (for astro.config.mjs, for the content layer, bundled with the
// pages), and `npm run build` checks the content before Astro starts; every evaluation in the
// process gets the same instant, so an entry scheduled for "now" is in or out of every output alike.
const processStart = new Date(performance.timeOrigin);

export const settings = resolveSettings(userSettings, { ...process.env, ...editorRepository() }, processStart);

export const tools = resolveToolSettings(process.env);

/** The environment of a tool's child process: this process's, with `extra` set. */
export const childEnvironment = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...extra });
