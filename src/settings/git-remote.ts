/**
 * The web editor's repository read from the project's own git remote, so that
 * `npm run dev` and a build from a clone of github.com or gitlab.com get a
 * working `/admin/` without `CMS_*` settings (docs/web-editor.md). Self-hosted
 * hosts say nothing of their kind (GitLab? Gitea?): they keep needing `CMS_*`.
 */

/** What the remote tells: the editor's backend and repository, as `CMS_*` would. */
export interface RemoteRepository {
	CMS_BACKEND: 'github' | 'gitlab';
	CMS_REPO: string;
}

const PUBLIC_HOSTS: Readonly<Record<string, RemoteRepository['CMS_BACKEND']>> = {
	'github.com': 'github',
	'gitlab.com': 'gitlab',
};

/**
 * The repository of a remote URL of github.com or gitlab.com, in any form git
 * accepts (`https://github.com/o/n.git`, `git@github.com:o/n.git`,
 * `ssh://git@gitlab.com/groupe/sous-groupe/projet`); `undefined` for any other.
 */
export function repositoryOfRemote(remote: string): RemoteRepository | undefined {
	const match = /^(?:[a-z+]+:\/\/)?(?:[^@/\s]+@)?([^/:\s]+)(?::\d+)?[:/](.+?)(?:\.git)?\/?$/i.exec(remote.trim());
	const backend = match && PUBLIC_HOSTS[match[1]!.toLowerCase()];
	const repo = match?.[2]?.replace(/^\/+/, '');
	if (!backend || !repo || !/^[\w.-]+(?:\/[\w.-]+)+$/.test(repo)) return undefined;
	return { CMS_BACKEND: backend, CMS_REPO: repo };
}

/** The URL of the `origin` remote in the text of a `.git/config` file. */
export function originUrl(gitConfig: string): string | undefined {
	const section = /^\[remote "origin"\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(gitConfig)?.[1] ?? '';
	return /^\s*url\s*=\s*(.+?)\s*$/m.exec(section)?.[1];
}
