/**
 * What `file()`, `templatefile()` and `path.module` may see of a configuration read from disk:
 * text files inside the root module's folder, and nothing outside it.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { ConfigFiles } from '../expressions.js';

/** `file()` reads at most this much; policies and templates are far smaller. */
const MAX_CONFIG_FILE_BYTES = 1 << 20;

export function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/**
 * The files `file()` and `templatefile()` may read: text files inside the root module's folder,
 * resolved as Terraform does (relative to that folder). Nothing outside it, through `..` or a
 * symbolic link, is read: the configuration may come from an untrusted pull request.
 */
export function configFiles(root: string, dir: string): ConfigFiles {
  const moduleDir = relative(root, realRoot(dir)).split(sep).join('/') || '.';
  return {
    moduleDir,
    read(path) {
      try {
        const real = realpathSync(resolve(root, path));
        if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
        const info = statSync(real);
        if (!info.isFile() || info.size > MAX_CONFIG_FILE_BYTES) return undefined;
        const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(real));
        return text.replace(/^\uFEFF/, '');
      } catch {
        return undefined;
      }
    },
  };
}
