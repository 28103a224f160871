/**
 * The one place the rest of the code reads settings from: `relais.config.ts`
 * validated, plus the build environment (src/settings/resolve.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import userSettings from '../../relais.config';
import { originUrl, repositoryOfRemote } from './git-remote';
import { resolveSettings } from './resolve';

// Astro evaluates this module more than once in a build (for astro.config.mjs, then
// bundled with the pages): the first evaluation pins "now" so that all share one build
// time, and an entry scheduled for "now" is in or out of every output alike.
process.env.RELAIS_BUILD_TIME ||= new Date().toISOString();

/** Without `CMS_REPO`, the web editor's repository is the checkout's own `origin` on github.com or gitlab.com. */
function editorRepository() {
	const gitConfig = path.join(process.cwd(), '.git', 'config');
	if (process.env.CMS_REPO || !existsSync(gitConfig)) return undefined;
	const remote = repositoryOfRemote(originUrl(readFileSync(gitConfig, 'utf8')) ?? '');
	return remote && (!process.env.CMS_BACKEND || process.env.CMS_BACKEND === remote.CMS_BACKEND) ? remote : undefined;
}

export const settings = resolveSettings(userSettings, { ...process.env, ...editorRepository() });
