import { describe, expect, it } from 'vitest';
import { originUrl, repositoryOfRemote } from '../../src/settings/git-remote';

describe('the web editor’s repository from the git remote', () => {
	it('reads github.com and gitlab.com remotes in every form git accepts', () => {
		const github = { CMS_BACKEND: 'github', CMS_REPO: 'organisation/salle-de-presse' };
		expect(repositoryOfRemote('https://github.com/organisation/salle-de-presse.git')).toEqual(github);
		expect(repositoryOfRemote('https://jeton@github.com/organisation/salle-de-presse')).toEqual(github);
		expect(repositoryOfRemote('git@github.com:organisation/salle-de-presse.git')).toEqual(github);
		expect(repositoryOfRemote('ssh://git@github.com/organisation/salle-de-presse.git')).toEqual(github);
		expect(repositoryOfRemote('ssh://git@gitlab.com:22/groupe/sous-groupe/projet.git')).toEqual({
			CMS_BACKEND: 'gitlab',
			CMS_REPO: 'groupe/sous-groupe/projet',
		});
	});

	it('leaves self-hosted hosts, local paths and malformed URLs to CMS_* settings', () => {
		expect(repositoryOfRemote('https://git.agglo-ales.fr/com/salle-de-presse.git')).toBeUndefined();
		expect(repositoryOfRemote('/work/main')).toBeUndefined();
		expect(repositoryOfRemote('../salle-de-presse')).toBeUndefined();
		expect(repositoryOfRemote('https://github.com/organisation')).toBeUndefined();
		expect(repositoryOfRemote('')).toBeUndefined();
	});

	it('finds the origin remote in .git/config, not another one', () => {
		const config = [
			'[core]',
			'\trepositoryformatversion = 0',
			'[remote "amont"]',
			'\turl = https://github.com/amont/relais.git',
			'[remote "origin"]',
			'\turl = git@github.com:organisation/salle-de-presse.git',
			'\tfetch = +refs/heads/*:refs/remotes/origin/*',
			'[branch "main"]',
			'\tremote = origin',
		].join('\n');
		expect(originUrl(config)).toBe('git@github.com:organisation/salle-de-presse.git');
		expect(originUrl('[core]\n\tbare = false\n')).toBeUndefined();
	});
});
