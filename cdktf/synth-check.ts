/**
 * The same controls as the check, run on the synthesized stack (like cdk-nag): a validation on
 * the stack reads its Terraform JSON in memory with the check's own reader and judges it with
 * `checkReadResult`. A finding at or above `failOn` fails synth with the control ID, the
 * construct path, the address and how to fix it. Waivers need a reason, an owner and an expiry.
 */
import { type CheckResult, checkReadResult } from '../action/check.js';
import type { FailOn, Finding } from '../action/findings.js';
import { defaultPolicy, type Policy, type Waiver } from '../action/policy/policy.js';
import { readTerraformJsonObject } from '../action/read/tfjson/read-tfjson.js';
import { validateAcknowledgement } from './acknowledgement.js';
import type { IValidation, TerraformStack } from './cdktf-lib.js';
import { fail, requireText } from './validate.js';

export interface SynthCheckOptions {
  /** The check's date (YYYY-MM-DD) for review-by dates and waiver expiry. @default today (UTC) */
  readonly today?: string;
  /** Lowest severity that fails synth. @default 'medium' (every failing built-in control) */
  readonly failOn?: FailOn;
  /** `mcp` judges what the servers claim; `all` every identity in the stack. @default 'all' */
  readonly scope?: 'mcp' | 'all';
  /** A policy (loadPolicy/parsePolicyText from the check API); its waivers are kept. @default the defaults */
  readonly policy?: Policy;
  /** Do not run the check at synth. @default false */
  readonly disabled?: boolean;
}

export interface SynthWaiverProps {
  /** Control ID, e.g. `MCP-NHI-007`. */
  readonly control: string;
  /** Terraform address glob (`aws_iam_role.*`). */
  readonly address: string;
  readonly reason: string;
  readonly owner: string;
  /** YYYY-MM-DD. */
  readonly expires: string;
}

/** A waiver whose addresses are known only at synth (logical IDs of constructs). */
interface DeferredWaiver {
  readonly waiver: Omit<Waiver, 'address'>;
  readonly addresses: () => readonly string[];
}

const REGISTRY = new WeakMap<TerraformStack, SynthCheck>();
const CONTROL_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

export class SynthCheck implements IValidation {
  /** The stack's check, registered as a validation of the stack on first use. */
  public static of(stack: TerraformStack): SynthCheck {
    let check = REGISTRY.get(stack);
    if (!check) {
      check = new SynthCheck(stack);
      REGISTRY.set(stack, check);
      stack.node.addValidation(check);
    }
    return check;
  }

  private readonly stack: TerraformStack;
  private options: SynthCheckOptions = {};
  private readonly waivers: Waiver[] = [];
  private readonly deferred: DeferredWaiver[] = [];

  private constructor(stack: TerraformStack) {
    this.stack = stack;
  }

  public configure(options: SynthCheckOptions): this {
    this.options = { ...this.options, ...options };
    return this;
  }

  /** Accepts a finding for an address glob; the check reports it as `waived` until it expires. */
  public addWaiver(props: SynthWaiverProps): this {
    validateWaiver(props.control, props, 'SynthCheck.addWaiver');
    requireText(
      props.address,
      'SynthCheck.addWaiver: address',
      'give a Terraform address glob, e.g. "aws_iam_role.*"',
    );
    this.waivers.push({ ...props });
    return this;
  }

  /** @internal For constructs: a waiver on resources whose addresses are final only at synth. */
  public addDeferredWaiver(waiver: Omit<Waiver, 'address'>, addresses: () => readonly string[]): void {
    validateWaiver(waiver.control, waiver, 'waiver');
    this.deferred.push({ waiver, addresses });
  }

  /** Runs the check on the stack as it would synthesize now. */
  public run(): CheckResult {
    const config = this.stack.toTerraform() as Record<string, unknown>;
    const read = readTerraformJsonObject(config, `stacks/${this.stack.node.id}/cdk.tf.json`);
    const base = this.options.policy ?? defaultPolicy();
    const waivers: Waiver[] = [
      ...base.waivers,
      ...this.waivers,
      ...this.deferred.flatMap(({ waiver, addresses }) =>
        addresses().map((address) => ({ ...waiver, address })),
      ),
    ];
    return checkReadResult(read, {
      policy: { ...base, waivers },
      scope: this.options.scope ?? 'all',
      failOn: this.options.failOn ?? 'medium',
      ...(this.options.today === undefined ? {} : { today: this.options.today }),
    });
  }

  /** IValidation: one message per blocking finding. */
  public validate(): string[] {
    if (this.options.disabled) return [];
    const { report, redactor } = this.run();
    if (report.summary.verdict === 'pass') return [];
    const failOn = report.summary.failOn;
    // Synth errors go to the terminal and CI logs: scrubbed like every report.
    return report.findings
      .filter((finding) => finding.status === 'fail' && blocks(finding, failOn))
      .map((finding) => redactor.scrub(describe(finding)));
  }
}

const ORDER = ['critical', 'high', 'medium', 'low'];
function blocks(finding: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && ORDER.indexOf(finding.severity) <= ORDER.indexOf(failOn);
}

function describe(finding: Finding): string {
  const where = finding.source?.constructPath ?? finding.address;
  const attribute = finding.attribute ? ` ${finding.attribute}` : '';
  return (
    `${finding.control} (${finding.severity}) at ${where} [${finding.address}${attribute}]: ${finding.message}. ` +
    `Fix: ${finding.fix} To accept it instead, add a waiver with a reason, an owner and an expiry ` +
    `(McpServer waivers, or SynthCheck.of(stack).addWaiver({ control: '${finding.control}', address: '${finding.address}', ... })).`
  );
}

function validateWaiver(
  control: string,
  ack: { reason: string; owner: string; expires: string },
  where: string,
): void {
  if (typeof control !== 'string' || !CONTROL_ID.test(control)) {
    fail(`${where}: control ${JSON.stringify(control)} is not a control ID; write it like "MCP-NHI-007".`);
  }
  validateAcknowledgement(ack, `${where} for ${control}`);
}
