/**
 * Waivers turn accepted findings into `waived` until they expire. An expired waiver never
 * applies, so an accepted risk comes back as a failure the day after its expiry date.
 */
import type { Finding, WaiverUse } from '../findings.js';
import { matchAddress } from './glob.js';
import type { Waiver } from './policy.js';

export interface WaiverResult {
  /** The findings in their original order, matching ones turned into `waived`. */
  readonly findings: Finding[];
  /** Non-expired waivers that match at least one failing or unknown finding. */
  readonly applied: WaiverUse[];
  /** Waivers whose expiry date is before today, whether or not they match a finding. */
  readonly expired: WaiverUse[];
  /** Non-expired waivers that match no failing or unknown finding: candidates for removal. */
  readonly unused: WaiverUse[];
}

function waiverUse(waiver: Waiver): WaiverUse {
  return {
    control: waiver.control,
    address: waiver.address,
    owner: waiver.owner,
    expires: waiver.expires,
    reason: waiver.reason,
  };
}

function matches(waiver: Waiver, finding: Finding): boolean {
  return waiver.control === finding.control && matchAddress(waiver.address, finding.address);
}

/**
 * Applies `waivers` to `findings` as of `today` (YYYY-MM-DD; a waiver applies through its
 * `expires` day). When several waivers match a finding, the first in policy order is the
 * one recorded on it; all of them count as applied, so none is reported as unused while it
 * still covers a finding. Findings already `waived` are left as they are.
 */
export function applyWaivers(
  findings: readonly Finding[],
  waivers: readonly Waiver[],
  today: string,
): WaiverResult {
  // YYYY-MM-DD strings order the same lexically and chronologically.
  const active = waivers.filter((waiver) => waiver.expires >= today);
  const used = new Set<Waiver>();

  const result = findings.map((finding): Finding => {
    if (finding.status === 'waived') return finding;
    const matching = active.filter((waiver) => matches(waiver, finding));
    const first = matching[0];
    if (first === undefined) return finding;
    for (const waiver of matching) used.add(waiver);
    return {
      ...finding,
      status: 'waived',
      waiver: { reason: first.reason, owner: first.owner, expires: first.expires },
    };
  });

  return {
    findings: result,
    applied: active.filter((waiver) => used.has(waiver)).map(waiverUse),
    expired: waivers.filter((waiver) => waiver.expires < today).map(waiverUse),
    unused: active.filter((waiver) => !used.has(waiver)).map(waiverUse),
  };
}
