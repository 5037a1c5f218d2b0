/** Step outputs. The Record type makes forgetting one of OUTPUT_NAMES a compile error. */
import * as core from '@actions/core';
import type { CheckReport } from '../findings.js';
import type { OutputName } from './inputs.js';

export type Outputs = Readonly<Record<OutputName, string>>;

export function outputsFor(report: CheckReport, files: { report: string; sarif?: string }): Outputs {
  const { counts, verdict, blocking } = report.summary;
  return {
    result: verdict,
    // Waived findings are accepted risk, not work to do: they are not counted.
    findings: String(counts.fail + counts.unknown),
    blocking: String(blocking),
    report: files.report,
    sarif: files.sarif ?? '',
  };
}

export function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}
