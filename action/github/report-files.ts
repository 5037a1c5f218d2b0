/**
 * The JSON report (always, for later steps: the `report` output) and SARIF (when asked, for
 * github/codeql-action/upload-sarif). Both scrubbed like every other output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import type { CheckReport } from '../findings.js';
import type { Redactor } from '../redact.js';
import { renderJsonParts } from '../report/json.js';
import { renderSarifParts } from '../report/sarif.js';

export interface ReportFiles {
  readonly report: string;
  readonly sarif?: string;
}

export async function writeReportFiles(
  report: CheckReport,
  redactor: Pick<Redactor, 'scrubParts'>,
  options: { readonly sarifFile?: string; readonly workingDirectory: string; readonly root: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<ReportFiles> {
  // One file per step (GITHUB_ACTION is the step's id), so two steps in a job keep both.
  const dir = path.join(env.RUNNER_TEMP || tmpdir(), 'mcp-nhi-guard');
  const step = (env.GITHUB_ACTION || `run-${process.pid}`).replace(/[^\w.-]/g, '_');
  const reportFile = path.join(dir, `${step}.report.json`);
  // In parts, as the CLI writes them: a large report never has to become one string.
  await write(reportFile, redactor.scrubParts(renderJsonParts(report)));
  if (options.sarifFile === undefined) return { report: reportFile };

  const sarifFile = path.resolve(options.workingDirectory, options.sarifFile);
  // Findings name files relative to the workspace root; code scanning resolves them there.
  const baseUri = `${pathToFileURL(options.root).href.replace(/\/?$/, '/')}`;
  await write(sarifFile, redactor.scrubParts(renderSarifParts(report, { baseUri })));
  return { report: reportFile, sarif: sarifFile };
}

async function write(file: string, parts: readonly string[]): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, parts, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
