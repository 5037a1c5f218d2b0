/**
 * Expands the `plan` input's globs with node:fs (fs.glob is experimental on Node 20).
 * `*` and `?` match within one path segment, `**` matches any number of segments; a line
 * without glob characters is passed through as written, so the readers report a missing
 * file with their own precise message. A glob that matches nothing is an error: a typo in
 * a path must not turn into "nothing to check, pass".
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

const GLOB_CHARS = /[*?]/;
/** Never descend into these while expanding `**`: huge, and never hold the user's plans. */
const SKIP_DIRS = new Set(['.git', 'node_modules']);

/**
 * Every path the patterns name, relative to `root` as written (`/`-separated), in pattern
 * order, each once. Patterns are relative to `base` (the working directory).
 */
export function expandPaths(patterns: readonly string[], base: string, root: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const absolute = path.resolve(base, pattern);
    const matches = GLOB_CHARS.test(pattern) ? expandGlob(pattern, base) : [absolute];
    if (matches.length === 0) {
      throw new UsageError(`input "plan": no file or folder matches "${pattern}"`);
    }
    for (const match of matches) {
      const shown = display(match, root);
      if (seen.has(shown)) continue;
      seen.add(shown);
      out.push(shown);
    }
  }
  return out;
}

/** Relative to the workspace when inside it, so reports, annotations and SARIF name repo paths. */
function display(absolute: string, root: string): string {
  const relative = path.relative(root, absolute);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}

function expandGlob(pattern: string, base: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const isAbsolute = path.isAbsolute(normalized);
  const segments = normalized.split('/').filter((segment, index) => segment !== '' || index === 0);
  let start = isAbsolute ? path.parse(path.resolve(normalized)).root : base;
  if (isAbsolute) segments.shift();
  // Walk the literal prefix directly; only the segments from the first glob on are matched.
  while (segments.length > 0 && !GLOB_CHARS.test(segments[0] ?? '')) {
    start = path.join(start, segments.shift() ?? '');
  }
  const found = new Set<string>();
  walk(start, segments, found);
  return [...found].sort();
}

function walk(dir: string, segments: readonly string[], found: Set<string>): void {
  if (segments.length === 0) {
    if (exists(dir)) found.add(dir);
    return;
  }
  const [head = '', ...rest] = segments;
  if (head === '**') {
    walk(dir, rest, found);
    for (const child of children(dir)) {
      // Symbolic links are not followed here: a link to an ancestor would recurse forever.
      // Like a shell's globstar, ** does not descend into dot folders (.git, .terraform).
      if (child.isDirectory && !child.isLink && !child.name.startsWith('.') && !SKIP_DIRS.has(child.name)) {
        walk(path.join(dir, child.name), segments, found);
      }
    }
    return;
  }
  if (!GLOB_CHARS.test(head)) {
    walk(path.join(dir, head), rest, found);
    return;
  }
  const matcher = segmentRegExp(head);
  for (const child of children(dir)) {
    // Like a shell, `*` does not match dot files unless the pattern asks for them.
    if (child.name.startsWith('.') && !head.startsWith('.')) continue;
    if (!matcher.test(child.name)) continue;
    if (rest.length > 0 && !child.isDirectory) continue;
    walk(path.join(dir, child.name), rest, found);
  }
}

function children(dir: string): { name: string; isDirectory: boolean; isLink: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isDirectory: entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path.join(dir, entry.name))),
      isLink: entry.isSymbolicLink(),
    }));
  } catch {
    return [];
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[\\^$.+()[\]{}|]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}
