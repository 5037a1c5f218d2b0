/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one rule per evaluated
 * control, one result per finding. Every result has a physical location (GitHub drops
 * results without one) and a logical location naming the Terraform address; waived findings
 * carry an accepted external suppression; unknown findings are notes.
 */
import { createHash } from 'node:crypto';
import type { CheckReport, ControlMeta, Finding, Severity } from '../findings.js';
import { getOrMake } from '../memo.js';
import { inputOf } from '../read/record.js';
import { nestedJson } from './json-text.js';
import { addressesInSeveralFiles, controlsWithFindings, frameworkTags } from './shared.js';

export interface SarifOptions {
  /**
   * Absolute URI the relative input paths resolve against (e.g. `file:///home/runner/work/repo/`),
   * recorded as `originalUriBaseIds.SRCROOT`. Absolute input paths under it become relative.
   */
  readonly baseUri?: string;
  /** Where users learn about the tool; defaults to the npm package page. */
  readonly informationUri?: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/mcp-nhi-guard';
/** Key of our partial fingerprint; bump the suffix if the fingerprinted fields change. */
export const FINGERPRINT_KEY = 'mcpNhiGuardFinding/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub maps these onto critical (≥9.0), high (7.0–8.9), medium (4.0–6.9), low (<4.0). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

export function renderSarif(report: CheckReport, options: SarifOptions = {}): string {
  return renderSarifParts(report, options).join('');
}

/**
 * The text of `JSON.stringify(sarifLog(report, options), null, 2)` and a line break, in parts:
 * the results, nearly all of a large log, are a part of their own. The log is written with a
 * stand-in for them, and the stand-in's text is where the results go.
 */
export function renderSarifParts(report: CheckReport, options: SarifOptions = {}): string[] {
  const log = sarifLog(report, options);
  const run = (log.runs as Record<string, unknown>[])[0]!;
  const results = run.results;
  run.results = { toJSON: () => RESULTS_STAND_IN };
  const text = JSON.stringify(log, null, 2);
  const at = text.indexOf(STAND_IN_JSON);
  if (at < 0 || text.includes(STAND_IN_JSON, at + 1)) {
    // Some text of the log itself reads like the stand-in: write it whole.
    run.results = results;
    return [`${JSON.stringify(log, null, 2)}\n`];
  }
  // The stand-in's line is `<indent>"results": `; its indent says how deep the results are.
  const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
  const depth = (line.length - line.trimStart().length) / 2;
  // The results are a list, never left out.
  const resultsJson = nestedJson(results, depth) as string;
  return [text.slice(0, at), resultsJson, `${text.slice(at + STAND_IN_JSON.length)}\n`];
}

const RESULTS_STAND_IN = '\u0000results\u0000';
const STAND_IN_JSON = JSON.stringify(RESULTS_STAND_IN);

/** The SARIF log as an object. */
export function sarifLog(report: CheckReport, options: SarifOptions = {}): Record<string, unknown> {
  const controls = controlsWithFindings(report.controls, report.findings);
  const ruleIndex = new Map(controls.map((control, index) => [control.id, index]));
  const baseUri = options.baseUri === undefined ? undefined : withTrailingSlash(options.baseUri);
  const fallbackFile = report.inputs[0]?.path ?? '.';
  // Thousands of results name the same few input files.
  const uris = new Map<string, string>();

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
        rules: controls.map(sarifRule),
      },
    },
    invocations: [invocation(report.summary.notes)],
  };
  if (baseUri !== undefined) run.originalUriBaseIds = { SRCROOT: { uri: baseUri } };
  const ambiguous = addressesInSeveralFiles(report.findings, report.sharedAddresses);
  run.results = report.findings.map((finding) =>
    sarifResult(finding, ruleIndex.get(finding.control) ?? 0, baseUri, fallbackFile, uris, ambiguous),
  );
  run.properties = {
    verdict: report.summary.verdict,
    failOn: report.summary.failOn,
    blocking: report.summary.blocking,
    scope: report.scope,
    notes: [...(report.summary.notes ?? [])],
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

function sarifRule(control: ControlMeta): Record<string, unknown> {
  const tags = frameworkTags(control.frameworks);
  const frameworksText = tags.length > 0 ? tags.join(', ') : 'none';
  return {
    id: control.id,
    name: pascalCase(control.title) || pascalCase(control.id),
    shortDescription: { text: control.title },
    fullDescription: { text: control.description || control.title },
    help: {
      text: `${control.description}\n\nFix: ${control.fix}\n\nFrameworks: ${frameworksText}`,
      markdown: `${mdEscape(control.description)}\n\n**Fix:** ${mdEscape(control.fix)}\n\n**Frameworks:** ${tags
        .map(mdEscape)
        .join(', ')}`,
    },
    defaultConfiguration: { level: LEVEL[control.severity] },
    properties: {
      tags: [...tags, 'security'],
      'security-severity': SECURITY_SEVERITY[control.severity],
      precision: 'high',
      'problem.severity': LEVEL[control.severity] === 'note' ? 'recommendation' : LEVEL[control.severity],
    },
  };
}

function sarifResult(
  finding: Finding,
  ruleIndex: number,
  baseUri: string | undefined,
  fallbackFile: string,
  uris: Map<string, string>,
  ambiguous: ReadonlySet<string>,
): Record<string, unknown> {
  let text = finding.message;
  if (finding.status === 'unknown') {
    const refs = finding.refs && finding.refs.length > 0 ? finding.refs.join(', ') : 'not known';
    text += ` Decided at apply time by: ${refs}.`;
  }
  text += ` Fix: ${finding.fix}`;

  const artifactLocation: Record<string, unknown> = {
    uri: memoArtifactUri(finding.source?.file ?? fallbackFile, baseUri, uris),
  };
  if (baseUri !== undefined && !isAbsoluteUri(artifactLocation.uri as string)) {
    artifactLocation.uriBaseId = 'SRCROOT';
  }
  const result: Record<string, unknown> = {
    ruleId: finding.control,
    ruleIndex,
    level: finding.status === 'unknown' ? 'note' : LEVEL[finding.severity],
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: finding.source?.line && finding.source.line > 0 ? finding.source.line : 1 },
        },
        logicalLocations: [
          finding.attribute
            ? { name: finding.attribute, fullyQualifiedName: finding.address, kind: 'resource' }
            : { fullyQualifiedName: finding.address, kind: 'resource' },
        ],
      },
    ],
    // Beside an address two inputs share, the file tells the two results apart.
    partialFingerprints: {
      [FINGERPRINT_KEY]: fingerprint(
        finding,
        ambiguous.has(finding.address) && finding.source ? inputOf(finding.source) : undefined,
      ),
    },
  };
  if (finding.status === 'waived') {
    result.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: finding.waiver
          ? `${finding.waiver.reason} (owner ${finding.waiver.owner}, expires ${finding.waiver.expires})`
          : 'waived by policy',
      },
    ];
  }
  const properties: Record<string, unknown> = {
    status: finding.status,
    severity: finding.severity,
    ...(finding.unchanged ? { unchanged: true } : {}),
    address: finding.address,
  };
  if (finding.attribute !== undefined) properties.attribute = finding.attribute;
  if (finding.server !== undefined) properties.server = finding.server;
  if (finding.tool !== undefined) properties.tool = finding.tool;
  if (finding.refs && finding.refs.length > 0) properties.refs = [...finding.refs];
  if (finding.source?.constructPath) properties.constructPath = finding.source.constructPath;
  result.properties = properties;
  return result;
}

/**
 * Stable across runs and line moves: the control, the address and the attribute, and the input
 * file where two inputs share the address.
 */
export function fingerprint(
  finding: Pick<Finding, 'control' | 'address' | 'attribute'>,
  file?: string,
): string {
  return createHash('sha256')
    .update(
      `${finding.control}\u0000${finding.address}\u0000${finding.attribute ?? ''}${file === undefined ? '' : `\u0000${file}`}`,
    )
    .digest('hex');
}

/** `Each tool has its own identity` → `EachToolHasItsOwnIdentity`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
}

function withTrailingSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function memoArtifactUri(file: string, baseUri: string | undefined, uris: Map<string, string>): string {
  return getOrMake(uris, file, () => artifactUri(file, baseUri));
}

function isAbsoluteUri(uri: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri);
}

/**
 * The input path as a URI reference: forward slashes, no `./`, percent-encoded. Absolute
 * paths under baseUri become relative to it; other absolute paths become `file://` URIs.
 */
export function artifactUri(file: string, baseUri?: string): string {
  let path = file.replace(/\\/g, '/');
  const windowsDrive = /^[A-Za-z]:\//.test(path);
  if (path.startsWith('/') || windowsDrive) {
    const fileUri = `file://${windowsDrive ? '/' : ''}${encodePath(path)}`;
    if (baseUri?.startsWith('file://') && fileUri.startsWith(baseUri)) return fileUri.slice(baseUri.length);
    return fileUri;
  }
  while (path.startsWith('./')) path = path.slice(2);
  return encodePath(path) || '.';
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** Minimal escaping for SARIF help markdown (rendered by code scanning). */
function mdEscape(text: string): string {
  return text
    .replace(/[\\`*_[\]|]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The run's one invocation. The report's notes (an incomplete plan, an input that was not fully
 * read, nothing declared to judge) go with it as notifications, where code scanning shows the
 * tool's status.
 */
function invocation(notes: readonly string[]): Record<string, unknown> {
  if (notes.length === 0) return { executionSuccessful: true };
  return {
    executionSuccessful: true,
    toolExecutionNotifications: notes.map((text) => ({ level: 'note', message: { text } })),
  };
}
