/**
 * What AWS accepts as tags (IAM, Lambda, ECS, Logs, Secrets Manager, Verified Permissions alike):
 * at most 50 per resource, keys of 1 to 128 and values of up to 256 letters, digits, spaces and
 * `_ . : / = + - @`, no `aws:` key prefix. Checked at construction, since the owner, the
 * environment and extra tags become tags on every resource and AWS refuses them only at apply.
 */
import { fail } from './validate.js';

export const MAX_TAGS = 50;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** `extra`: tags the constructs add to some resources (tool, tenant), counted against the limit. */
export function validateTags(tags: Readonly<Record<string, string>>, extra: number, where: string): void {
  const count = Object.keys(tags).length + extra;
  if (count > MAX_TAGS) {
    fail(
      `${where}: ${count} tags on a resource (${extra} of them the constructs' own), over AWS's ${MAX_TAGS}; drop ${count - MAX_TAGS} of the extra tags.`,
    );
  }
  for (const [key, value] of Object.entries(tags)) {
    if (key.length === 0 || key.length > 128 || !TAG_TEXT.test(key) || key.toLowerCase().startsWith('aws:')) {
      fail(
        `${where}: tag key ${JSON.stringify(key)}: use 1 to 128 letters, digits, spaces or _ . : / = + - @, not starting with "aws:".`,
      );
    }
    if (typeof value !== 'string' || value.length > 256 || !TAG_TEXT.test(value)) {
      fail(
        `${where}: the value of tag ${JSON.stringify(key)} (${describeTagValue(value)}): use up to 256 letters, digits, spaces or _ . : / = + - @.`,
      );
    }
  }
}

/**
 * A refused tag value, never quoted: a tag may hold a secret by mistake (`db_password`, a token
 * pasted into `owner`), and errors end up in CI logs. Its length, and the first character AWS
 * refuses, say what to fix.
 */
function describeTagValue(value: unknown): string {
  if (typeof value !== 'string') return `not a string but ${value === null ? 'null' : typeof value}`;
  const bad = [...value].find((char) => !TAG_TEXT.test(char));
  const length = `${value.length} character${value.length === 1 ? '' : 's'}`;
  return bad === undefined ? length : `${length}, with ${JSON.stringify(bad)}`;
}

/** IAM descriptions: up to 1,000 characters of ASCII and Latin-1 (no emoji, no em dash). */
export function validateIamDescription(description: string | undefined, where: string): void {
  if (description === undefined) return;
  const bad = [...description].find((c) => !/[\t\n\r\u0020-\u007E\u00A1-\u00FF]/u.test(c));
  if (description.length > 1000 || bad !== undefined) {
    fail(
      `${where}: description ${bad === undefined ? 'is over 1,000 characters' : `has ${JSON.stringify(bad)}, which IAM refuses`}; ` +
        'IAM role descriptions take up to 1,000 ASCII or Latin-1 characters.',
    );
  }
}
