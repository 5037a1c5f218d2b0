/** Acknowledging a deliberate exception takes a reason, an owner and an expiry, as waivers in the policy file do. */
import { requireDate, requireText } from './validate.js';

export interface Acknowledgement {
  /** Why the exception is needed. */
  readonly reason: string;
  /** Who answers for it (team or person). */
  readonly owner: string;
  /** YYYY-MM-DD; the exception stops applying after this day. */
  readonly expires: string;
}

export function validateAcknowledgement(ack: Acknowledgement, where: string): void {
  requireText(ack.reason, `${where}: reason`, 'say why the exception is needed');
  requireText(ack.owner, `${where}: owner`, 'name the team or person who answers for it');
  requireDate(ack.expires, `${where}: expires`);
}
