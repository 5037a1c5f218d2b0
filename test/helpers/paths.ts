import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the clone is. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ../shared beside the clone (CI lays it there). */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedDir, 'corpus');

/** Every corpus input file of a folder (not SOURCES.tsv or READMEs). */
export function corpusFiles(folder: 'plans' | 'cdktf' | 'hcl'): string[] {
  return readdirSync(path.join(corpusDir, folder))
    .filter((name) => /\.(json|tf)$/.test(name))
    .sort()
    .map((name) => path.join(corpusDir, folder, name));
}
