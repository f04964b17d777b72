/** Test-only: a flow's step ids as its content folder lists them (`NN-<step-id>.md`). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const contentRoot = join(process.cwd(), 'content', 'flows');

export function contentSteps(slug: string): string[] {
	const folder = readdirSync(contentRoot).find((name) => name.replace(/^\d+-/, '') === slug);
	if (!folder) throw new Error(`no content folder for ${slug}`);
	return readdirSync(join(contentRoot, folder))
		.filter((name) => /^\d+-.+\.md$/.test(name))
		.sort()
		.map((name) => name.replace(/^\d+-/, '').replace(/\.md$/, ''));
}
