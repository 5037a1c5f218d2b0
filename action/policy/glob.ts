/**
 * Address globs for Terraform resource addresses such as `module.a["x"].aws_iam_role.r[0]`.
 * Only `*` (any run of characters, `.`, `[` and `"` included) and `?` (one character) are
 * special: brackets and quotes are part of addresses, so they must stay literal, unlike in
 * shell or minimatch globs. A glob always matches the whole address.
 */

const regExpCache = new Map<string, RegExp>();

/** The anchored regular expression equivalent to `glob`. Compiled once per glob. */
export function globToRegExp(glob: string): RegExp {
  let compiled = regExpCache.get(glob);
  if (compiled === undefined) {
    let source = '';
    for (const char of glob) {
      if (char === '*') source += '.*';
      else if (char === '?') source += '.';
      else source += char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    }
    compiled = new RegExp(`^${source}$`, 'su');
    regExpCache.set(glob, compiled);
  }
  return compiled;
}

/** The glob split at `*`, with `?` kept as a one-character wildcard inside each part. */
interface CompiledGlob {
  readonly chars: readonly string[];
}

const globCache = new Map<string, CompiledGlob>();

function compileGlob(glob: string): CompiledGlob {
  let compiled = globCache.get(glob);
  if (compiled === undefined) {
    compiled = { chars: Array.from(glob) };
    globCache.set(glob, compiled);
  }
  return compiled;
}

/**
 * True when `address` matches `glob`. Same semantics as globToRegExp, but matched with the
 * linear wildcard algorithm rather than a backtracking regular expression, so a glob with
 * many stars cannot take exponential time on a long address.
 */
export function matchAddress(glob: string, address: string): boolean {
  const pattern = compileGlob(glob).chars;
  const text = Array.from(address);
  let p = 0;
  let t = 0;
  // Position after the last `*` seen, and the text position it is currently matched up to.
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      starP = ++p;
      starT = t;
    } else if (c !== undefined && (c === '?' || c === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
