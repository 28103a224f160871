/**
 * Global setup: one folder per run for `sharedBuild` (tests/helpers/build.ts), so each
 * fixture and environment is built once however many test files read it; removed at
 * the end of the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
	const folder = mkdtempSync(path.join(tmpdir(), 'relais-shared-builds-'));
	project.provide('sharedBuildsDir', folder);
	return () => rmSync(folder, { recursive: true, force: true });
}
