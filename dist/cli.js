#!/usr/bin/env node
import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);
import {
  SEVERITIES,
  VERSION,
  checkPaths,
  createRedactor,
  renderJson,
  renderJsonParts,
  renderJunit,
  renderMarkdown,
  renderSarif,
  renderSarifParts,
  renderText,
  tuneJitForOneShotRun
} from "./chunks/chunk-ALG6Q6WJ.js";
import "./chunks/chunk-WBPMNH5K.js";
import {
  isCalendarDate
} from "./chunks/chunk-NDCMOHLV.js";
import "./chunks/chunk-7QLOZEXX.js";
import {
  UsageError,
  UserError,
  describeError,
  refuseOverwritingInput
} from "./chunks/chunk-CZZV5DTD.js";
import "./chunks/chunk-COG2Z3BJ.js";

// action/cli.ts
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

// action/report/index.ts
var REPORT_FORMATS = ["text", "json", "markdown", "sarif", "junit"];
function renderReport(report, format, options = {}) {
  switch (format) {
    case "text":
      return renderText(report, { color: options.color ?? false });
    case "json":
      return renderJson(report);
    case "markdown":
      return renderMarkdown(report, { maxLength: options.maxLength, detailsUrl: options.detailsUrl });
    case "sarif":
      return renderSarif(report, { baseUri: options.baseUri, informationUri: options.informationUri });
    case "junit":
      return renderJunit(report);
    default: {
      const unknown = format;
      throw new Error(`unknown report format: ${String(unknown)}`);
    }
  }
}
function renderReportParts(report, format, options = {}) {
  switch (format) {
    case "json":
      return renderJsonParts(report);
    case "sarif":
      return renderSarifParts(report, { baseUri: options.baseUri, informationUri: options.informationUri });
    default:
      return [renderReport(report, format, options)];
  }
}

// action/cli.ts
var EXIT_PASS = 0;
var EXIT_BLOCKED = 1;
var EXIT_ERROR = 2;
var USAGE = `Usage: mcp-nhi-guard check <path>... [options]

Judge Terraform plans, binary plans, cdktf.out folders or folders of .tf files against the
NHI controls for MCP servers.

Options:
  --policy FILE        policy file (YAML or JSON, schemas/nhi-policy.schema.json)
  --scope mcp|all      judge identities MCP servers claim or every identity
                       (default: the policy's, else mcp)
  --format FORMAT      ${REPORT_FORMATS.join(" | ")} (default: text)
  -o, --output FILE    write the report to FILE instead of standard output
  --fail-on LEVEL      ${SEVERITIES.join(" | ")} | never (default: the policy's, else high)
  --date YYYY-MM-DD    judge as of this date (review-by dates, waiver expiry); default today (UTC)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no blocking finding, 1 blocking findings, 2 input, policy or usage error.
`;
async function runCli(argv, io) {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`mcp-nhi-guard: ${createRedactor([]).scrub(describeError(error))}
`);
    if (!(error instanceof UserError) && process.env.MCP_NHI_GUARD_DEBUG)
      io.stderr(`${error.stack}
`);
    return EXIT_ERROR;
  }
}
async function run(argv, io) {
  const { values, positionals } = parseOptions(argv);
  if (values.version) {
    io.stdout(`${VERSION}
`);
    return EXIT_PASS;
  }
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_PASS;
  }
  if (positionals.length === 0) throw new UsageError('no command given (expected "check"); see --help');
  const [command, ...paths] = positionals;
  if (command !== "check")
    throw new UsageError(`unknown command "${command}" (expected "check"); see --help`);
  if (paths.length === 0)
    throw new UsageError(
      "check needs at least one path: a plan JSON, a binary plan, a cdktf.out folder or a folder of .tf files"
    );
  const format = oneOf("--format", values.format ?? "text", REPORT_FORMATS);
  const scope = values.scope === void 0 ? void 0 : oneOf("--scope", values.scope, ["mcp", "all"]);
  const failOn = values["fail-on"] === void 0 ? void 0 : oneOf("--fail-on", values["fail-on"], [...SEVERITIES, "never"]);
  const today = values.date;
  if (today !== void 0 && !isCalendarDate(today))
    throw new UsageError(`--date must be a day that exists, as YYYY-MM-DD (got "${today}")`);
  if (values.policy === "") throw new UsageError('--policy needs a file name (got "")');
  const policy = values.policy === void 0 ? void 0 : await (await import("./chunks/load-policy-GXQC46HP.js")).loadPolicy(values.policy);
  if (values.output) refuseOverwritingInput(values.output, paths, "--output");
  const { report, redactor } = await checkPaths(paths, {
    ...policy ? { policy } : {},
    ...scope ? { scope } : {},
    ...failOn ? { failOn } : {},
    ...today ? { today } : {}
  });
  const color = io.color && !values.output && format === "text";
  const rendered = redactor.scrubParts(renderReportParts(report, format, { color }));
  if (values.output) {
    await writeFile(values.output, rendered).catch((error) => {
      throw new UsageError(`${values.output}: cannot write the report (${error.code ?? error.message})`);
    });
    const { verdict, blocking } = report.summary;
    io.stdout(
      `mcp-nhi-guard: ${verdict.toUpperCase()} (${blocking} blocking, ${report.findings.length} findings) \u2192 ${values.output}
`
    );
  } else {
    for (const part of rendered) io.stdout(part);
    if (!endsWithLineBreak(rendered)) io.stdout("\n");
  }
  return report.summary.verdict === "fail" ? EXIT_BLOCKED : EXIT_PASS;
}
function endsWithLineBreak(parts) {
  const last = parts.findLast((part) => part !== "");
  return last?.endsWith("\n") ?? false;
}
function parseOptions(argv) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        policy: { type: "string" },
        scope: { type: "string" },
        format: { type: "string" },
        output: { type: "string", short: "o" },
        "fail-on": { type: "string" },
        date: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" }
      }
    });
  } catch (error) {
    throw new UsageError(`${error.message.split("\n")[0]}; see --help`);
  }
}
function oneOf(flag, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

// action/cli-bin.ts
tuneJitForOneShotRun();
var readerGone = (error) => {
  if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
};
process.stdout.on("error", readerGone);
process.stderr.on("error", readerGone);
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
});
