/**
 * AWS size limits the synthesized resources must fit, checked at construction: past them the
 * stack synthesizes and the checks pass, but apply fails (a boundary of 25 tools, a Lambda
 * with 30 tools' role ARNs in its environment). References are measured by the value they will
 * have (a role ARN from its name); a reference the constructs did not make counts as empty.
 */
import { fail } from './validate.js';

/** IAM quotas, in characters without whitespace; Lambda's, in bytes of the variables as JSON. */
export const LIMITS = {
  managedPolicy: 6144,
  roleInlinePolicies: 10240,
  lambdaEnvironment: 4096,
} as const;

const TOKEN = /\$\{TfToken\[[^\]]*\]\}/g;

/** Sizes of synthesized text whose references (CDKTF tokens) stand for values known in advance. */
export class SizeEstimate {
  private readonly values = new Map<string, string>();

  /** Records that `token` will be `value`; returns the token. */
  public known(token: string, value: string): string {
    this.values.set(token, value);
    return token;
  }

  /** Characters of `text` once its known references are filled in, whitespace left out as IAM does. */
  public policyLength(text: string): number {
    return this.fill(text).replace(/\s/g, '').length;
  }

  /** UTF-8 bytes of the variables as JSON, as Lambda measures them. */
  public environmentBytes(variables: Readonly<Record<string, string>>): number {
    return Buffer.byteLength(this.fill(JSON.stringify(variables)), 'utf8');
  }

  private fill(text: string): string {
    return text.replace(TOKEN, (token) => this.values.get(token) ?? '');
  }
}

export function requireWithin(size: number, limit: number, what: string, fix: string): void {
  if (size > limit) fail(`${what} would be about ${size} characters, over AWS's limit of ${limit}: ${fix}`);
}
