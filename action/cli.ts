/**
 * `mcp-nhi-guard check <path>... [--policy FILE] [--scope mcp|all] [--format F] [-o|--output FILE]
 * [--fail-on S] [--date YYYY-MM-DD]`. Exit 0: nothing at or above fail-on; 1: findings block; 2: input, policy or
 * usage error, always with a one-line message naming the file and the problem.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkPaths } from './check.js';
import { describeError, refuseOverwritingInput, UsageError, UserError } from './errors.js';
import { type FailOn, SEVERITIES } from './findings.js';
import { isCalendarDate } from './policy/calendar-date.js';
import { createRedactor } from './redact.js';
import { REPORT_FORMATS, type ReportFormat, renderReportParts } from './report/index.js';
import { VERSION } from './version.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal that takes colour. */
  readonly color: boolean;
}

export const EXIT_PASS = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_ERROR = 2;

const USAGE = `Usage: mcp-nhi-guard check <path>... [options]

Judge Terraform plans, binary plans, cdktf.out folders or folders of .tf files against the
NHI controls for MCP servers.

Options:
  --policy FILE        policy file (YAML or JSON, schemas/nhi-policy.schema.json)
  --scope mcp|all      judge identities MCP servers claim or every identity
                       (default: the policy's, else mcp)
  --format FORMAT      ${REPORT_FORMATS.join(' | ')} (default: text)
  -o, --output FILE    write the report to FILE instead of standard output
  --fail-on LEVEL      ${SEVERITIES.join(' | ')} | never (default: the policy's, else high)
  --date YYYY-MM-DD    judge as of this date (review-by dates, waiver expiry); default today (UTC)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no blocking finding, 1 blocking findings, 2 input, policy or usage error.
`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    // An error may quote a name from the input (a JSON key): scrub what looks like a credential.
    io.stderr(`mcp-nhi-guard: ${createRedactor([]).scrub(describeError(error))}\n`);
    if (!(error instanceof UserError) && process.env.MCP_NHI_GUARD_DEBUG)
      io.stderr(`${(error as Error).stack}\n`);
    return EXIT_ERROR;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(argv);
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_PASS;
  }
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_PASS;
  }
  // A usage error like any other: one line on stderr, nothing on stdout.
  if (positionals.length === 0) throw new UsageError('no command given (expected "check"); see --help');
  const [command, ...paths] = positionals;
  if (command !== 'check')
    throw new UsageError(`unknown command "${command}" (expected "check"); see --help`);
  if (paths.length === 0)
    throw new UsageError(
      'check needs at least one path: a plan JSON, a binary plan, a cdktf.out folder or a folder of .tf files',
    );

  const format = oneOf<ReportFormat>('--format', values.format ?? 'text', REPORT_FORMATS);
  const scope =
    values.scope === undefined ? undefined : oneOf('--scope', values.scope, ['mcp', 'all'] as const);
  const failOn =
    values['fail-on'] === undefined
      ? undefined
      : oneOf<FailOn>('--fail-on', values['fail-on'], [...SEVERITIES, 'never']);
  const today = values.date;
  // A day that does not exist (2026-02-30) would compare as a string all the same, and bring
  // back waivers that have expired.
  if (today !== undefined && !isCalendarDate(today))
    throw new UsageError(`--date must be a day that exists, as YYYY-MM-DD (got "${today}")`);
  // `--policy ""` names no file: an error, not the defaults.
  if (values.policy === '') throw new UsageError('--policy needs a file name (got "")');
  // The policy loader (YAML, Ajv) is loaded only for a policy file: most runs have none.
  const policy =
    values.policy === undefined
      ? undefined
      : await (await import('./policy/load-policy.js')).loadPolicy(values.policy);

  if (values.output) refuseOverwritingInput(values.output, paths, '--output');
  const { report, redactor } = await checkPaths(paths, {
    ...(policy ? { policy } : {}),
    ...(scope ? { scope } : {}),
    ...(failOn ? { failOn } : {}),
    ...(today ? { today } : {}),
  });
  const color = io.color && !values.output && format === 'text';
  // In parts: a large report is scrubbed and written without ever becoming one string.
  const rendered = redactor.scrubParts(renderReportParts(report, format, { color }));
  if (values.output) {
    await writeFile(values.output, rendered).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`${values.output}: cannot write the report (${error.code ?? error.message})`);
    });
    const { verdict, blocking } = report.summary;
    io.stdout(
      `mcp-nhi-guard: ${verdict.toUpperCase()} (${blocking} blocking, ${report.findings.length} findings) → ${values.output}\n`,
    );
  } else {
    for (const part of rendered) io.stdout(part);
    if (!endsWithLineBreak(rendered)) io.stdout('\n');
  }
  return report.summary.verdict === 'fail' ? EXIT_BLOCKED : EXIT_PASS;
}

function endsWithLineBreak(parts: readonly string[]): boolean {
  const last = parts.findLast((part) => part !== '');
  return last?.endsWith('\n') ?? false;
}

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        policy: { type: 'string' },
        scope: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; see --help`);
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}
