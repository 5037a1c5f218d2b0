import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);
import {
  appendRead,
  configurations,
  decodeText,
  describeJsonValue,
  formatPath,
  getOrMake,
  inputOf,
  isUnknown,
  parseJson,
  readPlanJson,
  readPlanObject,
  unknownValue
} from "./chunk-WBPMNH5K.js";
import {
  controlValidators,
  defaultPolicy,
  require_ucs2length
} from "./chunk-7QLOZEXX.js";
import {
  InputError,
  PolicyError,
  credentialShape,
  hasShapeHead,
  isHighEntropyToken,
  isSecretName,
  looksLikeSecretValue,
  nameSegments,
  secretLength
} from "./chunk-CZZV5DTD.js";

// action/jit.ts
import { setFlagsFromString } from "node:v8";
function tuneJitForOneShotRun() {
  const flag = jitFlagFor(process.versions.v8);
  if (flag !== void 0) setFlagsFromString(flag);
}
function jitFlagFor(v8Version) {
  return Number.parseInt(v8Version, 10) === 11 ? "--interrupt-budget=524288" : void 0;
}

// action/findings.ts
var SEVERITIES = ["critical", "high", "medium", "low"];
function atOrAbove(severity, threshold) {
  if (threshold === "never") return false;
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

// action/read/expression-text.ts
var PLAIN_REFERENCE = /^(?:var|local|module|data|each|count|path|self|terraform|[a-z][a-z0-9]*_[a-z0-9_]+)(?:\.[A-Za-z_][\w-]*|\.\*|\[(?:\d+|\*|"[\w.:/-]{0,64}")\])+$/;
function isPlainReference(expression) {
  return expression.length <= MAX_SHOWN && PLAIN_REFERENCE.test(expression);
}
var MAX_SHOWN = 200;
var NAMED_INPUT = /\b(?:var|local|each|count)\.[A-Za-z_][\w-]*|\bmodule\.[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*/g;
function describeUnknown(value) {
  const { expression } = value;
  if (expression !== void 0 && isPlainReference(expression)) return expression;
  const inputs = new Set(value.refs);
  if (expression !== void 0) {
    for (const match of splitExpression(expression).code.matchAll(NAMED_INPUT)) inputs.add(match[0]);
  }
  if (inputs.size > 0) return `an expression of ${[...inputs].join(", ")}`;
  return "a value known only after apply";
}
var KEY_BEFORE = /([A-Za-z_][\w-]*)\s*[=:]\s*$/;
var ASSIGNED = /^"\s*[=:]\s*$/;
function splitExpression(text) {
  const asExpression = lex(text, "expression");
  return asExpression.interpolatesOutsideStrings ? lex(text, "template") : asExpression;
}
function lex(text, mode) {
  let interpolatesOutsideStrings = false;
  const literals2 = [];
  let code = "";
  let literal = "";
  let closed;
  let stringText = "";
  const stack = mode === "template" ? [{ kind: "template", key: void 0 }] : [];
  const endLiteral = () => {
    const top = stack[stack.length - 1];
    const key = top !== void 0 && top.kind !== "code" ? top.key : void 0;
    if (literal !== "") literals2.push(key === void 0 ? { text: literal } : { text: literal, key });
    stringText += literal;
    literal = "";
  };
  const keyBefore = () => {
    const tail = code.slice(-200);
    const named = KEY_BEFORE.exec(tail);
    if (named !== null) return named[1];
    if (closed !== void 0 && ASSIGNED.test(code.slice(closed.at - 1))) return closed.text;
    return void 0;
  };
  let i = 0;
  while (i < text.length) {
    const top = stack[stack.length - 1];
    const c = text[i];
    if (top === void 0 || top.kind === "code") {
      if (c === '"') {
        stack.push({ kind: "string", key: keyBefore() });
        stringText = "";
        code += c;
        i++;
        continue;
      }
      const heredoc = c === "<" ? /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 300)) : null;
      if (heredoc !== null) {
        stack.push({
          kind: "heredoc",
          key: keyBefore(),
          marker: new RegExp(`^[ \\t]*${heredoc[1]}[ \\t]*(?:\\r?\\n|$)`)
        });
        code += heredoc[0];
        i += heredoc[0].length;
        continue;
      }
      if (top === void 0 && (c === "$" || c === "%") && text[i + 1] === "{")
        interpolatesOutsideStrings = true;
      if (top !== void 0 && c === "{") top.braces++;
      if (top !== void 0 && c === "}" && top.braces-- === 0) stack.pop();
      code += c;
      i++;
      continue;
    }
    if ((c === "$" || c === "%") && text[i + 1] === "{") {
      if (text[i - 1] === c) {
        literal += "{";
        i += 2;
        continue;
      }
      endLiteral();
      stack.push({ kind: "code", braces: 0 });
      code += `${c}{`;
      i += 2;
      continue;
    }
    if (top.kind === "string") {
      if (c === "\\" && i + 1 < text.length) {
        literal += text.slice(i, i + 2);
        code += "  ";
        i += 2;
        continue;
      }
      if (c === '"') {
        endLiteral();
        stack.pop();
        code += c;
        i++;
        closed = { text: stringText, at: code.length };
        continue;
      }
    } else if (top.kind === "heredoc" && (i === 0 || text[i - 1] === "\n") && top.marker.test(text.slice(i, i + 300))) {
      endLiteral();
      stack.pop();
      continue;
    }
    literal += c;
    code += c === "\n" ? c : " ";
    i++;
  }
  endLiteral();
  return { code, literals: literals2, interpolatesOutsideStrings };
}

// action/report/shared.ts
var FRAMEWORK_ORDER = ["NHI", "ASI", "MCP", "MAESTRO", "CSF"];
function severityRank(severity) {
  const rank = SEVERITIES.indexOf(severity);
  return rank < 0 ? SEVERITIES.length : rank;
}
function isBlocking(finding2, summary) {
  if (finding2.status === "waived") return false;
  if (finding2.status === "unknown" && !summary.unknownBlocks) return false;
  return atOrAbove(finding2.severity, summary.failOn);
}
function frameworkKeys(frameworks) {
  const known = FRAMEWORK_ORDER.filter((key) => Object.hasOwn(frameworks, key));
  const other = Object.keys(frameworks).filter((key) => !FRAMEWORK_ORDER.includes(key)).sort();
  return [...known, ...other];
}
function frameworkTags(frameworks) {
  const tags = [];
  for (const key of frameworkKeys(frameworks)) {
    for (const id of frameworks[key] ?? []) {
      const tag = id.toUpperCase().startsWith(key.toUpperCase()) ? id : `${key}:${id}`;
      if (!tags.includes(tag)) tags.push(tag);
    }
  }
  return tags;
}
function orderedFrameworks(frameworks) {
  const out = {};
  for (const key of frameworkKeys(frameworks)) out[key] = [...frameworks[key] ?? []];
  return out;
}
function controlsWithFindings(controls, findings) {
  const out = [...controls];
  const seen = new Set(controls.map((control) => control.id));
  for (const finding2 of findings) {
    if (seen.has(finding2.control)) continue;
    seen.add(finding2.control);
    out.push({
      id: finding2.control,
      title: finding2.control,
      severity: finding2.severity,
      scope: "any",
      frameworks: finding2.frameworks,
      description: finding2.message,
      fix: finding2.fix,
      origin: "unknown"
    });
  }
  return out;
}
var NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
function oneLine(value) {
  if (typeof value === "string" && !NOT_ONE_LINE.test(value)) return value;
  return value.replace(/\r\n|[\r\n\u2028\u2029]/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\t/g, " ");
}
function plural(count, singular, pluralForm = `${singular}s`) {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
function location(finding2, ambiguous) {
  const where = finding2.attribute ? `${finding2.address} (${finding2.attribute})` : finding2.address;
  return ambiguous?.has(finding2.address) && finding2.source ? `${where} in ${inputOf(finding2.source)}` : where;
}
function addressesInSeveralFiles(findings, shared = []) {
  const fileOf = /* @__PURE__ */ new Map();
  const several = new Set(shared);
  for (const finding2 of findings) {
    const file = finding2.source === void 0 ? void 0 : inputOf(finding2.source);
    if (!fileOf.has(finding2.address)) fileOf.set(finding2.address, file);
    else if (fileOf.get(finding2.address) !== file) several.add(finding2.address);
  }
  return several;
}
function sortFindings(findings, summary) {
  return findings.map((finding2, index) => ({
    finding: finding2,
    index,
    blocking: Number(isBlocking(finding2, summary)),
    rank: severityRank(finding2.severity)
  })).sort((a, b) => {
    const block = b.blocking - a.blocking;
    if (block !== 0) return block;
    const sev = a.rank - b.rank;
    if (sev !== 0) return sev;
    return compare(a.finding.control, b.finding.control) || compare(a.finding.address, b.finding.address) || compare(a.finding.attribute ?? "", b.finding.attribute ?? "") || a.index - b.index;
  }).map(({ finding: finding2 }) => finding2);
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function groupBy(items, key) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// action/report/junit.ts
function xmlEscape(value, attribute2 = false) {
  const legal = value.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    ""
  );
  const escaped = legal.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  return attribute2 ? escaped.replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;") : escaped;
}
function attrs(values) {
  return Object.entries(values).filter((entry) => entry[1] !== void 0).map(([key, value]) => ` ${key}="${xmlEscape(String(value), true)}"`).join("");
}
function renderJunit(report) {
  const controls = controlsWithFindings(report.controls, report.findings);
  const byControl = groupBy(report.findings, (finding2) => finding2.control);
  const ambiguous = addressesInSeveralFiles(report.findings, report.sharedAddresses);
  const suites = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const control of controls) {
    const findings = byControl.get(control.id) ?? [];
    const suiteFailures = findings.filter((finding2) => finding2.status === "fail").length;
    const suiteSkipped = findings.length - suiteFailures;
    const suiteTests = Math.max(findings.length, 1);
    tests += suiteTests;
    failures += suiteFailures;
    skipped += suiteSkipped;
    const cases = findings.length === 0 ? [passingCase(control)] : findings.map((finding2) => findingCase(control, finding2, ambiguous));
    suites.push(
      [
        `  <testsuite${attrs({
          name: `${control.id} ${control.title}`,
          tests: suiteTests,
          failures: suiteFailures,
          errors: 0,
          skipped: suiteSkipped
        })}>`,
        "    <properties>",
        `      <property${attrs({ name: "severity", value: control.severity })}/>`,
        `      <property${attrs({ name: "scope", value: control.scope })}/>`,
        `      <property${attrs({ name: "frameworks", value: frameworkTags(control.frameworks).join(" ") })}/>`,
        `      <property${attrs({ name: "origin", value: control.origin })}/>`,
        "    </properties>",
        ...cases,
        "  </testsuite>"
      ].join("\n")
    );
  }
  const header = `<testsuites${attrs({
    name: report.tool.name,
    tests,
    failures,
    errors: 0,
    skipped
  })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', header, ...suites, "</testsuites>", ""].join("\n");
}
function passingCase(control) {
  return `    <testcase${attrs({ classname: control.id, name: `${control.id}: no findings` })}/>`;
}
function findingCase(control, finding2, ambiguous) {
  const open = `    <testcase${attrs({
    classname: control.id,
    name: location(finding2, ambiguous),
    file: finding2.source?.file,
    line: finding2.source?.line
  })}>`;
  const context = [
    finding2.server === void 0 ? void 0 : `server: ${finding2.server}`,
    finding2.tool === void 0 ? void 0 : `tool: ${finding2.tool}`
  ].filter((line) => line !== void 0);
  if (finding2.status === "fail") {
    const body = [
      finding2.message,
      `address: ${location(finding2, ambiguous)}`,
      ...context,
      `fix: ${finding2.fix}`,
      `frameworks: ${frameworkTags(finding2.frameworks).join(", ")}`
    ].join("\n");
    return [
      open,
      `      <failure${attrs({ type: finding2.severity, message: finding2.message })}>${xmlEscape(body)}</failure>`,
      "    </testcase>"
    ].join("\n");
  }
  let reason;
  if (finding2.status === "waived") {
    reason = finding2.waiver ? `waived by ${finding2.waiver.owner} until ${finding2.waiver.expires}: ${finding2.waiver.reason}` : "waived";
  } else {
    const refs = finding2.refs && finding2.refs.length > 0 ? finding2.refs.join(", ") : "not known";
    reason = `unknown until apply, decided by: ${refs}`;
  }
  return [
    open,
    `      <skipped${attrs({ message: `${reason} (${finding2.message})` })}/>`,
    "    </testcase>"
  ].join("\n");
}

// action/report/markdown.ts
function md(value) {
  if (escapedText.size > 5e4) escapedText.clear();
  return getOrMake(escapedText, value, escapeMarkdown);
}
var escapedText = /* @__PURE__ */ new Map();
function escapeMarkdown(value) {
  return oneLine(value).replace(/[\\`*_[\]~|$]/g, (char) => `\\${char}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/(^|[^\w])@/g, "$1@\u200B");
}
function mdCode(value) {
  return `<code>${md(value)}</code>`;
}
var STATUS_ORDER = { fail: 0, unknown: 1, waived: 2 };
function renderMarkdown(report, options = {}) {
  const full = build(report, { servers: true, details: true });
  const max = options.maxLength;
  if (max === void 0 || full.length <= max) return full;
  const ranked = rankFindings(report);
  const pointer = (hidden) => pointerLine(hidden, report.findings.length, options.detailsUrl);
  const attempt = (count, servers, details) => {
    const shown = new Set(ranked.slice(0, count));
    const text = `${build(report, { shown, servers, details })}${pointer(ranked.length - count)}`;
    return text.length <= max ? text : void 0;
  };
  for (const [servers, details] of [
    [true, true],
    [true, false],
    [false, false]
  ]) {
    if (attempt(0, servers, details) === void 0) continue;
    let low = 0;
    let high = ranked.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (attempt(mid, servers, details) !== void 0) low = mid;
      else high = mid - 1;
    }
    for (let count = low; count >= 0; count--) {
      const text = attempt(count, servers, details);
      if (text !== void 0) return text;
    }
  }
  const tail = pointer(report.findings.length);
  const head = headSection(report);
  if (head.length + tail.length <= max) return head + tail;
  if (tail.length < max) return truncate(head, max - tail.length) + tail;
  return truncate(head, max);
}
function truncate(text, max) {
  if (max <= 0) return "";
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const newline = cut.lastIndexOf("\n");
  if (newline > 0) cut = cut.slice(0, newline + 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 55296 && last <= 56319) cut = cut.slice(0, -1);
  return cut;
}
function pointerLine(hidden, total, detailsUrl) {
  const where = safeUrl(detailsUrl) ? `[Full report](${safeUrl(detailsUrl)})` : "The full report is in the job log and the JSON/SARIF output";
  const what = hidden === 0 ? "apply-time and waiver detail left out" : `${hidden} of ${plural(total, "finding")} not shown in detail`;
  return `
---
\u2702\uFE0F Trimmed to fit: ${what}. ${where}.
`;
}
function safeUrl(url) {
  if (url === void 0 || !/^https?:\/\/[^\s]+$/i.test(url)) return void 0;
  return encodeURI(decodeURISafe(url)).replace(/\(/g, "%28").replace(/\)/g, "%29");
}
function decodeURISafe(url) {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
function rankFindings(report) {
  const summary = report.summary;
  return [...report.findings].sort(
    (a, b) => Number(isBlocking(b, summary)) - Number(isBlocking(a, summary)) || severityRank(a.severity) - severityRank(b.severity) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compare(a.control, b.control) || compare(a.address, b.address) || compare(a.attribute ?? "", b.attribute ?? "")
  );
}
function build(report, plan) {
  const parts = [headSection(report)];
  if (plan.servers) parts.push(serverSection(report));
  parts.push(findingSection(report, plan));
  if (plan.details) {
    parts.push(unknownSection(report, plan.shown));
    parts.push(waiverSection(report));
  } else {
    parts.push(compactTail(report));
  }
  return parts.filter((part) => part !== "").join("\n");
}
function headSection(report) {
  const s = report.summary;
  const threshold = `fail-on: ${s.failOn}${s.unknownBlocks ? ", unknown values block" : ""}`;
  const verdict = s.verdict === "fail" ? `## \u274C mcp-nhi-guard: FAIL

**${plural(s.blocking, "blocking finding")}**${s.failOn === "never" ? "" : ` at or above **${s.failOn}**`} (${threshold}).` : `## \u2705 mcp-nhi-guard: PASS

${s.failOn === "never" ? "Nothing blocks" : `No blocking findings at or above **${s.failOn}**`} (${threshold}).`;
  const checked = `Checked ${plural(report.inputs.length, "input")} (${plural(s.resources, "resource")}, scope \`${report.scope}\`): ${plural(s.servers, "server")}, ${plural(s.tools, "tool")}, ${plural(s.identities, "identity", "identities")}.`;
  const counts = `Findings: ${s.counts.fail} fail, ${s.counts.unknown} unknown, ${s.counts.waived} waived \xB7 critical ${s.bySeverity.critical}, high ${s.bySeverity.high}, medium ${s.bySeverity.medium}, low ${s.bySeverity.low}.`;
  const notes2 = (s.notes ?? []).map((note) => `> [!NOTE]
> ${md(note)}
`).join("\n");
  return `${verdict}

${checked}
${counts}
${notes2 === "" ? "" : `
${notes2}`}`;
}
function serverSection(report) {
  const summary = report.summary;
  const names = report.inventory.servers.map((server) => server.name);
  const named = new Set(names);
  for (const finding2 of report.findings) {
    if (finding2.server !== void 0 && !named.has(finding2.server)) {
      names.push(finding2.server);
      named.add(finding2.server);
    }
  }
  if (names.length === 0) return "";
  const servers = firstBy(report.inventory.servers, (server) => server.name);
  const toolsByServer = groupBy(report.inventory.tools, (tool) => tool.server);
  const findingsByServer = groupBy(report.findings, (finding2) => finding2.server);
  const sessionCeilings = firstBy(report.inventory.identities, (identity) => identity.address);
  const counts = (findings) => {
    const blocking = findings.filter((f) => isBlocking(f, summary)).length;
    return { blocking, other: findings.length - blocking };
  };
  const identities = (addresses) => addresses.length === 0 ? "\u2014" : addresses.map(mdCode).join("<br>");
  const sessions = (addresses) => addresses.length === 0 ? "\u2014" : addresses.map((address) => sessionCell(sessionCeilings.get(address)?.maxSessionSeconds)).join("<br>");
  const out = ["### Servers", ""];
  for (const name of names) {
    const server = servers.get(name);
    const findings = findingsByServer.get(name) ?? [];
    const inventoryTools = toolsByServer.get(name) ?? [];
    const tools = firstBy(inventoryTools, (tool) => tool.name);
    const toolNames = inventoryTools.map((tool) => tool.name);
    const listed = new Set(toolNames);
    for (const finding2 of findings) {
      if (finding2.tool !== void 0 && !listed.has(finding2.tool)) {
        toolNames.push(finding2.tool);
        listed.add(finding2.tool);
      }
    }
    const findingsByTool = groupBy(findings, (finding2) => finding2.tool);
    const own = counts(findingsByTool.get(void 0) ?? []);
    out.push(
      `#### Server ${mdCode(name)}`,
      "",
      "| Tool | Identities | Blocking findings | Other findings | Session ceiling |"
    );
    out.push("|---|---|--:|--:|---|");
    out.push(
      `| _server itself_ | ${identities(server?.identities ?? [])} | ${mark(own.blocking)} | ${own.other} | ${sessions(
        server?.identities ?? []
      )} |`
    );
    for (const toolName of toolNames) {
      const tool = tools.get(toolName);
      const c = counts(findingsByTool.get(toolName) ?? []);
      out.push(
        `| ${md(toolName)} | ${identities(tool?.identities ?? [])} | ${mark(c.blocking)} | ${c.other} | ${sessions(
          tool?.identities ?? []
        )} |`
      );
    }
    out.push("");
  }
  const unattributed = counts(findingsByServer.get(void 0) ?? []);
  if (unattributed.blocking + unattributed.other > 0) {
    out.push(
      `Not attributed to any server: ${plural(unattributed.blocking, "blocking finding")}, ${unattributed.other} other.`,
      ""
    );
  }
  return out.join("\n");
}
function firstBy(items, key) {
  const first = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    if (!first.has(k)) first.set(k, item);
  }
  return first;
}
function sessionCell(seconds) {
  if (seconds === void 0 || seconds === null) return "\u2014";
  if (typeof seconds !== "number") return "\u23F3 after apply";
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
function mark(blocking) {
  return blocking > 0 ? `\u274C ${blocking}` : "0";
}
function statusCell(finding2, summary) {
  if (finding2.status === "waived") return `\u{1F4A4} waived (${finding2.severity})`;
  if (finding2.status === "unknown") {
    return `\u23F3 unknown (${finding2.severity})${isBlocking(finding2, summary) ? ", blocking" : ""}`;
  }
  return isBlocking(finding2, summary) ? `\u274C **${finding2.severity}**` : `\u26A0\uFE0F ${finding2.severity}`;
}
var SEVERITY_ICON = { critical: "\u{1F534}", high: "\u{1F7E0}", medium: "\u{1F7E1}", low: "\u{1F535}" };
function blockingOf(summary) {
  const known = /* @__PURE__ */ new Map();
  return (finding2) => {
    let blocking = known.get(finding2);
    if (blocking === void 0) {
      blocking = isBlocking(finding2, summary);
      known.set(finding2, blocking);
    }
    return blocking;
  };
}
function findingSection(report, plan) {
  if (report.findings.length === 0) return "### Findings\n\nNo findings. \u{1F389}\n";
  const summary = report.summary;
  const controls = new Map(
    controlsWithFindings(report.controls, report.findings).map((control) => [control.id, control])
  );
  const byControl = groupBy(report.findings, (finding2) => finding2.control);
  const blocks2 = blockingOf(summary);
  const ordered = [...byControl.entries()].map(([id, findings]) => ({
    control: controls.get(id),
    findings: findings.sort(
      (a, b) => Number(blocks2(b)) - Number(blocks2(a)) || severityRank(a.severity) - severityRank(b.severity) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compare(a.address, b.address) || compare(a.attribute ?? "", b.attribute ?? "")
    )
  })).map((group) => ({
    ...group,
    blocking: group.findings.filter(blocks2).length,
    rank: Math.min(...group.findings.map((f) => severityRank(f.severity)))
  })).sort(
    (a, b) => Number(b.blocking > 0) - Number(a.blocking > 0) || a.rank - b.rank || b.blocking - a.blocking || compare(a.control.id, b.control.id)
  );
  const out = ["### Findings by control", ""];
  const ambiguous = addressesInSeveralFiles(report.findings, report.sharedAddresses);
  const hidden = [];
  for (const group of ordered) {
    const rows = plan.shown ? group.findings.filter((f) => plan.shown?.has(f)) : group.findings;
    if (rows.length === 0) {
      hidden.push(group);
      continue;
    }
    const { control } = group;
    const severity = control.severity;
    out.push(`#### ${SEVERITY_ICON[severity]} ${md(control.id)}: ${md(control.title)}`);
    const tags = frameworkTags(control.frameworks).map(md).join(", ");
    out.push(
      "",
      `Severity **${severity}** \xB7 ${plural(group.findings.length, "finding")}, ${group.blocking} blocking${tags ? ` \xB7 ${tags}` : ""}`,
      "",
      "| Status | Address | Attribute | Server / tool | Message |",
      "|---|---|---|---|---|"
    );
    for (const finding2 of rows) {
      const owner = finding2.server === void 0 ? "\u2014" : `${md(finding2.server)}${finding2.tool === void 0 ? "" : ` / ${md(finding2.tool)}`}`;
      let message = md(finding2.message);
      if (finding2.unchanged) message += "<br>_Unchanged by this plan: there before this change._";
      if (finding2.status === "unknown" && finding2.refs && finding2.refs.length > 0) {
        message += `<br>Decided at apply by ${finding2.refs.map(mdCode).join(", ")}`;
      }
      if (finding2.status === "waived" && finding2.waiver) {
        message += `<br>Waived by ${md(finding2.waiver.owner)} until ${md(finding2.waiver.expires)}: ${md(
          finding2.waiver.reason
        )}`;
      }
      out.push(
        `| ${statusCell(finding2, summary)} | ${mdCode(finding2.address)}${ambiguous.has(finding2.address) && finding2.source ? ` in ${mdCode(inputOf(finding2.source))}` : ""} | ${finding2.attribute ? mdCode(finding2.attribute) : "\u2014"} | ${owner} | ${message} |`
      );
    }
    if (rows.length < group.findings.length) {
      out.push("", `_\u2026and ${group.findings.length - rows.length} more not shown._`);
    }
    const fixes = [...new Set([control.fix, ...rows.map((f) => f.fix)].filter((fix) => fix.trim() !== ""))];
    if (fixes.length === 1) out.push("", `**Fix:** ${md(fixes[0] ?? "")}`);
    else if (fixes.length > 1) {
      out.push("", "**Fix:**", ...fixes.slice(0, 10).map((fix) => `- ${md(fix)}`));
      if (fixes.length > 10) out.push(`- _\u2026and ${fixes.length - 10} more_`);
    }
    out.push("");
  }
  if (hidden.length > 0) {
    out.push(
      plan.shown && hidden.length < ordered.length ? "Not shown in detail:" : "Counts per control:",
      "",
      "| Control | Severity | Findings | Blocking |",
      "|---|---|--:|--:|",
      ...hidden.map(
        (group) => `| ${md(group.control.id)}: ${md(group.control.title)} | ${group.control.severity} | ${group.findings.length} | ${mark(group.blocking)} |`
      ),
      ""
    );
  }
  return out.join("\n");
}
function unknownSection(report, shown) {
  const all = report.findings.filter((finding2) => finding2.status === "unknown");
  if (all.length === 0) return "";
  const unknown = shown ? all.filter((finding2) => shown.has(finding2)) : all;
  const consequence = report.summary.unknownBlocks ? "The policy says `unknown: block`, so they block like failures." : "They do not block; set `unknown: block` in the policy to make them block.";
  const byRef = /* @__PURE__ */ new Map();
  for (const finding2 of unknown) {
    const refs = finding2.refs && finding2.refs.length > 0 ? finding2.refs : ["(not known)"];
    for (const ref of refs) {
      const controls = byRef.get(ref) ?? /* @__PURE__ */ new Set();
      controls.add(finding2.control);
      byRef.set(ref, controls);
    }
  }
  const rows = [...byRef.entries()].sort(([a], [b]) => compare(a, b)).map(([ref, controls]) => `| ${mdCode(ref)} | ${[...controls].sort().map(md).join(", ")} |`);
  return [
    `### \u23F3 Decided at apply time (${all.length})`,
    "",
    `These findings depend on values Terraform only knows after apply. ${consequence}`,
    "",
    ...rows.length > 0 ? ["| Resource that supplies the value | Controls |", "|---|---|", ...rows, ""] : [],
    ...unknown.length < all.length ? [`_Not shown: the resources behind ${all.length - unknown.length} of these findings._`, ""] : []
  ].join("\n");
}
function waiverSection(report) {
  const { applied, expired, unused } = report.summary.waivers;
  if (applied.length + expired.length + unused.length === 0) return "";
  const out = ["### Waivers", ""];
  const table = (title, uses, dateLabel) => {
    if (uses.length === 0) return;
    out.push(
      `**${title}** (${uses.length})`,
      "",
      `| Control | Address | Owner | ${dateLabel} | Reason |`,
      "|---|---|---|---|---|",
      ...uses.map(
        (use) => `| ${md(use.control)} | ${mdCode(use.address)} | ${md(use.owner)} | ${md(use.expires)} | ${md(use.reason)} |`
      ),
      ""
    );
  };
  table("Applied", applied, "Expires");
  table("Expired: no longer applied, renew or fix", expired, "Expired");
  table("Unused: matched nothing, remove them", unused, "Expires");
  return out.join("\n");
}
function compactTail(report) {
  const { applied, expired, unused } = report.summary.waivers;
  const lines = [];
  if (report.summary.counts.unknown > 0) {
    lines.push(
      `${plural(report.summary.counts.unknown, "finding")} depend on values known only after apply (${report.summary.unknownBlocks ? "blocking" : "not blocking"}).`
    );
  }
  if (applied.length + expired.length + unused.length > 0) {
    lines.push(`Waivers: ${applied.length} applied, ${expired.length} expired, ${unused.length} unused.`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}

// action/redact.ts
var MARKER = "[redacted]";
var MIN_SECRET_LENGTH = 6;
var CREDENTIAL_SHAPES = [
  ["\\b", "(?:AKIA|ASIA)[A-Z0-9]{16}", "\\b"],
  ["\\b", "gh[pousr]_[A-Za-z0-9]{36}", "[A-Za-z0-9]*\\b"],
  ["\\b", "github_pat_\\w{22}", "\\w*"],
  ["\\b", "xox[abprs]-[\\w-]{10}", "[\\w-]*"],
  ["\\b", "sk-(?:ant-)?[\\w-]{20}", "[\\w-]*"],
  ["\\b", "sk_(?:live|test)_\\w{16}", "\\w*"],
  ["\\b", "glpat-[\\w-]{20}", "[\\w-]*"],
  ["\\b", "AIza[\\w-]{35}", ""],
  ["\\b", "eyJ[\\w-]{8}", "[\\w-]*\\.eyJ[\\w-]{8,}\\.[\\w-]+"],
  [
    "",
    "-----BEGIN",
    // The body holds no `-----`: a search stops at the next header instead of running to the
    // end of the text from every BEGIN (quadratic on a text of BEGINs without an END).
    "[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----))*-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----"
  ]
];
var HEAD_MAX_LENGTH = 40;
var CREDENTIAL_PATTERNS = new RegExp(
  CREDENTIAL_SHAPES.map(([boundary, head, tail]) => boundary + head + tail).join("|"),
  "g"
);
var HEADS = CREDENTIAL_SHAPES.map(([boundary, head]) => boundary + head).join("|");
var BARE_HEADS = CREDENTIAL_SHAPES.map(([, head]) => head).join("|");
var MAX_PART_REACH = 4096;
var MAX_PATTERN_SECRET = 1024;
var MAX_PATTERN_SOURCE = 2e5;
function createRedactor(records) {
  const secrets = /* @__PURE__ */ new Set();
  const verdicts2 = /* @__PURE__ */ new Map();
  plainTexts = [];
  try {
    for (const record of records) collectSecrets(record, secrets, verdicts2);
    for (const part of publicArnParts(plainTexts, secrets)) secrets.delete(part);
  } finally {
    plainTexts = void 0;
  }
  for (const secret of [...secrets]) for (const variant of renderedForms(secret)) secrets.add(variant);
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  const scrubber = new Scrubber(sorted);
  return {
    size: secrets.size,
    scrub: (text) => scrubber.scrubParts([text]).join(""),
    scrubParts: (parts) => scrubber.scrubParts(parts),
    values: () => sorted
  };
}
function renderedForms(secret) {
  const forms = [
    JSON.stringify(secret).slice(1, -1),
    xmlEscape(secret),
    xmlEscape(secret, true),
    md(secret),
    oneLine(secret)
  ];
  return forms.filter((form) => form !== secret && form.length >= MIN_SECRET_LENGTH);
}
var Scrubber = class {
  /**
   * Known secrets too long or too many for one regular expression (V8 refuses a pattern past
   * some size): replaced by plain search, longest first, before the regular expression runs.
   */
  plain;
  /** Known secrets, longest first: the first pass. */
  known;
  /** A known secret (group 1) or a credential head. */
  search;
  /** A credential head, not minding word boundaries, at lastIndex. */
  headAt = new RegExp(BARE_HEADS, "y");
  /** Anything that could straddle two parts: a known secret or a head. */
  straddler;
  /** How far a straddler reaches, plus the character `\b` looks back at. */
  reach;
  constructor(all) {
    let split = 0;
    while (split < all.length && all[split].length > MAX_PATTERN_SECRET) split++;
    let size = 0;
    for (let i = split; i < all.length; i++) size += all[i].length * 2 + 1;
    while (split < all.length && size > MAX_PATTERN_SOURCE) size -= all[split++].length * 2 + 1;
    const secrets = all.slice(split);
    this.plain = all.slice(0, split);
    const known = secrets.map(escapeRegExp).join("|");
    this.known = secrets.length > 0 ? new RegExp(known, "g") : void 0;
    this.search = new RegExp(secrets.length > 0 ? `(${known})|${HEADS}` : HEADS, "g");
    this.straddler = new RegExp(secrets.length > 0 ? `${known}|${BARE_HEADS}` : BARE_HEADS, "g");
    this.reach = this.plain.length > 0 ? Number.POSITIVE_INFINITY : Math.max(secrets[0]?.length ?? 0, HEAD_MAX_LENGTH) + 1;
  }
  scrubParts(parts) {
    const nonEmpty = parts.filter((part) => part !== "");
    if (this.plain.length > 0) return [this.twoPasses(nonEmpty.join(""))];
    if (nonEmpty.length > 1 && (this.reach > MAX_PART_REACH || this.anyStraddles(nonEmpty))) {
      return [this.twoPasses(nonEmpty.join(""))];
    }
    const out = [];
    let changed = false;
    for (let i = 0; i < nonEmpty.length; i++) {
      const scrubbed = this.replaceKnown(nonEmpty[i], nonEmpty[i + 1]);
      if (scrubbed === void 0) return [this.twoPasses(nonEmpty.join(""))];
      changed ||= scrubbed !== nonEmpty[i];
      out.push(scrubbed);
    }
    return changed ? out : parts;
  }
  /** The definition. */
  twoPasses(text) {
    let withoutPlain = text;
    for (const secret of this.plain) withoutPlain = withoutPlain.split(secret).join(MARKER);
    const withoutKnown = this.known ? withoutPlain.replace(this.known, MARKER) : withoutPlain;
    return withoutKnown.replace(CREDENTIAL_PATTERNS, MARKER);
  }
  /**
   * The part with its known secrets replaced, which is all both passes would change, or
   * undefined when the second pass might find a credential: a head in the part, or right
   * after a replaced secret (where `\b` now holds), in this part or at the start of the next.
   * No head begins inside the marker or runs into it: heads hold no `[` or `]`, and none
   * begins with a letter sequence of `redacted`.
   */
  replaceKnown(part, next) {
    const search = this.search;
    search.lastIndex = 0;
    let out = "";
    let copied = 0;
    for (let match = search.exec(part); match !== null; match = search.exec(part)) {
      if (match[1] === void 0) return void 0;
      const end = match.index + match[0].length;
      out += part.slice(copied, match.index) + MARKER;
      copied = end;
      if (end < part.length ? this.startsWithHead(part, end) : next !== void 0 && this.startsWithHead(next, 0))
        return void 0;
    }
    return copied === 0 ? part : out + part.slice(copied);
  }
  startsWithHead(text, at) {
    this.headAt.lastIndex = at;
    return this.headAt.test(text);
  }
  /**
   * Whether a known secret or a head straddles a boundary between parts. None is longer than
   * `reach`, so a window of that many characters either side of each boundary shows it. Every
   * start position in the window is tried, since one match may hide another that overlaps it.
   */
  anyStraddles(parts) {
    const straddler = this.straddler;
    for (let boundary = 1; boundary < parts.length; boundary++) {
      const before = textBefore(parts, boundary, this.reach);
      const window = before + textFrom(parts, boundary, this.reach);
      straddler.lastIndex = 0;
      for (let match = straddler.exec(window); match !== null; match = straddler.exec(window)) {
        if (match.index >= before.length) break;
        if (match.index + match[0].length > before.length) return true;
        straddler.lastIndex = match.index + 1;
      }
    }
    return false;
  }
};
function textBefore(parts, index, reach) {
  let text = "";
  for (let i = index - 1; i >= 0 && text.length < reach; i--)
    text = parts[i].slice(-(reach - text.length)) + text;
  return text;
}
function textFrom(parts, index, reach) {
  let text = "";
  for (let i = index; i < parts.length && text.length < reach; i++)
    text += parts[i].slice(0, reach - text.length);
  return text;
}
function publicArnParts(plain, secrets) {
  const found = /* @__PURE__ */ new Set();
  const candidates = arnPartsOf.get(secrets);
  if (candidates === void 0 || candidates.size === 0) return found;
  const remaining = new Set(candidates);
  for (const text of plain) {
    for (const part of remaining) {
      if (text.includes(part) && occursAsName(text, part)) {
        found.add(part);
        remaining.delete(part);
      }
    }
    if (remaining.size === 0) break;
  }
  return found;
}
var plainTexts;
function occursAsName(text, part) {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const before = at === 0 ? "" : text[at - 1];
    const after = text[at + part.length] ?? "";
    if (!NAME_CHARACTER.test(before) && !NAME_CHARACTER.test(after)) return true;
  }
  return false;
}
var NAME_CHARACTER = /[\w-]/;
function collectSecrets(record, into, verdicts2) {
  if (record.sensitivePaths.length === 0 && collectUnmarked(record.values, "", into, verdicts2, 0)) return;
  collectSecretsWithMarks(record, into, verdicts2);
}
var MAX_RECURSION = 200;
function collectUnmarked(value, name, into, verdicts2, depth) {
  if (typeof value === "string") {
    if (value.length < MIN_SECRET_LENGTH) return true;
    if (secretName(name)) addSecret(value, into);
    else if (hasCredentialShape(value, verdicts2)) addCredentialHolder(value, into, verdicts2);
    else plainTexts?.push(value);
    return true;
  }
  if (typeof value !== "object" || value === null) return true;
  if (depth > MAX_RECURSION) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!collectUnmarked(value[i], name, into, verdicts2, depth + 1)) return false;
    }
    return true;
  }
  if (isUnknown(value)) {
    if (value.expression !== void 0) {
      collectExpression(value.expression, secretName(name), into, verdicts2);
    }
    return value.partial === void 0 || collectUnmarked(value.partial, name, into, verdicts2, depth + 1);
  }
  const pairName = value.name;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const childName = key === "value" && typeof pairName === "string" ? pairName : key;
    if (!collectUnmarked(value[key], childName, into, verdicts2, depth + 1)) {
      return false;
    }
  }
  return true;
}
function collectSecretsWithMarks(record, into, verdicts2) {
  const sensitivePaths = record.sensitivePaths;
  const sensitive = sensitivePaths.length > 0 ? new Set(sensitivePaths) : void 0;
  const values = [record.values];
  const names = [""];
  const marks = sensitive ? [false] : void 0;
  const paths = sensitive ? [[]] : [];
  let marked = false;
  let path;
  const push2 = (child, name, key) => {
    if (child === null || typeof child === "number" || typeof child === "boolean") return;
    values.push(child);
    names.push(name);
    if (marks === void 0) return;
    let childMarked = marked;
    let childPath;
    if (path !== void 0) {
      childPath = [...path, key];
      const text = formatPath(childPath);
      childMarked = marked || sensitive.has(text);
      if (childMarked || !sensitivePaths.some((sensitivePath) => sensitivePath.startsWith(text)))
        childPath = void 0;
    }
    marks.push(childMarked);
    paths.push(childPath);
  };
  while (values.length > 0) {
    const value = values.pop();
    const name = names.pop();
    if (marks !== void 0) {
      marked = marks.pop();
      path = paths.pop();
    }
    if (typeof value === "string") {
      if (value.length < MIN_SECRET_LENGTH) continue;
      if (marked || secretName(name)) addSecret(value, into);
      else if (hasCredentialShape(value, verdicts2)) addCredentialHolder(value, into, verdicts2);
      else plainTexts?.push(value);
    } else if (typeof value !== "object" || value === null) {
    } else if (isUnknown(value)) {
      if (value.expression !== void 0) {
        collectExpression(value.expression, marked || secretName(name), into, verdicts2);
      }
      if (value.partial !== void 0) {
        values.push(value.partial);
        names.push(name);
        if (marks !== void 0) {
          marks.push(marked);
          paths.push(path);
        }
      }
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) push2(value[index], name, index);
    } else {
      const pairName = value.name;
      for (const key of Object.keys(value)) {
        const child = value[key];
        push2(child, key === "value" && typeof pairName === "string" ? pairName : key, key);
      }
    }
  }
}
var LITERAL_TEXT = /["<]|[$%]\{/;
function collectExpression(expression, secret, into, verdicts2) {
  if (!LITERAL_TEXT.test(expression)) {
    if (secret && expression.length >= MIN_SECRET_LENGTH && !isPlainReference(expression.trim())) {
      addSecret(expression.trim(), into);
    }
    return;
  }
  for (const { text: literal, key } of splitExpression(expression).literals) {
    if (literal.length < MIN_SECRET_LENGTH) continue;
    if (!(secret || looksLikeSecretValue(key ?? "", literal) || hasCredentialShape(literal, verdicts2)))
      continue;
    addSecret(literal, into);
    const decoded = decodeEscapes(literal);
    if (decoded !== literal && decoded.length >= MIN_SECRET_LENGTH) addSecret(decoded, into);
  }
}
function decodeEscapes(literal) {
  if (!literal.includes("\\")) return literal;
  try {
    return JSON.parse(`"${literal}"`);
  } catch {
    return literal;
  }
}
function hasCredentialShape(value, verdicts2) {
  if (!hasShapeHead(value)) return credentialShape(value) !== void 0;
  let verdict = verdicts2.get(value);
  if (verdict === void 0) {
    verdict = credentialShape(value) !== void 0;
    verdicts2.set(value, verdict);
  }
  return verdict;
}
var secretNames = /* @__PURE__ */ new Map();
function secretName(key) {
  if (secretNames.size > 5e4) secretNames.clear();
  return getOrMake(secretNames, key, isSecretName);
}
function addSecret(value, into) {
  addWhole(value, into);
  addArnParts(value, into);
  const trimmed = value.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      collectJsonStrings(JSON.parse(value), into);
    } catch {
    }
  }
}
function addCredentialHolder(value, into, verdicts2) {
  addWhole(value, into);
  const trimmed = value.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return;
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    return;
  }
  if (!collectUnmarked(parsed, "", into, verdicts2, 0)) collectJsonStrings(parsed, into);
}
var ARN_IN_TEXT = /arn:[\w-]+:([\w-]*):[\w-]*:(\d{12}|aws)?:([^\s"',\]}]+)/g;
function addArnParts(value, into) {
  if (!value.includes("arn:")) return;
  const add = (part) => {
    if (into.has(part)) return;
    into.add(part);
    getOrMake(arnPartsOf, into, () => /* @__PURE__ */ new Set()).add(part);
  };
  for (const [, service, account, resource] of value.matchAll(ARN_IN_TEXT)) {
    if (account !== void 0 && account !== "aws") add(account);
    const parts = resource.split(/[:/]/);
    const first = parts.length > 1 && service !== "s3" ? 1 : 0;
    for (let i = first; i < parts.length; i++) {
      const part = parts[i];
      if (part.length >= MIN_SECRET_LENGTH && part !== "*") add(part);
    }
  }
}
var arnPartsOf = /* @__PURE__ */ new WeakMap();
function addWhole(value, into) {
  into.add(value);
  arnPartsOf.get(into)?.delete(value);
}
var POLICY_GRAMMAR_FIELDS = /* @__PURE__ */ new Set(["Version", "Effect", "Action", "NotAction", "Service"]);
function collectJsonStrings(value, into, depth = 0, policy) {
  if (depth > 64) return;
  if (typeof value === "string") {
    if (value.length >= MIN_SECRET_LENGTH) addWhole(value, into);
  } else if (typeof value === "object" && value !== null) {
    const inPolicy = policy ?? (depth === 0 && Object.hasOwn(value, "Statement"));
    for (const [key, child] of Object.entries(value)) {
      if (inPolicy && POLICY_GRAMMAR_FIELDS.has(key)) continue;
      collectJsonStrings(child, into, depth + 1, inPolicy);
    }
  }
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// action/version.ts
var VERSION = "0.1.0";

// schemas/controls/MCP-NHI-001.schema.json
var MCP_NHI_001_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-001.schema.json",
  title: "MCP-NHI-001 Each tool has its own identity",
  description: "every tool resolves to exactly one identity (AWS role, GCP service account, Azure user-assigned identity, K8s service account); no identity serves two tools or two servers; resolve through configuration references, since ARNs/emails are unknown until apply",
  "x-nhi-control": {
    id: "MCP-NHI-001",
    title: "Each tool has its own identity",
    severity: "high",
    scope: "tool",
    frameworks: {
      NHI: ["NHI9", "NHI5"],
      ASI: ["ASI03"],
      MCP: ["MCP02"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-01", "PR.AA-05"]
    },
    description: "every tool resolves to exactly one identity (AWS role, GCP service account, Azure user-assigned identity, K8s service account); no identity serves two tools or two servers; resolve through configuration references, since ARNs/emails are unknown until apply",
    fix: "Give every MCP tool its own identity (one role per tool) and never reuse an identity across tools or servers; with the constructs, declare each tool under McpServer.tools."
  },
  type: "object",
  properties: {
    tools: {
      type: "array",
      items: {
        type: "object",
        properties: {
          identities: {
            type: "array",
            minItems: 1,
            "x-nhi-message": "tool resolves to no identity; it needs exactly one of its own (one per tenant on a multi-tenant server)"
          },
          extraIdentities: {
            type: "array",
            maxItems: 0
          }
        }
      }
    },
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          tools: {
            type: "array",
            maxItems: 1,
            "x-nhi-message": "identity is shared by {count} tools ({value})"
          },
          servers: {
            type: "array",
            maxItems: 1,
            "x-nhi-message": "identity is shared by {count} servers ({value})"
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-002.schema.json
var MCP_NHI_002_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-002.schema.json",
  title: "MCP-NHI-002 No static long-lived credentials",
  description: "aws_iam_access_key, aws_iam_user_login_profile for workload users, google_service_account_key, azuread_application_password, azuread_service_principal_password, kubernetes_secret(_v1) of type kubernetes.io/service-account-token",
  "x-nhi-control": {
    id: "MCP-NHI-002",
    title: "No static long-lived credentials",
    severity: "critical",
    scope: "any",
    frameworks: {
      NHI: ["NHI7", "NHI2", "NHI4"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-01", "PR.AA-03"]
    },
    description: "aws_iam_access_key, aws_iam_user_login_profile for workload users, google_service_account_key, azuread_application_password, azuread_service_principal_password, kubernetes_secret(_v1) of type kubernetes.io/service-account-token",
    fix: "Remove the static credential. Let the workload assume a role (Lambda/ECS/EKS Pod Identity execution role, IRSA, GCP workload identity) so credentials are minted per session and expire."
  },
  type: "object",
  properties: {
    credentials: {
      type: "array",
      maxItems: 0
    }
  }
};

// schemas/controls/MCP-NHI-003.schema.json
var MCP_NHI_003_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-003.schema.json",
  title: "MCP-NHI-003 No plaintext secrets in config or environment",
  description: "secret-like names (KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL, PAT, AUTH) with literal values, or values with known credential shapes (AKIA\u2026, ghp_, github_pat_, xox?-, sk-, PEM blocks, high entropy) in Lambda environment.variables, ECS container_definitions[].environment, K8s container env[].value, ConfigMap data, Cloud Run / Container Apps env; references (secrets[].valueFrom, secret_key_ref, Key Vault refs) are fine",
  "x-nhi-control": {
    id: "MCP-NHI-003",
    title: "No plaintext secrets in config or environment",
    severity: "critical",
    scope: "any",
    frameworks: {
      NHI: ["NHI2"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-01", "PR.DS-01"]
    },
    description: "secret-like names (KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL, PAT, AUTH) with literal values, or values with known credential shapes (AKIA\u2026, ghp_, github_pat_, xox?-, sk-, PEM blocks, high entropy) in Lambda environment.variables, ECS container_definitions[].environment, K8s container env[].value, ConfigMap data, Cloud Run / Container Apps env; references (secrets[].valueFrom, secret_key_ref, Key Vault refs) are fine",
    fix: "Move the value into Secrets Manager or SSM Parameter Store and pass a reference (ECS `secrets[].valueFrom`, the secret ARN in the Lambda environment, Kubernetes `secret_key_ref`); rotate the exposed value.",
    parameters: {
      secretNamePatterns: [],
      allowNames: []
    }
  },
  type: "object",
  properties: {
    workloads: {
      type: "array",
      items: {
        type: "object",
        properties: {
          plaintextSecrets: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-004.schema.json
var MCP_NHI_004_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-004.schema.json",
  title: "MCP-NHI-004 Secret values never land in plan or state",
  description: "known literal values in aws_secretsmanager_secret_version.secret_string, aws_ssm_parameter.value (SecureString), azurerm_key_vault_secret.value, kubernetes_secret(_v1).data, AgentCore credential providers' api_key/client_secret; write-only *_wo attributes or external references pass",
  "x-nhi-control": {
    id: "MCP-NHI-004",
    title: "Secret values never land in plan or state",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI2", "NHI7"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L6"],
      CSF: ["PR.DS-01"]
    },
    description: "known literal values in aws_secretsmanager_secret_version.secret_string, aws_ssm_parameter.value (SecureString), azurerm_key_vault_secret.value, kubernetes_secret(_v1).data, AgentCore credential providers' api_key/client_secret; write-only *_wo attributes or external references pass",
    fix: "Do not write secret values through Terraform: use write-only arguments (`secret_string_wo`, `value_wo`), let the service generate the secret, or populate it out of band; rotate any value already in state."
  },
  type: "object",
  properties: {
    secrets: {
      type: "array",
      items: {
        type: "object",
        properties: {
          valueInState: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-005.schema.json
var MCP_NHI_005_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-005.schema.json",
  title: "MCP-NHI-005 Short-lived sessions",
  description: "aws_iam_role.max_session_duration \u2264 policy max (default 3600 s); K8s projected token expiration_seconds \u2264 max; no lifetime-extension org policy for MCP service accounts",
  "x-nhi-control": {
    id: "MCP-NHI-005",
    title: "Short-lived sessions",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI7"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-01", "PR.AA-03"]
    },
    description: "aws_iam_role.max_session_duration \u2264 policy max (default 3600 s); K8s projected token expiration_seconds \u2264 max; no lifetime-extension org policy for MCP service accounts",
    fix: "Lower the session ceiling (aws_iam_role.max_session_duration; AWS accepts 3600 to 43200 s) to at most the policy maximum, and have the server request short tool sessions (DurationSeconds 900 is enough for most tools).",
    parameters: {
      maxSessionSeconds: 3600
    }
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          maxSessionSeconds: {
            type: ["integer", "null"],
            maximum: {
              $data: "/parameters/maxSessionSeconds"
            },
            "x-nhi-message": "session ceiling is {value} s, above the {limit} s maximum"
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-006.schema.json
var MCP_NHI_006_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-006.schema.json",
  title: "MCP-NHI-006 Federated trust bound to exact subject and audience",
  description: "IRSA trust StringEquals on <issuer>:sub (no wildcard) and :aud; EKS Pod Identity with session tags on; GCP workload identity provider with non-empty attribute_condition; Azure federated credential with exact subject, audience api://AzureADTokenExchange",
  "x-nhi-control": {
    id: "MCP-NHI-006",
    title: "Federated trust bound to exact subject and audience",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI6", "NHI5"],
      ASI: ["ASI03"],
      MCP: ["MCP07"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-02", "PR.AA-04"]
    },
    description: "IRSA trust StringEquals on <issuer>:sub (no wildcard) and :aud; EKS Pod Identity with session tags on; GCP workload identity provider with non-empty attribute_condition; Azure federated credential with exact subject, audience api://AzureADTokenExchange",
    fix: "Bind federated trust to one exact subject and audience with StringEquals on `<issuer>:sub` and `<issuer>:aud` (no wildcards); for EKS Pod Identity allow sts:TagSession."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          federationIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-007.schema.json
var MCP_NHI_007_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-007.schema.json",
  title: "MCP-NHI-007 Least privilege: no wildcard or admin grants",
  description: "IAM statements (inline, managed, attached, aws_iam_policy_document data) with Action * or svc:*, NotAction, Resource * on write actions, privilege-escalation actions (iam:PassRole on *, iam:CreateAccessKey, iam:Attach*Policy, iam:Put*Policy, sts:AssumeRole on *); managed AdministratorAccess/PowerUserAccess/IAMFullAccess; GCP roles/owner/editor/iam.*Admin; Azure Owner/Contributor/User Access Administrator at subscription scope; K8s * verbs/resources, cluster-admin. Actions AWS only grants on * are not wildcard findings",
  "x-nhi-control": {
    id: "MCP-NHI-007",
    title: "Least privilege: no wildcard or admin grants",
    severity: "critical",
    scope: "any",
    frameworks: {
      NHI: ["NHI5"],
      ASI: ["ASI02", "ASI03"],
      MCP: ["MCP02"],
      MAESTRO: ["L3", "L6"],
      CSF: ["PR.AA-05"]
    },
    description: "IAM statements (inline, managed, attached, aws_iam_policy_document data) with Action * or svc:*, NotAction, Resource * on write actions, privilege-escalation actions (iam:PassRole on *, iam:CreateAccessKey, iam:Attach*Policy, iam:Put*Policy, sts:AssumeRole on *); managed AdministratorAccess/PowerUserAccess/IAMFullAccess; GCP roles/owner/editor/iam.*Admin; Azure Owner/Contributor/User Access Administrator at subscription scope; K8s * verbs/resources, cluster-admin. Actions AWS only grants on * are not wildcard findings",
    fix: "Grant only the actions the tool calls on the resources it needs: name actions explicitly, scope Resource to ARNs, drop NotAction/NotResource and admin managed policies, and never grant IAM write or sts:AssumeRole on `*`."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          broadGrants: {
            type: "array",
            maxItems: 0
          },
          escalationGrants: {
            type: "array",
            maxItems: 0
          }
        }
      }
    },
    policies: {
      type: "array",
      items: {
        type: "object",
        properties: {
          broadGrants: {
            type: "array",
            maxItems: 0
          },
          escalationGrants: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-008.schema.json
var MCP_NHI_008_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-008.schema.json",
  title: "MCP-NHI-008 Privilege ceiling on tool identities",
  description: "AWS permissions_boundary on every tool role; GCP deny / principal access boundary policy; Azure role assignment condition on data-plane roles",
  "x-nhi-control": {
    id: "MCP-NHI-008",
    title: "Privilege ceiling on tool identities",
    severity: "medium",
    scope: "tool",
    frameworks: {
      NHI: ["NHI5"],
      ASI: ["ASI03"],
      MCP: ["MCP02"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-05"]
    },
    description: "AWS permissions_boundary on every tool role; GCP deny / principal access boundary policy; Azure role assignment condition on data-plane roles",
    fix: "Attach a permissions boundary to every tool role (aws_iam_role.permissions_boundary) so no later policy can raise it above the ceiling."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        if: {
          type: "object",
          required: ["tool"],
          properties: {
            tool: {
              type: "string"
            }
          }
        },
        then: {
          type: "object",
          properties: {
            hasPermissionsBoundary: {
              const: true,
              "x-nhi-message": "tool identity has no permissions boundary"
            }
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-009.schema.json
var MCP_NHI_009_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-009.schema.json",
  title: "MCP-NHI-009 Trust and delegation are scoped",
  description: "any role: trust names specific principals (no * principal, no bare account root without conditions); a tool role: trust names only its server's identity (no other server); sts:TagSession with required aws:RequestTag/\u2026 and sts:SourceIdentity; sts:ExternalId across accounts; the server may assume only its own tools' roles; GCP serviceAccountTokenCreator granted on the tool SA to the server SA only",
  "x-nhi-control": {
    id: "MCP-NHI-009",
    title: "Trust and delegation are scoped",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI5", "NHI9", "NHI10"],
      ASI: ["ASI03", "ASI07"],
      MCP: ["MCP02"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-04", "PR.AA-05"]
    },
    description: "any role: trust names specific principals (no * principal, no bare account root without conditions); a tool role: trust names only its server's identity (no other server); sts:TagSession with required aws:RequestTag/\u2026 and sts:SourceIdentity; sts:ExternalId across accounts; the server may assume only its own tools' roles; GCP serviceAccountTokenCreator granted on the tool SA to the server SA only",
    fix: "Name exact principals in trust policies (the server's role for a tool role), require sts:ExternalId across accounts, and require session tags (sts:TagSession with aws:RequestTag conditions) and sts:SourceIdentity on tool roles."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          trustIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-010.schema.json
var MCP_NHI_010_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-010.schema.json",
  title: "MCP-NHI-010 Authenticated endpoint with audience binding",
  description: "aws_lambda_function_url.authorization_type not NONE; AgentCore gateway authorizer with non-empty allowed_audience; API Gateway routes with an authorizer; Cloud Run not invokable by allUsers; K8s ingress/service exposure noted",
  "x-nhi-control": {
    id: "MCP-NHI-010",
    title: "Authenticated endpoint with audience binding",
    severity: "critical",
    scope: "server",
    frameworks: {
      NHI: ["NHI4"],
      ASI: ["ASI03", "ASI07"],
      MCP: ["MCP07"],
      MAESTRO: ["L4", "L6"],
      CSF: ["PR.AA-03", "PR.AA-04"]
    },
    description: "aws_lambda_function_url.authorization_type not NONE; AgentCore gateway authorizer with non-empty allowed_audience; API Gateway routes with an authorizer; Cloud Run not invokable by allUsers; K8s ingress/service exposure noted",
    fix: "Require authentication on every MCP endpoint: function URL authorization_type AWS_IAM, an API Gateway authorizer, or an AgentCore gateway JWT authorizer with allowed_audience set."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          endpointIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-011.schema.json
var MCP_NHI_011_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-011.schema.json",
  title: "MCP-NHI-011 No token passthrough",
  description: "each upstream target has its own outbound credential (AgentCore target credential provider, tool role); no configuration forwards the client's Authorization header upstream",
  "x-nhi-control": {
    id: "MCP-NHI-011",
    title: "No token passthrough",
    severity: "critical",
    scope: "server",
    frameworks: {
      NHI: ["NHI4", "NHI5"],
      ASI: ["ASI03"],
      MCP: ["MCP07", "MCP01"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-04", "PR.AA-05"]
    },
    description: "each upstream target has its own outbound credential (AgentCore target credential provider, tool role); no configuration forwards the client's Authorization header upstream",
    fix: "Give each upstream target its own outbound credential (an AgentCore credential provider or the tool's role) and never forward the client's Authorization header upstream."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          passthroughIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-012.schema.json
var MCP_NHI_012_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-012.schema.json",
  title: "MCP-NHI-012 Minimal outbound scopes per tool",
  description: "OAuth scopes on outbound credentials are declared per tool, non-empty, and contain no omnibus scope (*, all, admin, full-access)",
  "x-nhi-control": {
    id: "MCP-NHI-012",
    title: "Minimal outbound scopes per tool",
    severity: "high",
    scope: "tool",
    frameworks: {
      NHI: ["NHI5", "NHI3"],
      ASI: ["ASI02", "ASI03"],
      MCP: ["MCP02"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-05"]
    },
    description: "OAuth scopes on outbound credentials are declared per tool, non-empty, and contain no omnibus scope (*, all, admin, full-access)",
    fix: "Declare the OAuth scopes each tool needs, per tool and non-empty, without omnibus scopes such as `*`, `all`, `admin` or `full-access`.",
    parameters: {
      omnibusScopes: ["*", "all", "admin", "full-access", "full_access", "root"]
    }
  },
  type: "object",
  properties: {
    tools: {
      type: "array",
      items: {
        type: "object",
        properties: {
          scopeIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-013.schema.json
var MCP_NHI_013_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-013.schema.json",
  title: "MCP-NHI-013 Request-time authorization is enforced per tool",
  description: "a policy engine guards every tool (Amazon Verified Permissions policy store with STRICT validation, or AgentCore policy engine in ENFORCE mode), at least one policy per tool, no unconditional permit(principal, action, resource);",
  "x-nhi-control": {
    id: "MCP-NHI-013",
    title: "Request-time authorization is enforced per tool",
    severity: "high",
    scope: "server",
    frameworks: {
      NHI: ["NHI5"],
      ASI: ["ASI02", "ASI03"],
      MCP: ["MCP02", "MCP07"],
      MAESTRO: ["L3", "L6"],
      CSF: ["PR.AA-05", "GV.PO-01"]
    },
    description: "a policy engine guards every tool (Amazon Verified Permissions policy store with STRICT validation, or AgentCore policy engine in ENFORCE mode), at least one policy per tool, no unconditional permit(principal, action, resource);",
    fix: "Guard every tool with a policy engine: an Amazon Verified Permissions policy store with STRICT validation and at least one conditional Cedar policy per tool (or an AgentCore policy engine in ENFORCE mode)."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          authorizationIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-014.schema.json
var MCP_NHI_014_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-014.schema.json",
  title: "MCP-NHI-014 Context-aware rules for sensitive tools",
  description: "tools marked sensitive or write-capable need conditions on caller context (Cedar when on principal/context attributes, IAM ABAC aws:PrincipalTag/aws:ResourceTag conditions)",
  "x-nhi-control": {
    id: "MCP-NHI-014",
    title: "Context-aware rules for sensitive tools",
    severity: "medium",
    scope: "tool",
    frameworks: {
      NHI: ["NHI5"],
      ASI: ["ASI01", "ASI02", "ASI09"],
      MCP: ["MCP06"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-05"]
    },
    description: "tools marked sensitive or write-capable need conditions on caller context (Cedar when on principal/context attributes, IAM ABAC aws:PrincipalTag/aws:ResourceTag conditions)",
    fix: "Add caller-context conditions to the grants of sensitive or write-capable tools (aws:PrincipalTag/aws:ResourceTag conditions, or a Cedar `when` on principal/context attributes)."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        if: {
          type: "object",
          required: ["tool", "sensitive"],
          properties: {
            tool: {
              type: "string"
            },
            sensitive: {
              const: true
            }
          }
        },
        then: {
          type: "object",
          properties: {
            hasContextConditions: {
              const: true,
              "x-nhi-message": "sensitive tool identity grants writes without any caller-context condition"
            }
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-015.schema.json
var MCP_NHI_015_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-015.schema.json",
  title: "MCP-NHI-015 Tenant isolation on multi-tenant servers",
  description: "a server declared multi-tenant scopes every tool grant by tenant (${aws:PrincipalTag/tenant} in resources or conditions, or one identity per tenant), and its trust requires the tenant session tag",
  "x-nhi-control": {
    id: "MCP-NHI-015",
    title: "Tenant isolation on multi-tenant servers",
    severity: "high",
    scope: "server",
    frameworks: {
      NHI: ["NHI8", "NHI9"],
      ASI: ["ASI03", "ASI06"],
      MCP: ["MCP10"],
      MAESTRO: ["L3", "L7"],
      CSF: ["PR.AA-05", "PR.DS-10"]
    },
    description: "a server declared multi-tenant scopes every tool grant by tenant (${aws:PrincipalTag/tenant} in resources or conditions, or one identity per tenant), and its trust requires the tenant session tag",
    fix: "Scope every grant of a multi-tenant server by tenant (`${aws:PrincipalTag/tenant}` in resources or conditions, or one identity per tenant) and require the tenant session tag in the trust policy."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          tenantIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    },
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          tenantIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-017.schema.json
var MCP_NHI_017_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-017.schema.json",
  title: "MCP-NHI-017 No human use of workload identities",
  description: "trust policies and impersonation grants name no IAM users, SSO roles, account root, user:/group: members",
  "x-nhi-control": {
    id: "MCP-NHI-017",
    title: "No human use of workload identities",
    severity: "high",
    scope: "any",
    frameworks: {
      NHI: ["NHI10"],
      ASI: ["ASI03", "ASI09"],
      MCP: ["MCP07"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-01", "PR.AA-05"]
    },
    description: "trust policies and impersonation grants name no IAM users, SSO roles, account root, user:/group: members",
    fix: "Remove IAM users, account root, SSO roles and SAML principals from the trust of workload identities; humans get their own roles."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          humanPrincipals: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-018.schema.json
var MCP_NHI_018_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-018.schema.json",
  title: "MCP-NHI-018 Environments do not share identities",
  description: "an identity is not used by resources tagged with different environments; prod trust does not trust non-prod issuers or accounts",
  "x-nhi-control": {
    id: "MCP-NHI-018",
    title: "Environments do not share identities",
    severity: "medium",
    scope: "any",
    frameworks: {
      NHI: ["NHI8"],
      ASI: ["ASI03"],
      MCP: ["MCP09"],
      MAESTRO: ["L4"],
      CSF: ["PR.IR-01", "PR.AA-05"]
    },
    description: "an identity is not used by resources tagged with different environments; prod trust does not trust non-prod issuers or accounts",
    fix: "Give each environment its own identity; do not let prod identities trust non-prod issuers or accounts."
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          environments: {
            type: "array",
            maxItems: 1,
            "x-nhi-message": "identity is used by {count} environments ({value})"
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-019.schema.json
var MCP_NHI_019_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-019.schema.json",
  title: "MCP-NHI-019 Every identity has an owner and a review date",
  description: "owner and review-by tags present (mcp-nhi:owner, mcp-nhi:review-by, or the policy's names), review-by not past; tool identities that no declared tool claims are reported as orphans",
  "x-nhi-control": {
    id: "MCP-NHI-019",
    title: "Every identity has an owner and a review date",
    severity: "medium",
    scope: "tool",
    frameworks: {
      NHI: ["NHI1"],
      ASI: ["ASI10"],
      MCP: ["MCP09"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-01"]
    },
    description: "owner and review-by tags present (mcp-nhi:owner, mcp-nhi:review-by, or the policy's names), review-by not past; tool identities that no declared tool claims are reported as orphans",
    fix: "Tag every tool identity with an owner and a review-by date (mcp-nhi:owner, mcp-nhi:review-by, or the policy's tag names), review it before that date, and remove tool identities no declared tool uses.",
    parameters: {
      requiredTags: []
    }
  },
  type: "object",
  properties: {
    identities: {
      type: "array",
      items: {
        allOf: [
          {
            if: {
              type: "object",
              required: ["tool"],
              properties: {
                tool: {
                  type: "string"
                }
              }
            },
            then: {
              type: "object",
              properties: {
                owner: {
                  type: "string",
                  minLength: 1,
                  "x-nhi-message": "tool identity has no owner tag"
                },
                reviewBy: {
                  type: "string",
                  minLength: 1,
                  "x-nhi-message": "tool identity has no review-by tag"
                },
                reviewOverdue: {
                  const: false,
                  "x-nhi-message": "review-by date has passed or is not a YYYY-MM-DD date"
                },
                missingTags: {
                  type: "array",
                  maxItems: 0,
                  "x-nhi-message": "tool identity lacks the tags the policy requires: {value}"
                }
              }
            }
          },
          {
            type: "object",
            properties: {
              orphan: {
                const: false,
                "x-nhi-message": "identity carries a tool tag, but no declared tool claims it (orphan)"
              }
            }
          }
        ]
      }
    }
  }
};

// schemas/controls/MCP-NHI-020.schema.json
var MCP_NHI_020_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-020.schema.json",
  title: "MCP-NHI-020 Unavoidable secrets are vaulted and rotated",
  description: "Secrets Manager secrets with a customer key and a rotation schedule \u2264 policy days; GCP secret rotation period; Key Vault secret expiration",
  "x-nhi-control": {
    id: "MCP-NHI-020",
    title: "Unavoidable secrets are vaulted and rotated",
    severity: "medium",
    scope: "any",
    frameworks: {
      NHI: ["NHI7", "NHI2"],
      ASI: ["ASI03"],
      MCP: ["MCP01"],
      MAESTRO: ["L6"],
      CSF: ["PR.AA-01", "PR.DS-01"]
    },
    description: "Secrets Manager secrets with a customer key and a rotation schedule \u2264 policy days; GCP secret rotation period; Key Vault secret expiration",
    fix: "Encrypt unavoidable secrets with a customer-managed key and rotate them on a schedule no longer than the policy's rotationDays.",
    parameters: {
      rotationDays: 90
    }
  },
  type: "object",
  properties: {
    secrets: {
      type: "array",
      items: {
        type: "object",
        properties: {
          rotationIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-022.schema.json
var MCP_NHI_022_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-022.schema.json",
  title: "MCP-NHI-022 Audit trail for tool calls and token minting",
  description: "CloudTrail (multi-region, log file validation) or gateway logging with retention; GCP data access audit config for iamcredentials; Azure diagnostic settings",
  "x-nhi-control": {
    id: "MCP-NHI-022",
    title: "Audit trail for tool calls and token minting",
    severity: "high",
    scope: "server",
    frameworks: {
      NHI: ["NHI1", "NHI10"],
      ASI: ["ASI08", "ASI10"],
      MCP: ["MCP08"],
      MAESTRO: ["L5"],
      CSF: ["PR.PS-04", "DE.CM-03"]
    },
    description: "CloudTrail (multi-region, log file validation) or gateway logging with retention; GCP data access audit config for iamcredentials; Azure diagnostic settings",
    fix: "Record tool calls and token minting: a multi-region CloudTrail with log file validation, or gateway/function logs with a retention period (set auditTrailExternal in the policy when the account trail is managed elsewhere).",
    parameters: {
      auditTrailExternal: false
    }
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          auditIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-023.schema.json
var MCP_NHI_023_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-023.schema.json",
  title: "MCP-NHI-023 Egress is allow-listed",
  description: "no all-ports 0.0.0.0/0 egress on the server's security groups; K8s NetworkPolicy with Egress",
  "x-nhi-control": {
    id: "MCP-NHI-023",
    title: "Egress is allow-listed",
    severity: "medium",
    scope: "server",
    frameworks: {
      NHI: ["NHI3"],
      ASI: ["ASI02", "ASI05"],
      MCP: ["MCP05"],
      MAESTRO: ["L4"],
      CSF: ["PR.IR-01"]
    },
    description: "no all-ports 0.0.0.0/0 egress on the server's security groups; K8s NetworkPolicy with Egress",
    fix: "Allow-list the server's egress: replace all-ports 0.0.0.0/0 egress with the destinations and ports its tools call (or a VPC endpoint / egress proxy)."
  },
  type: "object",
  properties: {
    servers: {
      type: "array",
      items: {
        type: "object",
        properties: {
          egressIssues: {
            type: "array",
            maxItems: 0
          }
        }
      }
    }
  }
};

// schemas/controls/MCP-NHI-024.schema.json
var MCP_NHI_024_schema_default = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-024.schema.json",
  title: "MCP-NHI-024 Server images are pinned",
  description: "container images by digest (@sha256:) in Lambda image_uri, ECS, K8s, Cloud Run",
  "x-nhi-control": {
    id: "MCP-NHI-024",
    title: "Server images are pinned",
    severity: "medium",
    scope: "server",
    frameworks: {
      NHI: ["NHI3"],
      ASI: ["ASI04"],
      MCP: ["MCP03", "MCP04"],
      MAESTRO: ["L7"],
      CSF: ["PR.PS-02"]
    },
    description: "container images by digest (@sha256:) in Lambda image_uri, ECS, K8s, Cloud Run",
    fix: "Pin server images by digest (`image@sha256:...`) so what was reviewed is what runs."
  },
  type: "object",
  properties: {
    workloads: {
      type: "array",
      items: {
        if: {
          type: "object",
          anyOf: [
            {
              required: ["server"],
              properties: {
                server: {
                  type: "string"
                }
              }
            },
            {
              required: ["tool"],
              properties: {
                tool: {
                  type: "string"
                }
              }
            }
          ]
        },
        then: {
          type: "object",
          properties: {
            unpinnedImages: {
              type: "array",
              maxItems: 0
            }
          }
        }
      }
    }
  }
};

// action/controls/builtin-controls.ts
var BUILTIN_CONTROL_SCHEMAS = [
  MCP_NHI_001_schema_default,
  MCP_NHI_002_schema_default,
  MCP_NHI_003_schema_default,
  MCP_NHI_004_schema_default,
  MCP_NHI_005_schema_default,
  MCP_NHI_006_schema_default,
  MCP_NHI_007_schema_default,
  MCP_NHI_008_schema_default,
  MCP_NHI_009_schema_default,
  MCP_NHI_010_schema_default,
  MCP_NHI_011_schema_default,
  MCP_NHI_012_schema_default,
  MCP_NHI_013_schema_default,
  MCP_NHI_014_schema_default,
  MCP_NHI_015_schema_default,
  MCP_NHI_017_schema_default,
  MCP_NHI_018_schema_default,
  MCP_NHI_019_schema_default,
  MCP_NHI_020_schema_default,
  MCP_NHI_022_schema_default,
  MCP_NHI_023_schema_default,
  MCP_NHI_024_schema_default
];

// action/controls/compile-control.ts
function compileControl(schema) {
  const id = schema["x-nhi-control"]?.id ?? schema.$id;
  throw new Error(`control ${id} was not compiled by the policy loader`);
}

// action/controls/precompiled.ts
var control0 = validate20;
var schema48 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-001.schema.json", "title": "MCP-NHI-001 Each tool has its own identity", "description": "every tool resolves to exactly one identity (AWS role, GCP service account, Azure user-assigned identity, K8s service account); no identity serves two tools or two servers; resolve through configuration references, since ARNs/emails are unknown until apply", "x-nhi-control": { "id": "MCP-NHI-001", "title": "Each tool has its own identity", "severity": "high", "scope": "tool", "frameworks": { "NHI": ["NHI9", "NHI5"], "ASI": ["ASI03"], "MCP": ["MCP02"], "MAESTRO": ["L4", "L6"], "CSF": ["PR.AA-01", "PR.AA-05"] }, "description": "every tool resolves to exactly one identity (AWS role, GCP service account, Azure user-assigned identity, K8s service account); no identity serves two tools or two servers; resolve through configuration references, since ARNs/emails are unknown until apply", "fix": "Give every MCP tool its own identity (one role per tool) and never reuse an identity across tools or servers; with the constructs, declare each tool under McpServer.tools." }, "type": "object", "properties": { "tools": { "type": "array", "items": { "type": "object", "properties": { "identities": { "type": "array", "minItems": 1, "x-nhi-message": "tool resolves to no identity; it needs exactly one of its own (one per tenant on a multi-tenant server)" }, "extraIdentities": { "type": "array", "maxItems": 0 } } } }, "identities": { "type": "array", "items": { "type": "object", "properties": { "tools": { "type": "array", "maxItems": 1, "x-nhi-message": "identity is shared by {count} tools ({value})" }, "servers": { "type": "array", "maxItems": 1, "x-nhi-message": "identity is shared by {count} servers ({value})" } } } } } };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.tools !== void 0) {
      let data0 = data.tools;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.identities !== void 0) {
              let data2 = data1.identities;
              if (Array.isArray(data2)) {
                if (data2.length < 1) {
                  const err0 = { instancePath: instancePath + "/tools/" + i0 + "/identities", schemaPath: "#/properties/tools/items/properties/identities/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema48.properties.tools.items.properties.identities, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/tools/" + i0 + "/identities", schemaPath: "#/properties/tools/items/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema48.properties.tools.items.properties.identities.type, parentSchema: schema48.properties.tools.items.properties.identities, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (data1.extraIdentities !== void 0) {
              let data3 = data1.extraIdentities;
              if (Array.isArray(data3)) {
                if (data3.length > 0) {
                  const err2 = { instancePath: instancePath + "/tools/" + i0 + "/extraIdentities", schemaPath: "#/properties/tools/items/properties/extraIdentities/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema48.properties.tools.items.properties.extraIdentities, data: data3 };
                  if (vErrors === null) {
                    vErrors = [err2];
                  } else {
                    vErrors.push(err2);
                  }
                  errors++;
                }
              } else {
                const err3 = { instancePath: instancePath + "/tools/" + i0 + "/extraIdentities", schemaPath: "#/properties/tools/items/properties/extraIdentities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema48.properties.tools.items.properties.extraIdentities.type, parentSchema: schema48.properties.tools.items.properties.extraIdentities, data: data3 };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
          } else {
            const err4 = { instancePath: instancePath + "/tools/" + i0, schemaPath: "#/properties/tools/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema48.properties.tools.items.type, parentSchema: schema48.properties.tools.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/tools", schemaPath: "#/properties/tools/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema48.properties.tools.type, parentSchema: schema48.properties.tools, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.identities !== void 0) {
      let data4 = data.identities;
      if (Array.isArray(data4)) {
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.tools !== void 0) {
              let data6 = data5.tools;
              if (Array.isArray(data6)) {
                if (data6.length > 1) {
                  const err6 = { instancePath: instancePath + "/identities/" + i1 + "/tools", schemaPath: "#/properties/identities/items/properties/tools/maxItems", keyword: "maxItems", params: { limit: 1 }, message: "must NOT have more than 1 items", schema: 1, parentSchema: schema48.properties.identities.items.properties.tools, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
              } else {
                const err7 = { instancePath: instancePath + "/identities/" + i1 + "/tools", schemaPath: "#/properties/identities/items/properties/tools/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema48.properties.identities.items.properties.tools.type, parentSchema: schema48.properties.identities.items.properties.tools, data: data6 };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
            if (data5.servers !== void 0) {
              let data7 = data5.servers;
              if (Array.isArray(data7)) {
                if (data7.length > 1) {
                  const err8 = { instancePath: instancePath + "/identities/" + i1 + "/servers", schemaPath: "#/properties/identities/items/properties/servers/maxItems", keyword: "maxItems", params: { limit: 1 }, message: "must NOT have more than 1 items", schema: 1, parentSchema: schema48.properties.identities.items.properties.servers, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err8];
                  } else {
                    vErrors.push(err8);
                  }
                  errors++;
                }
              } else {
                const err9 = { instancePath: instancePath + "/identities/" + i1 + "/servers", schemaPath: "#/properties/identities/items/properties/servers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema48.properties.identities.items.properties.servers.type, parentSchema: schema48.properties.identities.items.properties.servers, data: data7 };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
          } else {
            const err10 = { instancePath: instancePath + "/identities/" + i1, schemaPath: "#/properties/identities/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema48.properties.identities.items.type, parentSchema: schema48.properties.identities.items, data: data5 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema48.properties.identities.type, parentSchema: schema48.properties.identities, data: data4 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
  } else {
    const err12 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema48.type, parentSchema: schema48, data };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": { "tools": true, "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control1 = validate21;
var schema49 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-002.schema.json", "title": "MCP-NHI-002 No static long-lived credentials", "description": "aws_iam_access_key, aws_iam_user_login_profile for workload users, google_service_account_key, azuread_application_password, azuread_service_principal_password, kubernetes_secret(_v1) of type kubernetes.io/service-account-token", "x-nhi-control": { "id": "MCP-NHI-002", "title": "No static long-lived credentials", "severity": "critical", "scope": "any", "frameworks": { "NHI": ["NHI7", "NHI2", "NHI4"], "ASI": ["ASI03"], "MCP": ["MCP01"], "MAESTRO": ["L4", "L6"], "CSF": ["PR.AA-01", "PR.AA-03"] }, "description": "aws_iam_access_key, aws_iam_user_login_profile for workload users, google_service_account_key, azuread_application_password, azuread_service_principal_password, kubernetes_secret(_v1) of type kubernetes.io/service-account-token", "fix": "Remove the static credential. Let the workload assume a role (Lambda/ECS/EKS Pod Identity execution role, IRSA, GCP workload identity) so credentials are minted per session and expire." }, "type": "object", "properties": { "credentials": { "type": "array", "maxItems": 0 } } };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.credentials !== void 0) {
      let data0 = data.credentials;
      if (Array.isArray(data0)) {
        if (data0.length > 0) {
          const err0 = { instancePath: instancePath + "/credentials", schemaPath: "#/properties/credentials/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema49.properties.credentials, data: data0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = { instancePath: instancePath + "/credentials", schemaPath: "#/properties/credentials/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema49.properties.credentials.type, parentSchema: schema49.properties.credentials, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema49.type, parentSchema: schema49, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": { "credentials": true }, "dynamicProps": false, "dynamicItems": false };
var control2 = validate22;
var schema50 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-003.schema.json", "title": "MCP-NHI-003 No plaintext secrets in config or environment", "description": "secret-like names (KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL, PAT, AUTH) with literal values, or values with known credential shapes (AKIA\u2026, ghp_, github_pat_, xox?-, sk-, PEM blocks, high entropy) in Lambda environment.variables, ECS container_definitions[].environment, K8s container env[].value, ConfigMap data, Cloud Run / Container Apps env; references (secrets[].valueFrom, secret_key_ref, Key Vault refs) are fine", "x-nhi-control": { "id": "MCP-NHI-003", "title": "No plaintext secrets in config or environment", "severity": "critical", "scope": "any", "frameworks": { "NHI": ["NHI2"], "ASI": ["ASI03"], "MCP": ["MCP01"], "MAESTRO": ["L4", "L6"], "CSF": ["PR.AA-01", "PR.DS-01"] }, "description": "secret-like names (KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL, PAT, AUTH) with literal values, or values with known credential shapes (AKIA\u2026, ghp_, github_pat_, xox?-, sk-, PEM blocks, high entropy) in Lambda environment.variables, ECS container_definitions[].environment, K8s container env[].value, ConfigMap data, Cloud Run / Container Apps env; references (secrets[].valueFrom, secret_key_ref, Key Vault refs) are fine", "fix": "Move the value into Secrets Manager or SSM Parameter Store and pass a reference (ECS `secrets[].valueFrom`, the secret ARN in the Lambda environment, Kubernetes `secret_key_ref`); rotate the exposed value.", "parameters": { "secretNamePatterns": [], "allowNames": [] } }, "type": "object", "properties": { "workloads": { "type": "array", "items": { "type": "object", "properties": { "plaintextSecrets": { "type": "array", "maxItems": 0 } } } } } };
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.workloads !== void 0) {
      let data0 = data.workloads;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.plaintextSecrets !== void 0) {
              let data2 = data1.plaintextSecrets;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/workloads/" + i0 + "/plaintextSecrets", schemaPath: "#/properties/workloads/items/properties/plaintextSecrets/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema50.properties.workloads.items.properties.plaintextSecrets, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/workloads/" + i0 + "/plaintextSecrets", schemaPath: "#/properties/workloads/items/properties/plaintextSecrets/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema50.properties.workloads.items.properties.plaintextSecrets.type, parentSchema: schema50.properties.workloads.items.properties.plaintextSecrets, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/workloads/" + i0, schemaPath: "#/properties/workloads/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema50.properties.workloads.items.type, parentSchema: schema50.properties.workloads.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/workloads", schemaPath: "#/properties/workloads/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema50.properties.workloads.type, parentSchema: schema50.properties.workloads, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema50.type, parentSchema: schema50, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
validate22.evaluated = { "props": { "workloads": true }, "dynamicProps": false, "dynamicItems": false };
var control3 = validate23;
var schema51 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-004.schema.json", "title": "MCP-NHI-004 Secret values never land in plan or state", "description": "known literal values in aws_secretsmanager_secret_version.secret_string, aws_ssm_parameter.value (SecureString), azurerm_key_vault_secret.value, kubernetes_secret(_v1).data, AgentCore credential providers' api_key/client_secret; write-only *_wo attributes or external references pass", "x-nhi-control": { "id": "MCP-NHI-004", "title": "Secret values never land in plan or state", "severity": "high", "scope": "any", "frameworks": { "NHI": ["NHI2", "NHI7"], "ASI": ["ASI03"], "MCP": ["MCP01"], "MAESTRO": ["L6"], "CSF": ["PR.DS-01"] }, "description": "known literal values in aws_secretsmanager_secret_version.secret_string, aws_ssm_parameter.value (SecureString), azurerm_key_vault_secret.value, kubernetes_secret(_v1).data, AgentCore credential providers' api_key/client_secret; write-only *_wo attributes or external references pass", "fix": "Do not write secret values through Terraform: use write-only arguments (`secret_string_wo`, `value_wo`), let the service generate the secret, or populate it out of band; rotate any value already in state." }, "type": "object", "properties": { "secrets": { "type": "array", "items": { "type": "object", "properties": { "valueInState": { "type": "array", "maxItems": 0 } } } } } };
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate23.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.secrets !== void 0) {
      let data0 = data.secrets;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.valueInState !== void 0) {
              let data2 = data1.valueInState;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/secrets/" + i0 + "/valueInState", schemaPath: "#/properties/secrets/items/properties/valueInState/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema51.properties.secrets.items.properties.valueInState, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/secrets/" + i0 + "/valueInState", schemaPath: "#/properties/secrets/items/properties/valueInState/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema51.properties.secrets.items.properties.valueInState.type, parentSchema: schema51.properties.secrets.items.properties.valueInState, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/secrets/" + i0, schemaPath: "#/properties/secrets/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema51.properties.secrets.items.type, parentSchema: schema51.properties.secrets.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/secrets", schemaPath: "#/properties/secrets/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema51.properties.secrets.type, parentSchema: schema51.properties.secrets, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema51.type, parentSchema: schema51, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
validate23.evaluated = { "props": { "secrets": true }, "dynamicProps": false, "dynamicItems": false };
var control4 = validate24;
var schema52 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-005.schema.json", "title": "MCP-NHI-005 Short-lived sessions", "description": "aws_iam_role.max_session_duration \u2264 policy max (default 3600 s); K8s projected token expiration_seconds \u2264 max; no lifetime-extension org policy for MCP service accounts", "x-nhi-control": { "id": "MCP-NHI-005", "title": "Short-lived sessions", "severity": "high", "scope": "any", "frameworks": { "NHI": ["NHI7"], "ASI": ["ASI03"], "MCP": ["MCP01"], "MAESTRO": ["L4", "L6"], "CSF": ["PR.AA-01", "PR.AA-03"] }, "description": "aws_iam_role.max_session_duration \u2264 policy max (default 3600 s); K8s projected token expiration_seconds \u2264 max; no lifetime-extension org policy for MCP service accounts", "fix": "Lower the session ceiling (aws_iam_role.max_session_duration; AWS accepts 3600 to 43200 s) to at most the policy maximum, and have the server request short tool sessions (DurationSeconds 900 is enough for most tools).", "parameters": { "maxSessionSeconds": 3600 } }, "type": "object", "properties": { "identities": { "type": "array", "items": { "type": "object", "properties": { "maxSessionSeconds": { "type": ["integer", "null"], "maximum": { "$data": "/parameters/maxSessionSeconds" }, "x-nhi-message": "session ceiling is {value} s, above the {limit} s maximum" } } } } } };
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate24.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.identities !== void 0) {
      let data0 = data.identities;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.maxSessionSeconds !== void 0) {
              let data2 = data1.maxSessionSeconds;
              if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2)) && data2 !== null) {
                const err0 = { instancePath: instancePath + "/identities/" + i0 + "/maxSessionSeconds", schemaPath: "#/properties/identities/items/properties/maxSessionSeconds/type", keyword: "type", params: { type: schema52.properties.identities.items.properties.maxSessionSeconds.type }, message: "must be integer,null", schema: schema52.properties.identities.items.properties.maxSessionSeconds.type, parentSchema: schema52.properties.identities.items.properties.maxSessionSeconds, data: data2 };
                if (vErrors === null) {
                  vErrors = [err0];
                } else {
                  vErrors.push(err0);
                }
                errors++;
              }
              if (typeof data2 == "number" && isFinite(data2)) {
                const vSchema0 = rootData && rootData.parameters && rootData.parameters.maxSessionSeconds;
                if (vSchema0 !== void 0 && (!(typeof vSchema0 == "number" && isFinite(vSchema0)) || (data2 > vSchema0 || isNaN(data2)))) {
                  const err1 = { instancePath: instancePath + "/identities/" + i0 + "/maxSessionSeconds", schemaPath: "#/properties/identities/items/properties/maxSessionSeconds/maximum", keyword: "maximum", params: { comparison: "<=", limit: vSchema0 }, message: "must be <= " + vSchema0, schema: schema52.properties.identities.items.properties.maxSessionSeconds.maximum, parentSchema: schema52.properties.identities.items.properties.maxSessionSeconds, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err1];
                  } else {
                    vErrors.push(err1);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema52.properties.identities.items.type, parentSchema: schema52.properties.identities.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema52.properties.identities.type, parentSchema: schema52.properties.identities, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema52.type, parentSchema: schema52, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
validate24.evaluated = { "props": { "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control5 = validate25;
var schema53 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-006.schema.json", "title": "MCP-NHI-006 Federated trust bound to exact subject and audience", "description": "IRSA trust StringEquals on <issuer>:sub (no wildcard) and :aud; EKS Pod Identity with session tags on; GCP workload identity provider with non-empty attribute_condition; Azure federated credential with exact subject, audience api://AzureADTokenExchange", "x-nhi-control": { "id": "MCP-NHI-006", "title": "Federated trust bound to exact subject and audience", "severity": "high", "scope": "any", "frameworks": { "NHI": ["NHI6", "NHI5"], "ASI": ["ASI03"], "MCP": ["MCP07"], "MAESTRO": ["L4", "L6"], "CSF": ["PR.AA-02", "PR.AA-04"] }, "description": "IRSA trust StringEquals on <issuer>:sub (no wildcard) and :aud; EKS Pod Identity with session tags on; GCP workload identity provider with non-empty attribute_condition; Azure federated credential with exact subject, audience api://AzureADTokenExchange", "fix": "Bind federated trust to one exact subject and audience with StringEquals on `<issuer>:sub` and `<issuer>:aud` (no wildcards); for EKS Pod Identity allow sts:TagSession." }, "type": "object", "properties": { "identities": { "type": "array", "items": { "type": "object", "properties": { "federationIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.identities !== void 0) {
      let data0 = data.identities;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.federationIssues !== void 0) {
              let data2 = data1.federationIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/identities/" + i0 + "/federationIssues", schemaPath: "#/properties/identities/items/properties/federationIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema53.properties.identities.items.properties.federationIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/identities/" + i0 + "/federationIssues", schemaPath: "#/properties/identities/items/properties/federationIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema53.properties.identities.items.properties.federationIssues.type, parentSchema: schema53.properties.identities.items.properties.federationIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema53.properties.identities.items.type, parentSchema: schema53.properties.identities.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema53.properties.identities.type, parentSchema: schema53.properties.identities, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema53.type, parentSchema: schema53, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { "props": { "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control6 = validate26;
var schema54 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-007.schema.json", "title": "MCP-NHI-007 Least privilege: no wildcard or admin grants", "description": "IAM statements (inline, managed, attached, aws_iam_policy_document data) with Action * or svc:*, NotAction, Resource * on write actions, privilege-escalation actions (iam:PassRole on *, iam:CreateAccessKey, iam:Attach*Policy, iam:Put*Policy, sts:AssumeRole on *); managed AdministratorAccess/PowerUserAccess/IAMFullAccess; GCP roles/owner/editor/iam.*Admin; Azure Owner/Contributor/User Access Administrator at subscription scope; K8s * verbs/resources, cluster-admin. Actions AWS only grants on * are not wildcard findings", "x-nhi-control": { "id": "MCP-NHI-007", "title": "Least privilege: no wildcard or admin grants", "severity": "critical", "scope": "any", "frameworks": { "NHI": ["NHI5"], "ASI": ["ASI02", "ASI03"], "MCP": ["MCP02"], "MAESTRO": ["L3", "L6"], "CSF": ["PR.AA-05"] }, "description": "IAM statements (inline, managed, attached, aws_iam_policy_document data) with Action * or svc:*, NotAction, Resource * on write actions, privilege-escalation actions (iam:PassRole on *, iam:CreateAccessKey, iam:Attach*Policy, iam:Put*Policy, sts:AssumeRole on *); managed AdministratorAccess/PowerUserAccess/IAMFullAccess; GCP roles/owner/editor/iam.*Admin; Azure Owner/Contributor/User Access Administrator at subscription scope; K8s * verbs/resources, cluster-admin. Actions AWS only grants on * are not wildcard findings", "fix": "Grant only the actions the tool calls on the resources it needs: name actions explicitly, scope Resource to ARNs, drop NotAction/NotResource and admin managed policies, and never grant IAM write or sts:AssumeRole on `*`." }, "type": "object", "properties": { "identities": { "type": "array", "items": { "type": "object", "properties": { "broadGrants": { "type": "array", "maxItems": 0 }, "escalationGrants": { "type": "array", "maxItems": 0 } } } }, "policies": { "type": "array", "items": { "type": "object", "properties": { "broadGrants": { "type": "array", "maxItems": 0 }, "escalationGrants": { "type": "array", "maxItems": 0 } } } } } };
function validate26(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate26.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.identities !== void 0) {
      let data0 = data.identities;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.broadGrants !== void 0) {
              let data2 = data1.broadGrants;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/identities/" + i0 + "/broadGrants", schemaPath: "#/properties/identities/items/properties/broadGrants/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema54.properties.identities.items.properties.broadGrants, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/identities/" + i0 + "/broadGrants", schemaPath: "#/properties/identities/items/properties/broadGrants/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema54.properties.identities.items.properties.broadGrants.type, parentSchema: schema54.properties.identities.items.properties.broadGrants, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
            if (data1.escalationGrants !== void 0) {
              let data3 = data1.escalationGrants;
              if (Array.isArray(data3)) {
                if (data3.length > 0) {
                  const err2 = { instancePath: instancePath + "/identities/" + i0 + "/escalationGrants", schemaPath: "#/properties/identities/items/properties/escalationGrants/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema54.properties.identities.items.properties.escalationGrants, data: data3 };
                  if (vErrors === null) {
                    vErrors = [err2];
                  } else {
                    vErrors.push(err2);
                  }
                  errors++;
                }
              } else {
                const err3 = { instancePath: instancePath + "/identities/" + i0 + "/escalationGrants", schemaPath: "#/properties/identities/items/properties/escalationGrants/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema54.properties.identities.items.properties.escalationGrants.type, parentSchema: schema54.properties.identities.items.properties.escalationGrants, data: data3 };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
          } else {
            const err4 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema54.properties.identities.items.type, parentSchema: schema54.properties.identities.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema54.properties.identities.type, parentSchema: schema54.properties.identities, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.policies !== void 0) {
      let data4 = data.policies;
      if (Array.isArray(data4)) {
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.broadGrants !== void 0) {
              let data6 = data5.broadGrants;
              if (Array.isArray(data6)) {
                if (data6.length > 0) {
                  const err6 = { instancePath: instancePath + "/policies/" + i1 + "/broadGrants", schemaPath: "#/properties/policies/items/properties/broadGrants/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema54.properties.policies.items.properties.broadGrants, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
              } else {
                const err7 = { instancePath: instancePath + "/policies/" + i1 + "/broadGrants", schemaPath: "#/properties/policies/items/properties/broadGrants/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema54.properties.policies.items.properties.broadGrants.type, parentSchema: schema54.properties.policies.items.properties.broadGrants, data: data6 };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
            if (data5.escalationGrants !== void 0) {
              let data7 = data5.escalationGrants;
              if (Array.isArray(data7)) {
                if (data7.length > 0) {
                  const err8 = { instancePath: instancePath + "/policies/" + i1 + "/escalationGrants", schemaPath: "#/properties/policies/items/properties/escalationGrants/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema54.properties.policies.items.properties.escalationGrants, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err8];
                  } else {
                    vErrors.push(err8);
                  }
                  errors++;
                }
              } else {
                const err9 = { instancePath: instancePath + "/policies/" + i1 + "/escalationGrants", schemaPath: "#/properties/policies/items/properties/escalationGrants/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema54.properties.policies.items.properties.escalationGrants.type, parentSchema: schema54.properties.policies.items.properties.escalationGrants, data: data7 };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
          } else {
            const err10 = { instancePath: instancePath + "/policies/" + i1, schemaPath: "#/properties/policies/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema54.properties.policies.items.type, parentSchema: schema54.properties.policies.items, data: data5 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/policies", schemaPath: "#/properties/policies/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema54.properties.policies.type, parentSchema: schema54.properties.policies, data: data4 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
  } else {
    const err12 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema54.type, parentSchema: schema54, data };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
validate26.evaluated = { "props": { "identities": true, "policies": true }, "dynamicProps": false, "dynamicItems": false };
var control7 = validate27;
var schema55 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-008.schema.json", "title": "MCP-NHI-008 Privilege ceiling on tool identities", "description": "AWS permissions_boundary on every tool role; GCP deny / principal access boundary policy; Azure role assignment condition on data-plane roles", "x-nhi-control": { "id": "MCP-NHI-008", "title": "Privilege ceiling on tool identities", "severity": "medium", "scope": "tool", "frameworks": { "NHI": ["NHI5"], "ASI": ["ASI03"], "MCP": ["MCP02"], "MAESTRO": ["L6"], "CSF": ["PR.AA-05"] }, "description": "AWS permissions_boundary on every tool role; GCP deny / principal access boundary policy; Azure role assignment condition on data-plane roles", "fix": "Attach a permissions boundary to every tool role (aws_iam_role.permissions_boundary) so no later policy can raise it above the ceiling." }, "type": "object", "properties": { "identities": { "type": "array", "items": { "if": { "type": "object", "required": ["tool"], "properties": { "tool": { "type": "string" } } }, "then": { "type": "object", "properties": { "hasPermissionsBoundary": { "const": true, "x-nhi-message": "tool identity has no permissions boundary" } } } } } } };
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate27.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.identities !== void 0) {
      let data0 = data.identities;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          const _errs5 = errors;
          let valid3 = true;
          const _errs6 = errors;
          if (errors === _errs6) {
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              let missing0;
              if (data1.tool === void 0 && (missing0 = "tool")) {
                const err0 = {};
                if (vErrors === null) {
                  vErrors = [err0];
                } else {
                  vErrors.push(err0);
                }
                errors++;
              } else {
                if (data1.tool !== void 0) {
                  if (typeof data1.tool !== "string") {
                    const err1 = {};
                    if (vErrors === null) {
                      vErrors = [err1];
                    } else {
                      vErrors.push(err1);
                    }
                    errors++;
                  }
                }
              }
            } else {
              const err2 = {};
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          }
          var _valid0 = _errs6 === errors;
          errors = _errs5;
          if (vErrors !== null) {
            if (_errs5) {
              vErrors.length = _errs5;
            } else {
              vErrors = null;
            }
          }
          if (_valid0) {
            const _errs10 = errors;
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              if (data1.hasPermissionsBoundary !== void 0) {
                let data3 = data1.hasPermissionsBoundary;
                if (true !== data3) {
                  const err3 = { instancePath: instancePath + "/identities/" + i0 + "/hasPermissionsBoundary", schemaPath: "#/properties/identities/items/then/properties/hasPermissionsBoundary/const", keyword: "const", params: { allowedValue: true }, message: "must be equal to constant", schema: true, parentSchema: schema55.properties.identities.items.then.properties.hasPermissionsBoundary, data: data3 };
                  if (vErrors === null) {
                    vErrors = [err3];
                  } else {
                    vErrors.push(err3);
                  }
                  errors++;
                }
              }
            } else {
              const err4 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/then/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema55.properties.identities.items.then.type, parentSchema: schema55.properties.identities.items.then, data: data1 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
            var _valid0 = _errs10 === errors;
            valid3 = _valid0;
            if (valid3) {
              var props0 = {};
              props0.hasPermissionsBoundary = true;
              props0.tool = true;
            }
          }
          if (!valid3) {
            const err5 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema55.properties.identities.items.if, parentSchema: schema55.properties.identities.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
      } else {
        const err6 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema55.properties.identities.type, parentSchema: schema55.properties.identities, data: data0 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
  } else {
    const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema55.type, parentSchema: schema55, data };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  validate27.errors = vErrors;
  return errors === 0;
}
validate27.evaluated = { "props": { "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control8 = validate28;
var schema56 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-009.schema.json", "title": "MCP-NHI-009 Trust and delegation are scoped", "description": "any role: trust names specific principals (no * principal, no bare account root without conditions); a tool role: trust names only its server's identity (no other server); sts:TagSession with required aws:RequestTag/\u2026 and sts:SourceIdentity; sts:ExternalId across accounts; the server may assume only its own tools' roles; GCP serviceAccountTokenCreator granted on the tool SA to the server SA only", "x-nhi-control": { "id": "MCP-NHI-009", "title": "Trust and delegation are scoped", "severity": "high", "scope": "any", "frameworks": { "NHI": ["NHI5", "NHI9", "NHI10"], "ASI": ["ASI03", "ASI07"], "MCP": ["MCP02"], "MAESTRO": ["L6"], "CSF": ["PR.AA-04", "PR.AA-05"] }, "description": "any role: trust names specific principals (no * principal, no bare account root without conditions); a tool role: trust names only its server's identity (no other server); sts:TagSession with required aws:RequestTag/\u2026 and sts:SourceIdentity; sts:ExternalId across accounts; the server may assume only its own tools' roles; GCP serviceAccountTokenCreator granted on the tool SA to the server SA only", "fix": "Name exact principals in trust policies (the server's role for a tool role), require sts:ExternalId across accounts, and require session tags (sts:TagSession with aws:RequestTag conditions) and sts:SourceIdentity on tool roles." }, "type": "object", "properties": { "identities": { "type": "array", "items": { "type": "object", "properties": { "trustIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate28.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.identities !== void 0) {
      let data0 = data.identities;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.trustIssues !== void 0) {
              let data2 = data1.trustIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/identities/" + i0 + "/trustIssues", schemaPath: "#/properties/identities/items/properties/trustIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema56.properties.identities.items.properties.trustIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/identities/" + i0 + "/trustIssues", schemaPath: "#/properties/identities/items/properties/trustIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema56.properties.identities.items.properties.trustIssues.type, parentSchema: schema56.properties.identities.items.properties.trustIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema56.properties.identities.items.type, parentSchema: schema56.properties.identities.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema56.properties.identities.type, parentSchema: schema56.properties.identities, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema56.type, parentSchema: schema56, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
validate28.evaluated = { "props": { "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control9 = validate29;
var schema57 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-010.schema.json", "title": "MCP-NHI-010 Authenticated endpoint with audience binding", "description": "aws_lambda_function_url.authorization_type not NONE; AgentCore gateway authorizer with non-empty allowed_audience; API Gateway routes with an authorizer; Cloud Run not invokable by allUsers; K8s ingress/service exposure noted", "x-nhi-control": { "id": "MCP-NHI-010", "title": "Authenticated endpoint with audience binding", "severity": "critical", "scope": "server", "frameworks": { "NHI": ["NHI4"], "ASI": ["ASI03", "ASI07"], "MCP": ["MCP07"], "MAESTRO": ["L4", "L6"], "CSF": ["PR.AA-03", "PR.AA-04"] }, "description": "aws_lambda_function_url.authorization_type not NONE; AgentCore gateway authorizer with non-empty allowed_audience; API Gateway routes with an authorizer; Cloud Run not invokable by allUsers; K8s ingress/service exposure noted", "fix": "Require authentication on every MCP endpoint: function URL authorization_type AWS_IAM, an API Gateway authorizer, or an AgentCore gateway JWT authorizer with allowed_audience set." }, "type": "object", "properties": { "servers": { "type": "array", "items": { "type": "object", "properties": { "endpointIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate29.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.servers !== void 0) {
      let data0 = data.servers;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.endpointIssues !== void 0) {
              let data2 = data1.endpointIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/servers/" + i0 + "/endpointIssues", schemaPath: "#/properties/servers/items/properties/endpointIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema57.properties.servers.items.properties.endpointIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/servers/" + i0 + "/endpointIssues", schemaPath: "#/properties/servers/items/properties/endpointIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema57.properties.servers.items.properties.endpointIssues.type, parentSchema: schema57.properties.servers.items.properties.endpointIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/servers/" + i0, schemaPath: "#/properties/servers/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema57.properties.servers.items.type, parentSchema: schema57.properties.servers.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/servers", schemaPath: "#/properties/servers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema57.properties.servers.type, parentSchema: schema57.properties.servers, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema57.type, parentSchema: schema57, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}
validate29.evaluated = { "props": { "servers": true }, "dynamicProps": false, "dynamicItems": false };
var control10 = validate30;
var schema58 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-011.schema.json", "title": "MCP-NHI-011 No token passthrough", "description": "each upstream target has its own outbound credential (AgentCore target credential provider, tool role); no configuration forwards the client's Authorization header upstream", "x-nhi-control": { "id": "MCP-NHI-011", "title": "No token passthrough", "severity": "critical", "scope": "server", "frameworks": { "NHI": ["NHI4", "NHI5"], "ASI": ["ASI03"], "MCP": ["MCP07", "MCP01"], "MAESTRO": ["L6"], "CSF": ["PR.AA-04", "PR.AA-05"] }, "description": "each upstream target has its own outbound credential (AgentCore target credential provider, tool role); no configuration forwards the client's Authorization header upstream", "fix": "Give each upstream target its own outbound credential (an AgentCore credential provider or the tool's role) and never forward the client's Authorization header upstream." }, "type": "object", "properties": { "servers": { "type": "array", "items": { "type": "object", "properties": { "passthroughIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate30(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate30.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.servers !== void 0) {
      let data0 = data.servers;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.passthroughIssues !== void 0) {
              let data2 = data1.passthroughIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/servers/" + i0 + "/passthroughIssues", schemaPath: "#/properties/servers/items/properties/passthroughIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema58.properties.servers.items.properties.passthroughIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/servers/" + i0 + "/passthroughIssues", schemaPath: "#/properties/servers/items/properties/passthroughIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema58.properties.servers.items.properties.passthroughIssues.type, parentSchema: schema58.properties.servers.items.properties.passthroughIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/servers/" + i0, schemaPath: "#/properties/servers/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema58.properties.servers.items.type, parentSchema: schema58.properties.servers.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/servers", schemaPath: "#/properties/servers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema58.properties.servers.type, parentSchema: schema58.properties.servers, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema58.type, parentSchema: schema58, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate30.errors = vErrors;
  return errors === 0;
}
validate30.evaluated = { "props": { "servers": true }, "dynamicProps": false, "dynamicItems": false };
var control11 = validate31;
var schema59 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-012.schema.json", "title": "MCP-NHI-012 Minimal outbound scopes per tool", "description": "OAuth scopes on outbound credentials are declared per tool, non-empty, and contain no omnibus scope (*, all, admin, full-access)", "x-nhi-control": { "id": "MCP-NHI-012", "title": "Minimal outbound scopes per tool", "severity": "high", "scope": "tool", "frameworks": { "NHI": ["NHI5", "NHI3"], "ASI": ["ASI02", "ASI03"], "MCP": ["MCP02"], "MAESTRO": ["L6"], "CSF": ["PR.AA-05"] }, "description": "OAuth scopes on outbound credentials are declared per tool, non-empty, and contain no omnibus scope (*, all, admin, full-access)", "fix": "Declare the OAuth scopes each tool needs, per tool and non-empty, without omnibus scopes such as `*`, `all`, `admin` or `full-access`.", "parameters": { "omnibusScopes": ["*", "all", "admin", "full-access", "full_access", "root"] } }, "type": "object", "properties": { "tools": { "type": "array", "items": { "type": "object", "properties": { "scopeIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate31.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.tools !== void 0) {
      let data0 = data.tools;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.scopeIssues !== void 0) {
              let data2 = data1.scopeIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/tools/" + i0 + "/scopeIssues", schemaPath: "#/properties/tools/items/properties/scopeIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema59.properties.tools.items.properties.scopeIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/tools/" + i0 + "/scopeIssues", schemaPath: "#/properties/tools/items/properties/scopeIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema59.properties.tools.items.properties.scopeIssues.type, parentSchema: schema59.properties.tools.items.properties.scopeIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/tools/" + i0, schemaPath: "#/properties/tools/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema59.properties.tools.items.type, parentSchema: schema59.properties.tools.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/tools", schemaPath: "#/properties/tools/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema59.properties.tools.type, parentSchema: schema59.properties.tools, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema59.type, parentSchema: schema59, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate31.errors = vErrors;
  return errors === 0;
}
validate31.evaluated = { "props": { "tools": true }, "dynamicProps": false, "dynamicItems": false };
var control12 = validate32;
var schema60 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-013.schema.json", "title": "MCP-NHI-013 Request-time authorization is enforced per tool", "description": "a policy engine guards every tool (Amazon Verified Permissions policy store with STRICT validation, or AgentCore policy engine in ENFORCE mode), at least one policy per tool, no unconditional permit(principal, action, resource);", "x-nhi-control": { "id": "MCP-NHI-013", "title": "Request-time authorization is enforced per tool", "severity": "high", "scope": "server", "frameworks": { "NHI": ["NHI5"], "ASI": ["ASI02", "ASI03"], "MCP": ["MCP02", "MCP07"], "MAESTRO": ["L3", "L6"], "CSF": ["PR.AA-05", "GV.PO-01"] }, "description": "a policy engine guards every tool (Amazon Verified Permissions policy store with STRICT validation, or AgentCore policy engine in ENFORCE mode), at least one policy per tool, no unconditional permit(principal, action, resource);", "fix": "Guard every tool with a policy engine: an Amazon Verified Permissions policy store with STRICT validation and at least one conditional Cedar policy per tool (or an AgentCore policy engine in ENFORCE mode)." }, "type": "object", "properties": { "servers": { "type": "array", "items": { "type": "object", "properties": { "authorizationIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate32(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate32.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.servers !== void 0) {
      let data0 = data.servers;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.authorizationIssues !== void 0) {
              let data2 = data1.authorizationIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/servers/" + i0 + "/authorizationIssues", schemaPath: "#/properties/servers/items/properties/authorizationIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema60.properties.servers.items.properties.authorizationIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/servers/" + i0 + "/authorizationIssues", schemaPath: "#/properties/servers/items/properties/authorizationIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema60.properties.servers.items.properties.authorizationIssues.type, parentSchema: schema60.properties.servers.items.properties.authorizationIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/servers/" + i0, schemaPath: "#/properties/servers/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema60.properties.servers.items.type, parentSchema: schema60.properties.servers.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/servers", schemaPath: "#/properties/servers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema60.properties.servers.type, parentSchema: schema60.properties.servers, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema60.type, parentSchema: schema60, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate32.errors = vErrors;
  return errors === 0;
}
validate32.evaluated = { "props": { "servers": true }, "dynamicProps": false, "dynamicItems": false };
var control13 = validate33;
var schema61 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-014.schema.json", "title": "MCP-NHI-014 Context-aware rules for sensitive tools", "description": "tools marked sensitive or write-capable need conditions on caller context (Cedar when on principal/context attributes, IAM ABAC aws:PrincipalTag/aws:ResourceTag conditions)", "x-nhi-control": { "id": "MCP-NHI-014", "title": "Context-aware rules for sensitive tools", "severity": "medium", "scope": "tool", "frameworks": { "NHI": ["NHI5"], "ASI": ["ASI01", "ASI02", "ASI09"], "MCP": ["MCP06"], "MAESTRO": ["L6"], "CSF": ["PR.AA-05"] }, "description": "tools marked sensitive or write-capable need conditions on caller context (Cedar when on principal/context attributes, IAM ABAC aws:PrincipalTag/aws:ResourceTag conditions)", "fix": "Add caller-context conditions to the grants of sensitive or write-capable tools (aws:PrincipalTag/aws:ResourceTag conditions, or a Cedar `when` on principal/context attributes)." }, "type": "object", "properties": { "identities": { "type": "array", "items": { "if": { "type": "object", "required": ["tool", "sensitive"], "properties": { "tool": { "type": "string" }, "sensitive": { "const": true } } }, "then": { "type": "object", "properties": { "hasContextConditions": { "const": true, "x-nhi-message": "sensitive tool identity grants writes without any caller-context condition" } } } } } } };
function validate33(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate33.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.identities !== void 0) {
      let data0 = data.identities;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          const _errs5 = errors;
          let valid3 = true;
          const _errs6 = errors;
          if (errors === _errs6) {
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              let missing0;
              if (data1.tool === void 0 && (missing0 = "tool") || data1.sensitive === void 0 && (missing0 = "sensitive")) {
                const err0 = {};
                if (vErrors === null) {
                  vErrors = [err0];
                } else {
                  vErrors.push(err0);
                }
                errors++;
              } else {
                if (data1.tool !== void 0) {
                  const _errs8 = errors;
                  if (typeof data1.tool !== "string") {
                    const err1 = {};
                    if (vErrors === null) {
                      vErrors = [err1];
                    } else {
                      vErrors.push(err1);
                    }
                    errors++;
                  }
                  var valid4 = _errs8 === errors;
                } else {
                  var valid4 = true;
                }
                if (valid4) {
                  if (data1.sensitive !== void 0) {
                    const _errs10 = errors;
                    if (true !== data1.sensitive) {
                      const err2 = {};
                      if (vErrors === null) {
                        vErrors = [err2];
                      } else {
                        vErrors.push(err2);
                      }
                      errors++;
                    }
                    var valid4 = _errs10 === errors;
                  } else {
                    var valid4 = true;
                  }
                }
              }
            } else {
              const err3 = {};
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          }
          var _valid0 = _errs6 === errors;
          errors = _errs5;
          if (vErrors !== null) {
            if (_errs5) {
              vErrors.length = _errs5;
            } else {
              vErrors = null;
            }
          }
          if (_valid0) {
            const _errs11 = errors;
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              if (data1.hasContextConditions !== void 0) {
                let data4 = data1.hasContextConditions;
                if (true !== data4) {
                  const err4 = { instancePath: instancePath + "/identities/" + i0 + "/hasContextConditions", schemaPath: "#/properties/identities/items/then/properties/hasContextConditions/const", keyword: "const", params: { allowedValue: true }, message: "must be equal to constant", schema: true, parentSchema: schema61.properties.identities.items.then.properties.hasContextConditions, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              }
            } else {
              const err5 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/then/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema61.properties.identities.items.then.type, parentSchema: schema61.properties.identities.items.then, data: data1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            var _valid0 = _errs11 === errors;
            valid3 = _valid0;
            if (valid3) {
              var props0 = {};
              props0.hasContextConditions = true;
              props0.tool = true;
              props0.sensitive = true;
            }
          }
          if (!valid3) {
            const err6 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema61.properties.identities.items.if, parentSchema: schema61.properties.identities.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
      } else {
        const err7 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema61.properties.identities.type, parentSchema: schema61.properties.identities, data: data0 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema61.type, parentSchema: schema61, data };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
}
validate33.evaluated = { "props": { "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control14 = validate34;
var schema62 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-015.schema.json", "title": "MCP-NHI-015 Tenant isolation on multi-tenant servers", "description": "a server declared multi-tenant scopes every tool grant by tenant (${aws:PrincipalTag/tenant} in resources or conditions, or one identity per tenant), and its trust requires the tenant session tag", "x-nhi-control": { "id": "MCP-NHI-015", "title": "Tenant isolation on multi-tenant servers", "severity": "high", "scope": "server", "frameworks": { "NHI": ["NHI8", "NHI9"], "ASI": ["ASI03", "ASI06"], "MCP": ["MCP10"], "MAESTRO": ["L3", "L7"], "CSF": ["PR.AA-05", "PR.DS-10"] }, "description": "a server declared multi-tenant scopes every tool grant by tenant (${aws:PrincipalTag/tenant} in resources or conditions, or one identity per tenant), and its trust requires the tenant session tag", "fix": "Scope every grant of a multi-tenant server by tenant (`${aws:PrincipalTag/tenant}` in resources or conditions, or one identity per tenant) and require the tenant session tag in the trust policy." }, "type": "object", "properties": { "servers": { "type": "array", "items": { "type": "object", "properties": { "tenantIssues": { "type": "array", "maxItems": 0 } } } }, "identities": { "type": "array", "items": { "type": "object", "properties": { "tenantIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate34(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate34.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.servers !== void 0) {
      let data0 = data.servers;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.tenantIssues !== void 0) {
              let data2 = data1.tenantIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/servers/" + i0 + "/tenantIssues", schemaPath: "#/properties/servers/items/properties/tenantIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema62.properties.servers.items.properties.tenantIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/servers/" + i0 + "/tenantIssues", schemaPath: "#/properties/servers/items/properties/tenantIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema62.properties.servers.items.properties.tenantIssues.type, parentSchema: schema62.properties.servers.items.properties.tenantIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/servers/" + i0, schemaPath: "#/properties/servers/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema62.properties.servers.items.type, parentSchema: schema62.properties.servers.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/servers", schemaPath: "#/properties/servers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema62.properties.servers.type, parentSchema: schema62.properties.servers, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.identities !== void 0) {
      let data3 = data.identities;
      if (Array.isArray(data3)) {
        const len1 = data3.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data4 = data3[i1];
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            if (data4.tenantIssues !== void 0) {
              let data5 = data4.tenantIssues;
              if (Array.isArray(data5)) {
                if (data5.length > 0) {
                  const err4 = { instancePath: instancePath + "/identities/" + i1 + "/tenantIssues", schemaPath: "#/properties/identities/items/properties/tenantIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema62.properties.identities.items.properties.tenantIssues, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              } else {
                const err5 = { instancePath: instancePath + "/identities/" + i1 + "/tenantIssues", schemaPath: "#/properties/identities/items/properties/tenantIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema62.properties.identities.items.properties.tenantIssues.type, parentSchema: schema62.properties.identities.items.properties.tenantIssues, data: data5 };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
          } else {
            const err6 = { instancePath: instancePath + "/identities/" + i1, schemaPath: "#/properties/identities/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema62.properties.identities.items.type, parentSchema: schema62.properties.identities.items, data: data4 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
      } else {
        const err7 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema62.properties.identities.type, parentSchema: schema62.properties.identities, data: data3 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
  } else {
    const err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema62.type, parentSchema: schema62, data };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate34.errors = vErrors;
  return errors === 0;
}
validate34.evaluated = { "props": { "servers": true, "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control15 = validate35;
var schema63 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-017.schema.json", "title": "MCP-NHI-017 No human use of workload identities", "description": "trust policies and impersonation grants name no IAM users, SSO roles, account root, user:/group: members", "x-nhi-control": { "id": "MCP-NHI-017", "title": "No human use of workload identities", "severity": "high", "scope": "any", "frameworks": { "NHI": ["NHI10"], "ASI": ["ASI03", "ASI09"], "MCP": ["MCP07"], "MAESTRO": ["L6"], "CSF": ["PR.AA-01", "PR.AA-05"] }, "description": "trust policies and impersonation grants name no IAM users, SSO roles, account root, user:/group: members", "fix": "Remove IAM users, account root, SSO roles and SAML principals from the trust of workload identities; humans get their own roles." }, "type": "object", "properties": { "identities": { "type": "array", "items": { "type": "object", "properties": { "humanPrincipals": { "type": "array", "maxItems": 0 } } } } } };
function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate35.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.identities !== void 0) {
      let data0 = data.identities;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.humanPrincipals !== void 0) {
              let data2 = data1.humanPrincipals;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/identities/" + i0 + "/humanPrincipals", schemaPath: "#/properties/identities/items/properties/humanPrincipals/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema63.properties.identities.items.properties.humanPrincipals, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/identities/" + i0 + "/humanPrincipals", schemaPath: "#/properties/identities/items/properties/humanPrincipals/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema63.properties.identities.items.properties.humanPrincipals.type, parentSchema: schema63.properties.identities.items.properties.humanPrincipals, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema63.properties.identities.items.type, parentSchema: schema63.properties.identities.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema63.properties.identities.type, parentSchema: schema63.properties.identities, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema63.type, parentSchema: schema63, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate35.errors = vErrors;
  return errors === 0;
}
validate35.evaluated = { "props": { "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control16 = validate36;
var schema64 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-018.schema.json", "title": "MCP-NHI-018 Environments do not share identities", "description": "an identity is not used by resources tagged with different environments; prod trust does not trust non-prod issuers or accounts", "x-nhi-control": { "id": "MCP-NHI-018", "title": "Environments do not share identities", "severity": "medium", "scope": "any", "frameworks": { "NHI": ["NHI8"], "ASI": ["ASI03"], "MCP": ["MCP09"], "MAESTRO": ["L4"], "CSF": ["PR.IR-01", "PR.AA-05"] }, "description": "an identity is not used by resources tagged with different environments; prod trust does not trust non-prod issuers or accounts", "fix": "Give each environment its own identity; do not let prod identities trust non-prod issuers or accounts." }, "type": "object", "properties": { "identities": { "type": "array", "items": { "type": "object", "properties": { "environments": { "type": "array", "maxItems": 1, "x-nhi-message": "identity is used by {count} environments ({value})" } } } } } };
function validate36(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate36.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.identities !== void 0) {
      let data0 = data.identities;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.environments !== void 0) {
              let data2 = data1.environments;
              if (Array.isArray(data2)) {
                if (data2.length > 1) {
                  const err0 = { instancePath: instancePath + "/identities/" + i0 + "/environments", schemaPath: "#/properties/identities/items/properties/environments/maxItems", keyword: "maxItems", params: { limit: 1 }, message: "must NOT have more than 1 items", schema: 1, parentSchema: schema64.properties.identities.items.properties.environments, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/identities/" + i0 + "/environments", schemaPath: "#/properties/identities/items/properties/environments/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema64.properties.identities.items.properties.environments.type, parentSchema: schema64.properties.identities.items.properties.environments, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema64.properties.identities.items.type, parentSchema: schema64.properties.identities.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema64.properties.identities.type, parentSchema: schema64.properties.identities, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema64.type, parentSchema: schema64, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate36.errors = vErrors;
  return errors === 0;
}
validate36.evaluated = { "props": { "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control17 = validate37;
var schema65 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-019.schema.json", "title": "MCP-NHI-019 Every identity has an owner and a review date", "description": "owner and review-by tags present (mcp-nhi:owner, mcp-nhi:review-by, or the policy's names), review-by not past; tool identities that no declared tool claims are reported as orphans", "x-nhi-control": { "id": "MCP-NHI-019", "title": "Every identity has an owner and a review date", "severity": "medium", "scope": "tool", "frameworks": { "NHI": ["NHI1"], "ASI": ["ASI10"], "MCP": ["MCP09"], "MAESTRO": ["L6"], "CSF": ["PR.AA-01"] }, "description": "owner and review-by tags present (mcp-nhi:owner, mcp-nhi:review-by, or the policy's names), review-by not past; tool identities that no declared tool claims are reported as orphans", "fix": "Tag every tool identity with an owner and a review-by date (mcp-nhi:owner, mcp-nhi:review-by, or the policy's tag names), review it before that date, and remove tool identities no declared tool uses.", "parameters": { "requiredTags": [] } }, "type": "object", "properties": { "identities": { "type": "array", "items": { "allOf": [{ "if": { "type": "object", "required": ["tool"], "properties": { "tool": { "type": "string" } } }, "then": { "type": "object", "properties": { "owner": { "type": "string", "minLength": 1, "x-nhi-message": "tool identity has no owner tag" }, "reviewBy": { "type": "string", "minLength": 1, "x-nhi-message": "tool identity has no review-by tag" }, "reviewOverdue": { "const": false, "x-nhi-message": "review-by date has passed or is not a YYYY-MM-DD date" }, "missingTags": { "type": "array", "maxItems": 0, "x-nhi-message": "tool identity lacks the tags the policy requires: {value}" } } } }, { "type": "object", "properties": { "orphan": { "const": false, "x-nhi-message": "identity carries a tool tag, but no declared tool claims it (orphan)" } } }] } } } };
var func1 = require_ucs2length().default;
function validate37(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate37.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.identities !== void 0) {
      let data0 = data.identities;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          const _errs6 = errors;
          let valid4 = true;
          const _errs7 = errors;
          if (errors === _errs7) {
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              let missing0;
              if (data1.tool === void 0 && (missing0 = "tool")) {
                const err0 = {};
                if (vErrors === null) {
                  vErrors = [err0];
                } else {
                  vErrors.push(err0);
                }
                errors++;
              } else {
                if (data1.tool !== void 0) {
                  if (typeof data1.tool !== "string") {
                    const err1 = {};
                    if (vErrors === null) {
                      vErrors = [err1];
                    } else {
                      vErrors.push(err1);
                    }
                    errors++;
                  }
                }
              }
            } else {
              const err2 = {};
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          }
          var _valid0 = _errs7 === errors;
          errors = _errs6;
          if (vErrors !== null) {
            if (_errs6) {
              vErrors.length = _errs6;
            } else {
              vErrors = null;
            }
          }
          if (_valid0) {
            const _errs11 = errors;
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              if (data1.owner !== void 0) {
                let data3 = data1.owner;
                if (typeof data3 === "string") {
                  if (func1(data3) < 1) {
                    const err3 = { instancePath: instancePath + "/identities/" + i0 + "/owner", schemaPath: "#/properties/identities/items/allOf/0/then/properties/owner/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema65.properties.identities.items.allOf[0].then.properties.owner, data: data3 };
                    if (vErrors === null) {
                      vErrors = [err3];
                    } else {
                      vErrors.push(err3);
                    }
                    errors++;
                  }
                } else {
                  const err4 = { instancePath: instancePath + "/identities/" + i0 + "/owner", schemaPath: "#/properties/identities/items/allOf/0/then/properties/owner/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema65.properties.identities.items.allOf[0].then.properties.owner.type, parentSchema: schema65.properties.identities.items.allOf[0].then.properties.owner, data: data3 };
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              }
              if (data1.reviewBy !== void 0) {
                let data4 = data1.reviewBy;
                if (typeof data4 === "string") {
                  if (func1(data4) < 1) {
                    const err5 = { instancePath: instancePath + "/identities/" + i0 + "/reviewBy", schemaPath: "#/properties/identities/items/allOf/0/then/properties/reviewBy/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema65.properties.identities.items.allOf[0].then.properties.reviewBy, data: data4 };
                    if (vErrors === null) {
                      vErrors = [err5];
                    } else {
                      vErrors.push(err5);
                    }
                    errors++;
                  }
                } else {
                  const err6 = { instancePath: instancePath + "/identities/" + i0 + "/reviewBy", schemaPath: "#/properties/identities/items/allOf/0/then/properties/reviewBy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema65.properties.identities.items.allOf[0].then.properties.reviewBy.type, parentSchema: schema65.properties.identities.items.allOf[0].then.properties.reviewBy, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors++;
                }
              }
              if (data1.reviewOverdue !== void 0) {
                let data5 = data1.reviewOverdue;
                if (false !== data5) {
                  const err7 = { instancePath: instancePath + "/identities/" + i0 + "/reviewOverdue", schemaPath: "#/properties/identities/items/allOf/0/then/properties/reviewOverdue/const", keyword: "const", params: { allowedValue: false }, message: "must be equal to constant", schema: false, parentSchema: schema65.properties.identities.items.allOf[0].then.properties.reviewOverdue, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err7];
                  } else {
                    vErrors.push(err7);
                  }
                  errors++;
                }
              }
              if (data1.missingTags !== void 0) {
                let data6 = data1.missingTags;
                if (Array.isArray(data6)) {
                  if (data6.length > 0) {
                    const err8 = { instancePath: instancePath + "/identities/" + i0 + "/missingTags", schemaPath: "#/properties/identities/items/allOf/0/then/properties/missingTags/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema65.properties.identities.items.allOf[0].then.properties.missingTags, data: data6 };
                    if (vErrors === null) {
                      vErrors = [err8];
                    } else {
                      vErrors.push(err8);
                    }
                    errors++;
                  }
                } else {
                  const err9 = { instancePath: instancePath + "/identities/" + i0 + "/missingTags", schemaPath: "#/properties/identities/items/allOf/0/then/properties/missingTags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema65.properties.identities.items.allOf[0].then.properties.missingTags.type, parentSchema: schema65.properties.identities.items.allOf[0].then.properties.missingTags, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
              }
            } else {
              const err10 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/allOf/0/then/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.properties.identities.items.allOf[0].then.type, parentSchema: schema65.properties.identities.items.allOf[0].then, data: data1 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            var _valid0 = _errs11 === errors;
            valid4 = _valid0;
            if (valid4) {
              var props0 = {};
              props0.owner = true;
              props0.reviewBy = true;
              props0.reviewOverdue = true;
              props0.missingTags = true;
              props0.tool = true;
            }
          }
          if (!valid4) {
            const err11 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/allOf/0/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema65.properties.identities.items.allOf[0].if, parentSchema: schema65.properties.identities.items.allOf[0], data: data1 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.orphan !== void 0) {
              let data7 = data1.orphan;
              if (false !== data7) {
                const err12 = { instancePath: instancePath + "/identities/" + i0 + "/orphan", schemaPath: "#/properties/identities/items/allOf/1/properties/orphan/const", keyword: "const", params: { allowedValue: false }, message: "must be equal to constant", schema: false, parentSchema: schema65.properties.identities.items.allOf[1].properties.orphan, data: data7 };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
          } else {
            const err13 = { instancePath: instancePath + "/identities/" + i0, schemaPath: "#/properties/identities/items/allOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.properties.identities.items.allOf[1].type, parentSchema: schema65.properties.identities.items.allOf[1], data: data1 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
          if (props0 !== true) {
            props0 = props0 || {};
            props0.orphan = true;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/identities", schemaPath: "#/properties/identities/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema65.properties.identities.type, parentSchema: schema65.properties.identities, data: data0 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
  } else {
    const err15 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema65.type, parentSchema: schema65, data };
    if (vErrors === null) {
      vErrors = [err15];
    } else {
      vErrors.push(err15);
    }
    errors++;
  }
  validate37.errors = vErrors;
  return errors === 0;
}
validate37.evaluated = { "props": { "identities": true }, "dynamicProps": false, "dynamicItems": false };
var control18 = validate38;
var schema66 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-020.schema.json", "title": "MCP-NHI-020 Unavoidable secrets are vaulted and rotated", "description": "Secrets Manager secrets with a customer key and a rotation schedule \u2264 policy days; GCP secret rotation period; Key Vault secret expiration", "x-nhi-control": { "id": "MCP-NHI-020", "title": "Unavoidable secrets are vaulted and rotated", "severity": "medium", "scope": "any", "frameworks": { "NHI": ["NHI7", "NHI2"], "ASI": ["ASI03"], "MCP": ["MCP01"], "MAESTRO": ["L6"], "CSF": ["PR.AA-01", "PR.DS-01"] }, "description": "Secrets Manager secrets with a customer key and a rotation schedule \u2264 policy days; GCP secret rotation period; Key Vault secret expiration", "fix": "Encrypt unavoidable secrets with a customer-managed key and rotate them on a schedule no longer than the policy's rotationDays.", "parameters": { "rotationDays": 90 } }, "type": "object", "properties": { "secrets": { "type": "array", "items": { "type": "object", "properties": { "rotationIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate38(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate38.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.secrets !== void 0) {
      let data0 = data.secrets;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.rotationIssues !== void 0) {
              let data2 = data1.rotationIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/secrets/" + i0 + "/rotationIssues", schemaPath: "#/properties/secrets/items/properties/rotationIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema66.properties.secrets.items.properties.rotationIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/secrets/" + i0 + "/rotationIssues", schemaPath: "#/properties/secrets/items/properties/rotationIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema66.properties.secrets.items.properties.rotationIssues.type, parentSchema: schema66.properties.secrets.items.properties.rotationIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/secrets/" + i0, schemaPath: "#/properties/secrets/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema66.properties.secrets.items.type, parentSchema: schema66.properties.secrets.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/secrets", schemaPath: "#/properties/secrets/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema66.properties.secrets.type, parentSchema: schema66.properties.secrets, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema66.type, parentSchema: schema66, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate38.errors = vErrors;
  return errors === 0;
}
validate38.evaluated = { "props": { "secrets": true }, "dynamicProps": false, "dynamicItems": false };
var control19 = validate39;
var schema67 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-022.schema.json", "title": "MCP-NHI-022 Audit trail for tool calls and token minting", "description": "CloudTrail (multi-region, log file validation) or gateway logging with retention; GCP data access audit config for iamcredentials; Azure diagnostic settings", "x-nhi-control": { "id": "MCP-NHI-022", "title": "Audit trail for tool calls and token minting", "severity": "high", "scope": "server", "frameworks": { "NHI": ["NHI1", "NHI10"], "ASI": ["ASI08", "ASI10"], "MCP": ["MCP08"], "MAESTRO": ["L5"], "CSF": ["PR.PS-04", "DE.CM-03"] }, "description": "CloudTrail (multi-region, log file validation) or gateway logging with retention; GCP data access audit config for iamcredentials; Azure diagnostic settings", "fix": "Record tool calls and token minting: a multi-region CloudTrail with log file validation, or gateway/function logs with a retention period (set auditTrailExternal in the policy when the account trail is managed elsewhere).", "parameters": { "auditTrailExternal": false } }, "type": "object", "properties": { "servers": { "type": "array", "items": { "type": "object", "properties": { "auditIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate39(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate39.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.servers !== void 0) {
      let data0 = data.servers;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.auditIssues !== void 0) {
              let data2 = data1.auditIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/servers/" + i0 + "/auditIssues", schemaPath: "#/properties/servers/items/properties/auditIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema67.properties.servers.items.properties.auditIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/servers/" + i0 + "/auditIssues", schemaPath: "#/properties/servers/items/properties/auditIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema67.properties.servers.items.properties.auditIssues.type, parentSchema: schema67.properties.servers.items.properties.auditIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/servers/" + i0, schemaPath: "#/properties/servers/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema67.properties.servers.items.type, parentSchema: schema67.properties.servers.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/servers", schemaPath: "#/properties/servers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema67.properties.servers.type, parentSchema: schema67.properties.servers, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema67.type, parentSchema: schema67, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate39.errors = vErrors;
  return errors === 0;
}
validate39.evaluated = { "props": { "servers": true }, "dynamicProps": false, "dynamicItems": false };
var control20 = validate40;
var schema68 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-023.schema.json", "title": "MCP-NHI-023 Egress is allow-listed", "description": "no all-ports 0.0.0.0/0 egress on the server's security groups; K8s NetworkPolicy with Egress", "x-nhi-control": { "id": "MCP-NHI-023", "title": "Egress is allow-listed", "severity": "medium", "scope": "server", "frameworks": { "NHI": ["NHI3"], "ASI": ["ASI02", "ASI05"], "MCP": ["MCP05"], "MAESTRO": ["L4"], "CSF": ["PR.IR-01"] }, "description": "no all-ports 0.0.0.0/0 egress on the server's security groups; K8s NetworkPolicy with Egress", "fix": "Allow-list the server's egress: replace all-ports 0.0.0.0/0 egress with the destinations and ports its tools call (or a VPC endpoint / egress proxy)." }, "type": "object", "properties": { "servers": { "type": "array", "items": { "type": "object", "properties": { "egressIssues": { "type": "array", "maxItems": 0 } } } } } };
function validate40(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate40.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.servers !== void 0) {
      let data0 = data.servers;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.egressIssues !== void 0) {
              let data2 = data1.egressIssues;
              if (Array.isArray(data2)) {
                if (data2.length > 0) {
                  const err0 = { instancePath: instancePath + "/servers/" + i0 + "/egressIssues", schemaPath: "#/properties/servers/items/properties/egressIssues/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema68.properties.servers.items.properties.egressIssues, data: data2 };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
              } else {
                const err1 = { instancePath: instancePath + "/servers/" + i0 + "/egressIssues", schemaPath: "#/properties/servers/items/properties/egressIssues/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema68.properties.servers.items.properties.egressIssues.type, parentSchema: schema68.properties.servers.items.properties.egressIssues, data: data2 };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            }
          } else {
            const err2 = { instancePath: instancePath + "/servers/" + i0, schemaPath: "#/properties/servers/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema68.properties.servers.items.type, parentSchema: schema68.properties.servers.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/servers", schemaPath: "#/properties/servers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema68.properties.servers.type, parentSchema: schema68.properties.servers, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema68.type, parentSchema: schema68, data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate40.errors = vErrors;
  return errors === 0;
}
validate40.evaluated = { "props": { "servers": true }, "dynamicProps": false, "dynamicItems": false };
var control21 = validate41;
var schema69 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-024.schema.json", "title": "MCP-NHI-024 Server images are pinned", "description": "container images by digest (@sha256:) in Lambda image_uri, ECS, K8s, Cloud Run", "x-nhi-control": { "id": "MCP-NHI-024", "title": "Server images are pinned", "severity": "medium", "scope": "server", "frameworks": { "NHI": ["NHI3"], "ASI": ["ASI04"], "MCP": ["MCP03", "MCP04"], "MAESTRO": ["L7"], "CSF": ["PR.PS-02"] }, "description": "container images by digest (@sha256:) in Lambda image_uri, ECS, K8s, Cloud Run", "fix": "Pin server images by digest (`image@sha256:...`) so what was reviewed is what runs." }, "type": "object", "properties": { "workloads": { "type": "array", "items": { "if": { "type": "object", "anyOf": [{ "required": ["server"], "properties": { "server": { "type": "string" } } }, { "required": ["tool"], "properties": { "tool": { "type": "string" } } }] }, "then": { "type": "object", "properties": { "unpinnedImages": { "type": "array", "maxItems": 0 } } } } } } };
function validate41(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate41.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.workloads !== void 0) {
      let data0 = data.workloads;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          const _errs5 = errors;
          let valid3 = true;
          const _errs6 = errors;
          if (!(data1 && typeof data1 == "object" && !Array.isArray(data1))) {
            const err0 = {};
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
          const _errs8 = errors;
          let valid4 = false;
          const _errs9 = errors;
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            let missing0;
            if (data1.server === void 0 && (missing0 = "server")) {
              const err1 = {};
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            } else {
              if (data1.server !== void 0) {
                if (typeof data1.server !== "string") {
                  const err2 = {};
                  if (vErrors === null) {
                    vErrors = [err2];
                  } else {
                    vErrors.push(err2);
                  }
                  errors++;
                }
              }
            }
          }
          var _valid1 = _errs9 === errors;
          valid4 = valid4 || _valid1;
          if (_valid1) {
            var props0 = {};
            props0.server = true;
          }
          const _errs12 = errors;
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            let missing1;
            if (data1.tool === void 0 && (missing1 = "tool")) {
              const err3 = {};
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            } else {
              if (data1.tool !== void 0) {
                if (typeof data1.tool !== "string") {
                  const err4 = {};
                  if (vErrors === null) {
                    vErrors = [err4];
                  } else {
                    vErrors.push(err4);
                  }
                  errors++;
                }
              }
            }
          }
          var _valid1 = _errs12 === errors;
          valid4 = valid4 || _valid1;
          if (_valid1) {
            if (props0 !== true) {
              props0 = props0 || {};
              props0.tool = true;
            }
          }
          if (!valid4) {
            const err5 = {};
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          } else {
            errors = _errs8;
            if (vErrors !== null) {
              if (_errs8) {
                vErrors.length = _errs8;
              } else {
                vErrors = null;
              }
            }
          }
          var _valid0 = _errs6 === errors;
          errors = _errs5;
          if (vErrors !== null) {
            if (_errs5) {
              vErrors.length = _errs5;
            } else {
              vErrors = null;
            }
          }
          if (_valid0) {
            const _errs15 = errors;
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              if (data1.unpinnedImages !== void 0) {
                let data4 = data1.unpinnedImages;
                if (Array.isArray(data4)) {
                  if (data4.length > 0) {
                    const err6 = { instancePath: instancePath + "/workloads/" + i0 + "/unpinnedImages", schemaPath: "#/properties/workloads/items/then/properties/unpinnedImages/maxItems", keyword: "maxItems", params: { limit: 0 }, message: "must NOT have more than 0 items", schema: 0, parentSchema: schema69.properties.workloads.items.then.properties.unpinnedImages, data: data4 };
                    if (vErrors === null) {
                      vErrors = [err6];
                    } else {
                      vErrors.push(err6);
                    }
                    errors++;
                  }
                } else {
                  const err7 = { instancePath: instancePath + "/workloads/" + i0 + "/unpinnedImages", schemaPath: "#/properties/workloads/items/then/properties/unpinnedImages/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema69.properties.workloads.items.then.properties.unpinnedImages.type, parentSchema: schema69.properties.workloads.items.then.properties.unpinnedImages, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err7];
                  } else {
                    vErrors.push(err7);
                  }
                  errors++;
                }
              }
            } else {
              const err8 = { instancePath: instancePath + "/workloads/" + i0, schemaPath: "#/properties/workloads/items/then/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema69.properties.workloads.items.then.type, parentSchema: schema69.properties.workloads.items.then, data: data1 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            var _valid0 = _errs15 === errors;
            valid3 = _valid0;
            if (valid3) {
              if (props0 !== true) {
                props0 = props0 || {};
                props0.unpinnedImages = true;
              }
            }
          }
          if (!valid3) {
            const err9 = { instancePath: instancePath + "/workloads/" + i0, schemaPath: "#/properties/workloads/items/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema69.properties.workloads.items.if, parentSchema: schema69.properties.workloads.items, data: data1 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/workloads", schemaPath: "#/properties/workloads/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema69.properties.workloads.type, parentSchema: schema69.properties.workloads, data: data0 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
  } else {
    const err11 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema69.type, parentSchema: schema69, data };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate41.errors = vErrors;
  return errors === 0;
}
validate41.evaluated = { "props": { "workloads": true }, "dynamicProps": false, "dynamicItems": false };
var precompiledControls = {
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-001.schema.json": control0,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-002.schema.json": control1,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-003.schema.json": control2,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-004.schema.json": control3,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-005.schema.json": control4,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-006.schema.json": control5,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-007.schema.json": control6,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-008.schema.json": control7,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-009.schema.json": control8,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-010.schema.json": control9,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-011.schema.json": control10,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-012.schema.json": control11,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-013.schema.json": control12,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-014.schema.json": control13,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-015.schema.json": control14,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-017.schema.json": control15,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-018.schema.json": control16,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-019.schema.json": control17,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-020.schema.json": control18,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-022.schema.json": control19,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-023.schema.json": control20,
  "https://mcp-nhi-guard.dev/schemas/v1/controls/MCP-NHI-024.schema.json": control21
};

// action/controls/control-set.ts
function compile(schema, builtin) {
  let validate = controlValidators.get(schema);
  if (!validate) {
    const id = typeof schema.$id === "string" ? schema.$id : void 0;
    const prebuilt = builtin && id ? precompiledControls?.[id] : void 0;
    validate = prebuilt ?? compileControl(schema);
    controlValidators.set(schema, validate);
  }
  return validate;
}
function controlMeta(schema, origin) {
  const raw = schema["x-nhi-control"];
  if (!raw || typeof raw.id !== "string" || typeof raw.title !== "string") {
    throw new Error(`control schema from ${origin} has no x-nhi-control {id, title}`);
  }
  const severity = SEVERITIES.includes(raw.severity) ? raw.severity : "high";
  const scope = raw.scope === "tool" || raw.scope === "server" ? raw.scope : "any";
  return {
    id: raw.id,
    title: raw.title,
    severity,
    scope,
    frameworks: raw.frameworks ?? {},
    description: typeof raw.description === "string" ? raw.description : raw.title,
    fix: typeof raw.fix === "string" ? raw.fix : "See the control description.",
    ...raw.parameters ? { parameters: raw.parameters } : {},
    origin
  };
}
function loadControlSet(policy) {
  const sources = [
    ...BUILTIN_CONTROL_SCHEMAS.map((schema) => ({ schema, origin: "builtin" })),
    ...policy.customControls.map((schema) => ({ schema, origin: policy.path ?? "policy" }))
  ];
  const controls = [];
  const parameters = {};
  for (const { schema, origin } of sources) {
    const base = controlMeta(schema, origin);
    const setting = policy.controls[base.id];
    Object.assign(parameters, base.parameters, setting?.parameters);
    if (setting?.enabled === false) continue;
    const meta = setting?.severity ? { ...base, severity: setting.severity } : base;
    controls.push({ meta, validate: compile(schema, origin === "builtin") });
  }
  return { controls, parameters };
}

// action/controls/evaluate-controls.ts
function evaluateControls(inventory, controlSet, sourceOf) {
  const findings = [];
  for (const control of controlSet.controls) {
    if (passes(control, inventory)) continue;
    const base = {
      control: control.meta.id,
      severity: control.meta.severity,
      fix: control.meta.fix,
      frameworks: control.meta.frameworks
    };
    const seen = /* @__PURE__ */ new Set();
    const keep = (finding2) => {
      const key = `${finding2.address}\0${finding2.attribute ?? ""}\0${finding2.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push(finding2);
    };
    for (const error of control.validate.errors ?? []) {
      if (error.keyword === "if") continue;
      errorToFindings(inventory, base, error, sourceOf, keep);
    }
  }
  return findings;
}
function passes(control, inventory) {
  if (control.meta.origin === "builtin") return control.validate(inventory);
  try {
    return control.validate(inventory);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new PolicyError(
      control.meta.origin,
      `custom control ${control.meta.id} cannot be evaluated: ${reason}`
    );
  }
}
var NO_OWNER = Object.freeze({});
function errorToFindings(inventory, base, error, sourceOf, keep) {
  const segments = error.instancePath.split("/");
  let value = inventory;
  let entity;
  let collection;
  for (let i = 1; i < segments.length; i++) {
    const segment = unescapePointer(segments[i]);
    segments[i] = segment;
    if (entity === void 0 && collection === void 0) collection = segment;
    value = value?.[segment];
    if (isEntity(value)) entity = value;
  }
  const depth = segments.length - 1;
  const fact = depth > 0 ? segments[depth] : "";
  const owner = attributionOf(entity, collection);
  if (Array.isArray(value) && error.keyword === "maxItems" && error.params.limit === 0 && value.some(isEntity)) {
    const itemsAreEntities = depth === 1;
    for (const item of value) {
      if (!isEntity(item)) continue;
      const evidence2 = item;
      const unknown2 = isUnknown(item);
      keep(
        finding(base, {
          status: unknown2 ? "unknown" : "fail",
          address: evidence2.address,
          attribute: evidence2.attribute,
          owner: itemsAreEntities ? attributionOf(evidence2, collection) : owner,
          message: evidence2.detail ?? `${evidence2.address} ${error.message ?? "fails"}`,
          source: evidence2.address === entity?.address ? entity.source : sourceOf(evidence2.address) ?? entity?.source,
          refs: unknown2 ? [...item.refs] : void 0
        })
      );
    }
    return;
  }
  const address = entity?.address ?? (inventory.servers[0]?.address || "inventory");
  const attribute2 = entity?.at?.[fact] ?? (fact && !/^\d+$/.test(fact) ? fact : void 0);
  const unknown = isUnknown(value) ? value : void 0;
  const message = unknown ? `${attribute2 ?? fact} is known only after apply (${describeUnknown(unknown)}), so this control cannot be decided yet` : messageFor(error, value);
  keep(
    finding(base, {
      status: unknown ? "unknown" : "fail",
      address,
      attribute: attribute2,
      owner,
      message,
      source: entity?.source ?? sourceOf(address),
      refs: unknown ? [...unknown.refs] : void 0
    })
  );
}
function finding(base, facts2) {
  const out = {
    control: base.control,
    severity: base.severity,
    fix: base.fix,
    frameworks: base.frameworks,
    status: facts2.status,
    address: facts2.address
  };
  if (facts2.attribute !== void 0) out.attribute = facts2.attribute;
  if (facts2.owner.server !== void 0) out.server = facts2.owner.server;
  if (facts2.owner.tool !== void 0) out.tool = facts2.owner.tool;
  out.message = facts2.message;
  if (facts2.source !== void 0) out.source = facts2.source;
  if (facts2.refs !== void 0) out.refs = facts2.refs;
  return out;
}
function messageFor(error, value) {
  const template = error.parentSchema?.["x-nhi-message"];
  const shown = Array.isArray(value) ? value.map(String).join(", ") : value === null || value === void 0 ? "not set" : String(value);
  if (typeof template === "string") {
    return template.replaceAll("{value}", shown).replaceAll("{count}", String(Array.isArray(value) ? value.length : 1)).replaceAll("{limit}", String(error.params.limit ?? error.params.allowedValue ?? ""));
  }
  const last = unescapePointer(error.instancePath.split("/").at(-1) ?? "");
  const subject = last === "" || /^\d+$/.test(last) ? "" : `${last} `;
  const readable = value === null || value === void 0 || typeof value !== "object" || Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null);
  return `${subject}${error.message ?? "does not match the control"}${readable ? ` (is ${shown})` : ""}`;
}
function attributionOf(entity, collection) {
  if (!entity) return NO_OWNER;
  const server = entity.server ?? entity.servers?.[0];
  const tool = entity.tool ?? (collection === "tools" && typeof entity.name === "string" ? entity.name : void 0);
  if (!server && !tool) return NO_OWNER;
  return server && tool ? { server, tool } : server ? { server } : { tool };
}
function isEntity(value) {
  return typeof value === "object" && value !== null && typeof value.address === "string";
}
function unescapePointer(segment) {
  if (!segment.includes("~")) return segment;
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

// action/policy/glob.ts
var globCache = /* @__PURE__ */ new Map();
function compileGlob(glob) {
  let compiled = globCache.get(glob);
  if (compiled === void 0) {
    compiled = { chars: Array.from(glob) };
    globCache.set(glob, compiled);
  }
  return compiled;
}
function matchAddress(glob, address) {
  const pattern = compileGlob(glob).chars;
  const text = Array.from(address);
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === "*") {
      starP = ++p;
      starT = t;
    } else if (c !== void 0 && (c === "?" || c === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

// action/inventory/values.ts
function blocks(value) {
  if (Array.isArray(value)) return value.filter(isPlainObject);
  return isPlainObject(value) && !isUnknown(value) ? [value] : [];
}
function firstBlock(value) {
  return blocks(value)[0];
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// action/inventory/tags.ts
var ABSENT_KEYS = /* @__PURE__ */ Symbol("absent keys");
var EMPTY = Object.freeze({});
function readTags(record) {
  const values = record.values;
  const tags = values.tags ?? values.labels;
  const all = values.tags_all;
  if (isUnknown(tags) && !isPlainObject(all)) return tags;
  const merged = {};
  for (const source of [all, tags]) {
    if (!isPlainObject(source) || isUnknown(source)) continue;
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === "string" || isUnknown(value)) merged[key] = value;
    }
  }
  if (Object.keys(merged).length === 0) return isUnknown(all) ? all : EMPTY;
  return isUnknown(all) ? Object.assign(merged, { [ABSENT_KEYS]: all }) : merged;
}
function readTag(record, key) {
  const values = record.values;
  return tagOf(values.tags ?? values.labels, values.tags_all, key);
}
function tagOf(tags, all, key) {
  if (key === "__proto__") return tagValue(readTags({ values: { tags, tags_all: all } }), key);
  if (isUnknown(tags) && !isPlainObject(all)) return tags;
  const own = tagIn(tags, key);
  if (own !== void 0) return own;
  const inherited = tagIn(all, key);
  if (inherited !== void 0) return inherited;
  if (isUnknown(all)) return all;
  return void 0;
}
function tagIn(source, key) {
  if (!isPlainObject(source) || isUnknown(source) || !Object.hasOwn(source, key)) return void 0;
  const value = source[key];
  return typeof value === "string" || isUnknown(value) ? value : void 0;
}
function tagValue(tags, key) {
  if (isUnknown(tags)) return tags;
  return Object.hasOwn(tags, key) ? tags[key] : tags[ABSENT_KEYS];
}

// action/inventory/attribution.ts
var IDENTITY_TYPES = /* @__PURE__ */ new Set([
  "aws_iam_role",
  "aws_iam_user",
  "google_service_account",
  "azurerm_user_assigned_identity",
  "kubernetes_service_account",
  "kubernetes_service_account_v1"
]);
var NONE = Object.freeze({});
var UNRESOLVED = Object.freeze({ attributedBy: "unresolved" });
function tagClaim(server, tool, tenant) {
  const claim = { server };
  if (typeof tool === "string") claim.tool = tool;
  if (typeof tenant === "string") claim.tenant = tenant;
  claim.attributedBy = "tags";
  return claim;
}
function selects(glob, address) {
  if (matchAddress(glob, address)) return true;
  return targetForms(address).some((form) => matchAddress(glob, form));
}
var formsCache = /* @__PURE__ */ new Map();
function targetForms(address) {
  let forms = formsCache.get(address);
  if (forms !== void 0) return forms;
  const steps = addressSteps(address);
  if (steps === void 0) {
    const base = address.replace(/\[[^\]]*\]$/, "");
    forms = base === address ? [] : [base];
    formsCache.set(address, forms);
    return forms;
  }
  const ends = [];
  for (let i = 0; i + 1 < steps.length && steps[i]?.name === "module"; i += 2) ends.push(i + 2);
  if (ends[ends.length - 1] !== steps.length) ends.push(steps.length);
  const found = /* @__PURE__ */ new Set();
  for (const end of ends) {
    let variants = [""];
    for (const step of steps.slice(0, end)) {
      const dot = (text) => text === "" ? "" : `${text}.`;
      variants = variants.flatMap(
        (text) => step.key === void 0 ? [`${dot(text)}${step.name}`] : [`${dot(text)}${step.name}${step.key}`, `${dot(text)}${step.name}`]
      );
    }
    for (const variant of variants) if (variant !== address) found.add(variant);
  }
  forms = [...found];
  formsCache.set(address, forms);
  return forms;
}
function addressSteps(address) {
  const steps = [];
  let name = "";
  let key;
  let inKey = false;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const char = address[i];
    if (inKey) {
      key += char;
      if (quoted) {
        if (char === "\\") key += address[++i] ?? "";
        else if (char === '"') quoted = false;
      } else if (char === '"') quoted = true;
      else if (char === "]") inKey = false;
    } else if (char === "[" && key === void 0) {
      inKey = true;
      key = "[";
    } else if (char === ".") {
      steps.push(key === void 0 ? { name } : { name, key });
      name = "";
      key = void 0;
    } else if (key !== void 0) {
      return void 0;
    } else name += char;
  }
  if (inKey) return void 0;
  steps.push(key === void 0 ? { name } : { name, key });
  return steps;
}
function manifestResolver(index) {
  let byBase;
  return (address, fromModule) => {
    if (index.byAddress.has(address)) return [address];
    if (byBase === void 0) {
      byBase = /* @__PURE__ */ new Map();
      for (const record of index.all) {
        const base = record.address.replace(/\[[^\]]*\]$/, "");
        for (const key of [base, ...moduleSuffixes(base)]) {
          const list = byBase.get(key);
          if (list) list.push(record.address);
          else byBase.set(key, [record.address]);
        }
      }
    }
    const all = byBase.get(address) ?? [];
    if (fromModule === "") return all;
    const own = all.filter((candidate) => candidate.startsWith(`${fromModule}.`));
    return own.length > 0 ? own : all;
  };
}
function moduleSuffixes(address) {
  const out = [];
  let at = 0;
  for (const segment of moduleSegments(address)) {
    at += segment.length + 1;
    if (at < address.length) out.push(address.slice(at));
  }
  return out;
}
function attribute(index, manifests, policy) {
  const claims2 = /* @__PURE__ */ new Map();
  const environments3 = /* @__PURE__ */ new Map();
  const servers = /* @__PURE__ */ new Map();
  const serverOf = (name) => {
    let server = servers.get(name);
    if (!server) {
      server = { name, multiTenant: false, tools: /* @__PURE__ */ new Map() };
      servers.set(name, server);
    }
    return server;
  };
  const toolOf = (server, name) => {
    let tool = server.tools.get(name);
    if (!tool) {
      tool = { name, identities: /* @__PURE__ */ new Set(), sensitive: false, writeCapable: false };
      server.tools.set(name, tool);
    }
    return tool;
  };
  const claim = (address, attribution) => {
    if (!claims2.has(address)) claims2.set(address, attribution);
  };
  const { tags: names } = policy;
  const tagged = readTagClaims(index, names, environments3);
  const manifestModule = (manifest) => index.byAddress.get(manifest.address)?.module ?? "";
  const places = [];
  for (const manifest of manifests) {
    for (const declared2 of manifest.servers) {
      const slots = ["", ...declared2.tools.map((tool) => tool.name)];
      places.push({ server: declared2.name, module: manifestModule(manifest), slots });
    }
  }
  for (const { record, server, tool } of tagged) {
    if (server === void 0) continue;
    const slots = IDENTITY_TYPES.has(record.type) ? [typeof tool === "string" ? tool : ""] : NO_SLOTS;
    places.push({ server, module: record.module, slots });
  }
  const deployed = deploymentNames(places);
  const resolveIn = manifestResolver(index);
  for (const manifest of manifests) {
    const module = manifestModule(manifest);
    const resolve3 = (address) => resolveIn(address, module);
    for (const declared2 of manifest.servers) {
      const name = deployed(declared2.name, module);
      const server = serverOf(name);
      if (name !== declared2.name) server.base = declared2.name;
      const identities = declared2.identity ? resolve3(declared2.identity) : [];
      server.identity ??= identities[0];
      server.environment ??= declared2.environment;
      server.multiTenant ||= declared2.multiTenant === true;
      claim(manifest.address, { server: name, attributedBy: "manifest" });
      for (const identity of identities) claim(identity, { server: name, attributedBy: "manifest" });
      for (const address of (declared2.resources ?? []).flatMap(resolve3))
        claim(address, { server: name, attributedBy: "manifest" });
      for (const declaredTool of declared2.tools) {
        const tool = toolOf(server, declaredTool.name);
        tool.sensitive ||= declaredTool.sensitive === true;
        tool.writeCapable ||= declaredTool.writeCapable === true;
        tool.scopes ??= declaredTool.scopes;
        tool.address ??= declaredTool.identity ?? manifest.address;
        const toolClaim = { server: name, tool: declaredTool.name, attributedBy: "manifest" };
        for (const identity of declaredTool.identity ? resolve3(declaredTool.identity) : []) {
          tool.identities.add(identity);
          claim(identity, toolClaim);
        }
        for (const address of (declaredTool.resources ?? []).flatMap(resolve3)) claim(address, toolClaim);
      }
    }
  }
  for (const { record, server: serverTag, tool: toolTag, tenant, environment } of tagged) {
    if (claims2.has(record.address)) continue;
    if (serverTag === void 0) {
      claims2.set(record.address, UNRESOLVED);
      continue;
    }
    const name = deployed(serverTag, record.module);
    claims2.set(record.address, tagClaim(name, typeof toolTag === "string" ? toolTag : void 0, tenant));
    const server = serverOf(name);
    if (name !== serverTag) server.base = serverTag;
    if (typeof environment === "string" && !server.environment) server.environment = environment;
    if (typeof toolTag === "string") toolOf(server, toolTag).address ??= record.address;
  }
  const deploymentsOf = /* @__PURE__ */ new Map();
  for (const server of servers.values()) {
    if (server.base !== void 0) getOrMake(deploymentsOf, server.base, () => []).push(server);
  }
  const selectorName = (name, module) => deploymentsOf.has(name) ? deployed(name, module) : name;
  for (const selector of policy.servers) {
    for (const server of deploymentsOf.get(selector.name) ?? [serverOf(selector.name)]) {
      server.environment ??= selector.environment;
      server.multiTenant ||= selector.multiTenant === true;
      for (const declaredTool of selector.tools) {
        const tool = toolOf(server, declaredTool.name);
        tool.sensitive ||= declaredTool.sensitive === true;
        tool.writeCapable ||= declaredTool.writeCapable === true;
        tool.scopes ??= declaredTool.scopes;
      }
    }
  }
  if (policy.servers.length > 0) {
    for (const record of index.all) {
      if (claims2.has(record.address)) continue;
      for (const selector of policy.servers) {
        const tool = selector.tools.find((t) => t.select.some((glob) => selects(glob, record.address)));
        if (tool) {
          const name = selectorName(selector.name, record.module);
          claims2.set(record.address, { server: name, tool: tool.name, attributedBy: "selector" });
          toolOf(serverOf(name), tool.name).address ??= record.address;
          break;
        }
        if (selector.select.some((glob) => selects(glob, record.address))) {
          claims2.set(record.address, {
            server: selectorName(selector.name, record.module),
            attributedBy: "selector"
          });
          break;
        }
      }
    }
  }
  for (const [address, attribution] of claims2) {
    const record = index.byAddress.get(address);
    if (!record || !IDENTITY_TYPES.has(record.type) || !attribution.server) continue;
    const server = serverOf(attribution.server);
    if (attribution.tool) toolOf(server, attribution.tool).identities.add(address);
    else server.identity ??= address;
  }
  const declared = [...servers.values()].map((server) => ({
    name: server.name,
    ...server.identity ? { identity: server.identity } : {},
    ...server.environment ? { environment: server.environment } : {},
    multiTenant: server.multiTenant,
    tools: [...server.tools.values()].map(
      (tool) => ({
        name: tool.name,
        server: server.name,
        identities: [...tool.identities],
        sensitive: tool.sensitive,
        writeCapable: tool.writeCapable,
        ...tool.scopes ? { scopes: tool.scopes } : {},
        address: tool.address ?? [...tool.identities][0] ?? server.identity ?? `mcp-server.${server.name}`
      })
    )
  }));
  const serverEnvironment = new Map(declared.map((server) => [server.name, server.environment]));
  return {
    servers: declared,
    attributionOf: (address) => claims2.get(address) ?? NONE,
    environmentOf: (address) => {
      const own = environments3.get(address);
      if (own) return own;
      const server = claims2.get(address)?.server;
      return server ? serverEnvironment.get(server) : void 0;
    }
  };
}
function readTagClaims(index, names, environments3) {
  const out = [];
  for (const record of index.all) {
    if (record.mode !== "managed") continue;
    const { values } = record;
    const tags = values.tags ?? values.labels;
    const all = values.tags_all;
    if ((tags === void 0 || tags === null) && (all === void 0 || all === null)) continue;
    const environment = tagOf(tags, all, names.environment);
    if (typeof environment === "string") environments3.set(record.address, environment);
    const serverTag = tagOf(tags, all, names.server);
    const toolTag = tagOf(tags, all, names.tool);
    if (isUnknown(serverTag) || serverTag === void 0 && isUnknown(toolTag)) {
      out.push({ record, tool: toolTag, tenant: void 0, environment });
    } else if (typeof serverTag === "string") {
      out.push({
        record,
        server: serverTag,
        tool: toolTag,
        tenant: tagOf(tags, all, names.tenant),
        environment
      });
    }
  }
  return out;
}
function deploymentNames(places) {
  const segmentsOf = /* @__PURE__ */ new Map();
  const segments = (module) => getOrMake(segmentsOf, module, moduleSegments);
  const modulesOf = /* @__PURE__ */ new Map();
  for (const { server, module } of places) getOrMake(modulesOf, server, () => /* @__PURE__ */ new Set()).add(module);
  const byServer = /* @__PURE__ */ new Map();
  for (const { server, module, slots } of places) {
    if (modulesOf.get(server).size < 2) continue;
    getOrMake(byServer, server, () => []).push({ segments: segments(module), slots });
  }
  const depths = /* @__PURE__ */ new Map();
  for (const [server, list] of byServer) {
    if (list.some((place) => place.segments.length === 0)) continue;
    const deepest = Math.max(...list.map((place) => place.segments.length));
    for (let depth = 1; depth <= deepest; depth++) {
      const holders = /* @__PURE__ */ new Map();
      for (const { segments: segments2, slots } of list) {
        const prefix = segments2.slice(0, depth).join(".");
        for (const slot of slots) getOrMake(holders, slot, () => /* @__PURE__ */ new Set()).add(prefix);
      }
      if ([...holders.values()].some((modules) => modules.size > 1)) {
        depths.set(server, depth);
        break;
      }
    }
  }
  return (server, module) => {
    const depth = depths.get(server);
    if (depth === void 0 || module === "") return server;
    return `${server} (${segments(module).slice(0, depth).join(".")})`;
  };
}
var NO_SLOTS = [];
function moduleSegments(module) {
  const out = [];
  let at = 0;
  while (module.startsWith("module.", at)) {
    let end = at + "module.".length;
    while (end < module.length && module[end] !== "." && module[end] !== "[") end++;
    if (module[end] === "[") {
      const close = closingBracket(module, end);
      if (close < 0) break;
      end = close + 1;
    }
    out.push(module.slice(at, end));
    if (module[end] !== ".") break;
    at = end + 1;
  }
  return out;
}
function closingBracket(text, open) {
  let quoted = false;
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === "\\") i++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === "]") return i;
  }
  return -1;
}

// action/inventory/context.ts
function indexRecords(records) {
  const byAddress = /* @__PURE__ */ new Map();
  const types = /* @__PURE__ */ new Map();
  for (const record of records) {
    byAddress.set(record.address, record);
    const list = types.get(record.type);
    if (list) list.push(record);
    else types.set(record.type, [record]);
  }
  const managedTypes = /* @__PURE__ */ new Map();
  const byType = (type) => types.get(type) ?? [];
  return {
    all: records,
    byAddress,
    byType,
    managed(type) {
      let list = managedTypes.get(type);
      if (list === void 0) {
        list = byType(type).filter((record) => record.mode === "managed");
        managedTypes.set(type, list);
      }
      return list;
    }
  };
}
var positions = /* @__PURE__ */ new WeakMap();
function inInputOrder(index, records) {
  let position = positions.get(index);
  if (!position) {
    position = /* @__PURE__ */ new Map();
    for (let i = 0; i < index.all.length; i++) position.set(index.all[i], i);
    positions.set(index, position);
  }
  const order = position;
  return [...records].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
function oncePerIndex(make) {
  const made = /* @__PURE__ */ new WeakMap();
  return (index) => getOrMake(made, index, make);
}

// action/inventory/aws/resolve.ts
var ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;
var POLICY_ARN = /^arn:aws[\w-]*:iam::(\d{12}|aws):policy\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;
function resolveRefs(index, value, type) {
  if (isUnknown(value)) return resolveRefList(index, value.refs, type);
  if (typeof value !== "string" || value === "") return [];
  const tables = tablesOf(index);
  const keys = tables.keys(type);
  const name = type === "aws_iam_role" ? ROLE_ARN.exec(value)?.[1] ?? value : lastArnSegment(value);
  const byName = keys.name.get(name) ?? [];
  const byArn = keys.arn.get(value);
  const byId = keys.id.get(value);
  if (byArn === void 0 && byId === void 0) return byName;
  return [.../* @__PURE__ */ new Set([...byName, ...byArn ?? [], ...byId ?? []])];
}
function resolveRefList(index, refs, type) {
  const out = [];
  for (const ref of refs) {
    if (addressType(ref) !== type) continue;
    const instances = index.byAddress.has(ref) ? void 0 : tablesOf(index).instances(type).get(ref);
    if (instances) out.push(...instances);
    else out.push(ref);
  }
  return out;
}
function recordsReferring(index, type, attribute2, targetType, target) {
  return tablesOf(index).reverse(type, attribute2, targetType).get(target) ?? [];
}
function recordsNaming(index, type, attribute2, literal) {
  return tablesOf(index).literals(type, attribute2).get(literal) ?? [];
}
var tablesByIndex = /* @__PURE__ */ new WeakMap();
function tablesOf(index) {
  let tables = tablesByIndex.get(index);
  if (tables) return tables;
  const keys = /* @__PURE__ */ new Map();
  const instances = /* @__PURE__ */ new Map();
  const reverse = /* @__PURE__ */ new Map();
  const push2 = (map, key, value) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const literals2 = /* @__PURE__ */ new Map();
  tables = {
    keys(type) {
      let table = keys.get(type);
      if (!table) {
        const byField = { name: /* @__PURE__ */ new Map(), arn: /* @__PURE__ */ new Map(), id: /* @__PURE__ */ new Map() };
        for (const record of index.byType(type)) {
          for (const field2 of ["name", "arn", "id"]) {
            const value = record.values[field2];
            if (typeof value === "string" && value !== "") push2(byField[field2], value, record.address);
          }
        }
        table = byField;
        keys.set(type, table);
      }
      return table;
    },
    instances(type) {
      let table = instances.get(type);
      if (!table) {
        table = /* @__PURE__ */ new Map();
        for (const record of index.byType(type)) {
          const base = withoutInstanceKey(record.address);
          if (base !== record.address) push2(table, base, record.address);
        }
        instances.set(type, table);
      }
      return table;
    },
    reverse(type, attribute2, targetType) {
      const byAttribute2 = getOrMake(reverse, type, () => /* @__PURE__ */ new Map());
      const byTarget = getOrMake(byAttribute2, attribute2, () => /* @__PURE__ */ new Map());
      return getOrMake(byTarget, targetType, () => {
        const table = /* @__PURE__ */ new Map();
        for (const record of index.byType(type)) {
          if (record.mode !== "managed") continue;
          const value = record.values[attribute2];
          const targets = /* @__PURE__ */ new Set();
          for (const element of Array.isArray(value) ? value : [value]) {
            for (const target of resolveRefs(index, element, targetType)) targets.add(target);
          }
          for (const target of targets) push2(table, target, record);
        }
        return table;
      });
    },
    literals(type, attribute2) {
      const byAttribute2 = getOrMake(literals2, type, () => /* @__PURE__ */ new Map());
      return getOrMake(byAttribute2, attribute2, () => {
        const table = /* @__PURE__ */ new Map();
        for (const record of index.managed(type)) {
          const value = record.values[attribute2];
          const strings2 = /* @__PURE__ */ new Set();
          for (const element of Array.isArray(value) ? value : [value]) {
            if (typeof element === "string") strings2.add(element);
          }
          for (const literal of strings2) push2(table, literal, record);
        }
        return table;
      });
    }
  };
  tablesByIndex.set(index, tables);
  return tables;
}
function withoutInstanceKey(address) {
  return address.endsWith("]") ? address.replace(/\[[^\]]*\]$/, "") : address;
}
function resolveRole(index, value) {
  return resolveRefs(index, value, "aws_iam_role");
}
function parsePolicyArn(arn) {
  const match = POLICY_ARN.exec(arn);
  return match ? { account: match[1], name: match[2] } : void 0;
}
function addressType(address) {
  const start = afterModules(address);
  const dot = address.indexOf(".", start);
  const first = dot < 0 ? address.slice(start) : address.slice(start, dot);
  if (first !== "data") return first;
  if (dot < 0) return void 0;
  const next = address.indexOf(".", dot + 1);
  return next < 0 ? address.slice(dot + 1) : address.slice(dot + 1, next);
}
function afterModules(address) {
  let at = 0;
  while (address.startsWith("module.", at)) {
    at += "module.".length;
    let end = at;
    while (end < address.length && address[end] !== "." && address[end] !== "[") end++;
    if (end === at) continue;
    if (address[end] === "[") {
      const close = address.indexOf("]", end + 1);
      if (close >= 0) end = close + 1;
    }
    if (address[end] === ".") end++;
    at = end;
  }
  return at;
}
function lastArnSegment(value) {
  const slash = value.lastIndexOf("/");
  const colon = value.lastIndexOf(":");
  return value.slice(Math.max(slash, colon) + 1);
}

// action/inventory/aws/facts-common.ts
var DEFAULT_OMNIBUS_SCOPES = ["*", "all", "admin", "full-access", "full_access", "root"];
var DEFAULT_ROTATION_DAYS = 90;
function stringArray(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : void 0;
}
function runtimeParameters(ctx) {
  const p = ctx.parameters;
  const rotationDays = typeof p.rotationDays === "number" && Number.isFinite(p.rotationDays) ? p.rotationDays : DEFAULT_ROTATION_DAYS;
  return {
    secretNamePatterns: stringArray(p.secretNamePatterns) ?? [],
    allowNames: new Set((stringArray(p.allowNames) ?? []).map((name) => name.toLowerCase())),
    rotationDays,
    omnibusScopes: new Set(
      (stringArray(p.omnibusScopes) ?? DEFAULT_OMNIBUS_SCOPES).map((s) => s.toLowerCase())
    ),
    auditTrailExternal: p.auditTrailExternal === true
  };
}
function attributionFields(attribution) {
  const out = {};
  if (attribution.server !== void 0) out.server = attribution.server;
  if (attribution.tool !== void 0) out.tool = attribution.tool;
  if (attribution.tenant !== void 0) out.tenant = attribution.tenant;
  if (attribution.attributedBy !== void 0) out.attributedBy = attribution.attributedBy;
  return out;
}
function attributed(head, attribution, body) {
  const out = head;
  if (attribution.server !== void 0) out.server = attribution.server;
  if (attribution.tool !== void 0) out.tool = attribution.tool;
  if (attribution.tenant !== void 0) out.tenant = attribution.tenant;
  if (attribution.attributedBy !== void 0) out.attributedBy = attribution.attributedBy;
  return Object.assign(out, body);
}
function claims(attribution) {
  return attribution.server !== void 0 || attribution.tool !== void 0;
}
function identityAttribution(ctx, identity) {
  const own = ctx.attributionOf(identity);
  if (claims(own)) return own;
  return declaredIdentities(ctx).get(identity) ?? own;
}
var declaredByContext = /* @__PURE__ */ new WeakMap();
function declaredIdentities(ctx) {
  let declared = declaredByContext.get(ctx);
  if (declared === void 0) {
    const map = /* @__PURE__ */ new Map();
    for (const server of ctx.servers) {
      for (const tool of server.tools) {
        for (const identity of tool.identities) {
          if (!map.has(identity)) {
            map.set(identity, { server: server.name, tool: tool.name, attributedBy: "identity" });
          }
        }
      }
      if (server.identity !== void 0 && !map.has(server.identity)) {
        map.set(server.identity, { server: server.name, attributedBy: "identity" });
      }
    }
    declared = map;
    declaredByContext.set(ctx, declared);
  }
  return declared;
}
function inheritedAttribution(ctx, address, related) {
  const own = ctx.attributionOf(address);
  if (claims(own)) return attributionFields(own);
  for (const other of related) {
    const theirs = identityAttribution(ctx, other);
    if (claims(theirs)) return attributionFields({ ...theirs, attributedBy: "identity" });
  }
  return attributionFields(own);
}
function blockSegments(container, key) {
  return Array.isArray(container) ? [key, 0] : [key];
}
var GENERATED_VALUE = /\b(?:data\.)?(random_password|random_string|tls_private_key|aws_iam_access_key)\.[\w-]+/;
var SECRET_VALUE_ATTRIBUTES = {
  aws_secretsmanager_secret_version: /* @__PURE__ */ new Set(["secret_string", "secret_binary"]),
  aws_ssm_parameter: /* @__PURE__ */ new Set(["value", "insecure_value"]),
  random_password: /* @__PURE__ */ new Set(["result"]),
  aws_iam_access_key: /* @__PURE__ */ new Set(["secret", "ses_smtp_password_v4", "encrypted_secret"]),
  tls_private_key: /* @__PURE__ */ new Set(["private_key_pem", "private_key_openssh", "private_key_pem_pkcs8"]),
  aws_bedrockagentcore_api_key_credential_provider: /* @__PURE__ */ new Set(["api_key"])
};
var REFERENCE_IN_EXPRESSION = /\b(?:data\.)?([a-z][a-z0-9_]*)\.[\w-]+(?:\[[^\]]{0,200}\])?\.([a-z][a-z0-9_]*)/g;
function secretValueReference(value) {
  if (value.expression === void 0) return void 0;
  for (const match of value.expression.matchAll(REFERENCE_IN_EXPRESSION)) {
    const [, type, attribute2] = match;
    if (type !== void 0 && attribute2 !== void 0 && SECRET_VALUE_ATTRIBUTES[type]?.has(attribute2)) {
      return `${type}.${attribute2}`;
    }
  }
  return void 0;
}
function generatedValueSource(value) {
  for (const ref of value.refs) {
    const type = addressType(ref);
    if (type !== void 0 && GENERATED_VALUE.test(`${type}.x`)) return ref;
  }
  if (value.expression !== void 0)
    return GENERATED_VALUE.exec(splitExpression(value.expression).code)?.[0];
  return void 0;
}
function unknownEvidence(address, attribute2, detail, value) {
  const evidence2 = { address, detail, $unknown: true, refs: value.refs };
  return attribute2 === void 0 ? evidence2 : { ...evidence2, attribute: attribute2 };
}
function evidence(address, attribute2, detail) {
  return attribute2 === void 0 ? { address, detail } : { address, attribute: attribute2, detail };
}
function unique(items) {
  return [...new Set(items)];
}

// action/inventory/aws/credentials.ts
var USER_ARGUMENT = {
  aws_iam_access_key: "user",
  aws_iam_user_login_profile: "user",
  aws_iam_service_specific_credential: "user_name",
  aws_iam_signing_certificate: "user_name"
};
function awsCredentials(ctx) {
  const out = [];
  for (const [type, userArgument] of Object.entries(USER_ARGUMENT)) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== "managed") continue;
      const userValue = record.values[userArgument];
      const identity = resolveRefs(ctx.index, userValue, "aws_iam_user")[0];
      const user = userLabel(userValue, identity);
      if (type === "aws_iam_user_login_profile" && !isWorkloadUser(ctx, record, identity, user)) continue;
      out.push({
        address: record.address,
        source: record.source,
        ...inheritedAttribution(ctx, record.address, identity === void 0 ? [] : [identity]),
        kind: type,
        ...identity === void 0 ? {} : { identity },
        detail: credentialDetail(record, user),
        at: { identity: userArgument }
      });
    }
  }
  return out;
}
function userLabel(value, identity) {
  if (typeof value === "string" && value !== "") return value;
  if (identity !== void 0) return identity;
  if (isUnknown(value)) return describeUnknown(value);
  return "an unnamed user";
}
function credentialDetail(record, user) {
  const v = record.values;
  switch (record.type) {
    case "aws_iam_access_key": {
      const parts = [`long-lived access key for IAM user ${user}`];
      if (v.status === "Inactive") {
        parts.push(
          "it is Inactive but can be re-activated at any time, so it is still a standing credential"
        );
      }
      parts.push(
        typeof v.pgp_key === "string" && v.pgp_key !== "" ? "pgp_key only encrypts the secret in state, it does not make the key short-lived" : "its secret is stored unencrypted in state"
      );
      parts.push(
        "use a role with short-lived credentials (IRSA, Pod Identity, OIDC federation, a Lambda or ECS task role)"
      );
      return `${parts.join("; ")}.`;
    }
    case "aws_iam_user_login_profile":
      return `console password for workload user ${user}; a workload never needs console access, remove the login profile.`;
    case "aws_iam_service_specific_credential": {
      const service = typeof v.service_name === "string" ? v.service_name : "a service";
      const age = typeof v.credential_age_days === "number" ? ` (expires after ${v.credential_age_days} days)` : "";
      return `service-specific credential for ${service} of IAM user ${user}${age}; a static password or API key, use role-based access instead.`;
    }
    case "aws_iam_signing_certificate":
      return `X.509 signing certificate of IAM user ${user}; a long-lived credential, use role-based access instead.`;
    default:
      return `static credential of IAM user ${user}.`;
  }
}
var usersWithAccessKeys = oncePerIndex((index) => {
  const users = /* @__PURE__ */ new Set();
  for (const key of index.byType("aws_iam_access_key")) {
    for (const user of resolveRefs(index, key.values.user, "aws_iam_user")) users.add(user);
  }
  return users;
});
var WORKLOAD_USER = /(?:^|[^a-z])(?:svc|service|bot|robot|machine|system|automation|ci|cd|deploy(?:er)?|pipeline|mcp|agent|app|workload|integration|terraform|github|gitlab|jenkins)(?:[^a-z]|$)/i;
function isWorkloadUser(ctx, record, identity, user) {
  const attribution = inheritedAttribution(ctx, record.address, identity === void 0 ? [] : [identity]);
  if (attribution.server !== void 0 || attribution.tool !== void 0) return true;
  if (identity !== void 0) {
    if (usersWithAccessKeys(ctx.index).has(identity)) return true;
    const userRecord = ctx.index.byAddress.get(identity);
    if (userRecord) {
      const { path, name } = userRecord.values;
      if (typeof path === "string" && WORKLOAD_USER.test(path)) return true;
      if (typeof name === "string" && WORKLOAD_USER.test(name)) return true;
      const tags = readTags(userRecord);
      if (!isUnknown(tags) && Object.hasOwn(tags, ctx.policy.tags.server)) return true;
    }
  }
  return WORKLOAD_USER.test(user);
}

// action/inventory/aws/iam-actions.ts
var READ_VERBS = [
  "get",
  "list",
  "describe",
  "head",
  "query",
  "scan",
  "search",
  "batchget",
  "lookup",
  "read",
  "filter",
  "view",
  "retrieve"
];
var CREDENTIAL_MINTING = [
  "redshift:GetClusterCredentials",
  "redshift:GetClusterCredentialsWithIAM",
  "redshift-serverless:GetCredentials",
  "sts:GetFederationToken",
  "codeartifact:GetAuthorizationToken",
  "cognito-identity:GetCredentialsForIdentity",
  "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
  "sso:GetRoleCredentials"
];
var READ_EXTRA = /* @__PURE__ */ new Set([
  "ecr:batchchecklayeravailability",
  "kms:decrypt",
  "kms:verify",
  "sts:decodeauthorizationmessage"
]);
var RESOURCELESS = new Set(
  [
    "sts:GetCallerIdentity",
    "sts:GetSessionToken",
    "sts:DecodeAuthorizationMessage",
    "ecr:GetAuthorizationToken",
    "cloudwatch:PutMetricData",
    "cloudwatch:GetMetricData",
    "cloudwatch:ListMetrics",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "xray:GetSamplingStatisticSummaries",
    "s3:ListAllMyBuckets",
    "iam:ListRoles",
    "iam:ListPolicies",
    "iam:ListUsers",
    "iam:GetAccountSummary",
    "kms:ListKeys",
    "kms:ListAliases",
    "kms:CreateKey",
    "kms:GenerateRandom",
    "ssm:DescribeParameters",
    "secretsmanager:ListSecrets",
    "secretsmanager:GetRandomPassword",
    "logs:DescribeLogGroups",
    "ec2:CreateNetworkInterface",
    "ec2:DeleteNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSubnets",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeVpcs",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
    "tag:GetResources",
    "tag:GetTagKeys",
    "tag:GetTagValues",
    "cloudformation:ListStacks",
    "cloudformation:ValidateTemplate",
    "lambda:ListFunctions",
    "dynamodb:ListTables",
    "sqs:ListQueues",
    "sns:ListTopics",
    "bedrock:ListFoundationModels"
  ].map((action) => action.toLowerCase())
);
var TELEMETRY = new Set(
  [
    "logs:CreateLogGroup",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
    "logs:DescribeLogStreams",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "cloudwatch:PutMetricData",
    "ec2:CreateNetworkInterface",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses"
  ].map((action) => action.toLowerCase())
);
var ESCALATION_ACTIONS = [
  { action: "iam:PassRole", onAnyResource: true, target: "arn:aws:iam::{account}:role/{name}" },
  { action: "sts:AssumeRole", onAnyResource: true, target: "arn:aws:iam::{account}:role/{name}" },
  {
    action: "lambda:UpdateFunctionCode",
    onAnyResource: true,
    target: "arn:aws:lambda:{region}:{account}:function:{name}"
  },
  { action: "iam:CreateAccessKey", onAnyResource: false },
  { action: "iam:CreateLoginProfile", onAnyResource: false },
  { action: "iam:UpdateLoginProfile", onAnyResource: false },
  { action: "iam:AttachRolePolicy", onAnyResource: false },
  { action: "iam:AttachUserPolicy", onAnyResource: false },
  { action: "iam:AttachGroupPolicy", onAnyResource: false },
  { action: "iam:PutRolePolicy", onAnyResource: false },
  { action: "iam:PutUserPolicy", onAnyResource: false },
  { action: "iam:PutGroupPolicy", onAnyResource: false },
  { action: "iam:CreatePolicyVersion", onAnyResource: false },
  { action: "iam:SetDefaultPolicyVersion", onAnyResource: false },
  { action: "iam:UpdateAssumeRolePolicy", onAnyResource: false },
  { action: "iam:AddUserToGroup", onAnyResource: false },
  { action: "iam:PutRolePermissionsBoundary", onAnyResource: false },
  { action: "iam:DeleteRolePermissionsBoundary", onAnyResource: false },
  { action: "iam:PutUserPermissionsBoundary", onAnyResource: false },
  { action: "iam:DeleteUserPermissionsBoundary", onAnyResource: false }
];
var ONLY_WILDCARDS = /^[*?]*\*[*?]*$/;
function isAllActions(pattern) {
  const [service, action, ...rest] = pattern.trim().split(":");
  if (rest.length > 0) return false;
  return ONLY_WILDCARDS.test(service) && (action === void 0 || ONLY_WILDCARDS.test(action));
}
function isServiceWildcard(pattern) {
  const match = /^[\w-]+:(.*)$/.exec(pattern.trim());
  return match !== null && ONLY_WILDCARDS.test(match[1]);
}
function isReadAction(pattern) {
  const lower = pattern.trim().toLowerCase();
  if (READ_EXTRA.has(lower)) return true;
  const colon = lower.indexOf(":");
  if (colon < 0) return false;
  const verb = lower.slice(colon + 1);
  if (!READ_VERBS.some((read) => verb.startsWith(read))) return false;
  return !CREDENTIAL_MINTING.some((action) => actionMatches(pattern, action));
}
function serviceOf(action) {
  const colon = action.indexOf(":");
  return colon < 0 ? "" : action.slice(0, colon).trim();
}
function isResourceless(action) {
  return RESOURCELESS.has(action.trim().toLowerCase());
}
function isTelemetry(action) {
  return TELEMETRY.has(action.trim().toLowerCase());
}
function actionMatches(pattern, action) {
  return wildcardRegex(pattern.trim()).test(action);
}
var REGEX_CACHE = /* @__PURE__ */ new Map();
function wildcardRegex(pattern) {
  let regex = REGEX_CACHE.get(pattern);
  if (!regex) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    regex = new RegExp(`^${source}$`, "is");
    REGEX_CACHE.set(pattern, regex);
  }
  return regex;
}
var PROBE_ARNS = [
  "arn:aws:s3:::any-bucket/any/key",
  "arn:aws:iam::123456789012:role/service-role/any",
  "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123",
  "arn:aws:sqs:us-east-1:210987654321:queue",
  "arn:aws:dynamodb:ap-south-1:123456789012:table/t/index/i"
];
function isAllResources(resource) {
  const value = resource.trim();
  if (value === "*") return true;
  if (!/[*?]/.test(value)) return false;
  const regex = wildcardRegex(value);
  return PROBE_ARNS.every((arn) => regex.test(arn));
}
var SERVICE_PROBE_SHAPES = [
  [
    "arn:aws:{service}:eu-west-1:123456789012:a-type/any-name",
    "arn:aws:{service}:ap-south-1:210987654321:other:x/y"
  ],
  ["arn:aws:{service}::123456789012:a-type/any-name", "arn:aws:{service}::210987654321:other/x/y"],
  ["arn:aws:{service}:::any-bucket", "arn:aws:{service}:::other.bucket/any/key"],
  // Every object of every bucket (`arn:aws:s3:::*/*`): all that object writes act on.
  ["arn:aws:{service}:::any-bucket/any/key", "arn:aws:{service}:::other.bucket/k"]
];
function coversService(resource, service) {
  if (!/^[\w-]+$/.test(service)) return false;
  const value = resource.trim();
  if (!/[*?]/.test(value)) return false;
  const regex = wildcardRegex(value);
  return SERVICE_PROBE_SHAPES.some(
    (shape) => shape.every((probe) => regex.test(probe.replace("{service}", service.toLowerCase())))
  );
}
function coversEveryTarget(resource, target) {
  const value = resource.trim();
  if (isAllResources(value)) return true;
  if (!/[*?]/.test(value)) return false;
  const [, , , region, account] = value.split(":");
  const literal = (part, fallback) => part !== void 0 && part !== "" && !/[*?]/.test(part) ? part : fallback;
  const regex = wildcardRegex(value);
  return ["any-name", "path/other_name-2"].every(
    (name) => regex.test(
      target.replace("{account}", literal(account, "123456789012")).replace("{region}", literal(region, "eu-west-1")).replace("{name}", name)
    )
  );
}

// action/inventory/aws/iam-document.ts
var JSON_FIELDS = {
  Sid: "Sid",
  Effect: "Effect",
  Action: "Action",
  NotAction: "NotAction",
  Resource: "Resource",
  NotResource: "NotResource",
  Principal: "Principal",
  NotPrincipal: "NotPrincipal",
  Condition: "Condition"
};
var BLOCK_FIELDS = {
  Sid: "sid",
  Effect: "effect",
  Action: "actions",
  NotAction: "not_actions",
  Resource: "resources",
  NotResource: "not_resources",
  Principal: "principals",
  NotPrincipal: "not_principals",
  Condition: "condition"
};
function readPolicyDocument(value) {
  if (value === void 0 || value === null) return { kind: "absent" };
  if (isUnknown(value) && isPlainObject(value.partial)) return readPolicyDocument(value.partial);
  if (isUnknown(value)) return { kind: "unknown", value };
  let parsed = value;
  if (typeof value === "string") {
    const text = value.replace(/^\uFEFF/, "").trim();
    if (text === "") return { kind: "absent" };
    try {
      parsed = JSON.parse(text);
    } catch {
      return { kind: "invalid", reason: "policy is not valid JSON" };
    }
  }
  if (isUnknown(parsed)) return { kind: "unknown", value: parsed };
  if (!isPlainObject(parsed)) return { kind: "invalid", reason: "policy is not a JSON object" };
  const statementValue = field(parsed, "Statement");
  if (isUnknown(statementValue)) return { kind: "unknown", value: statementValue };
  const version = field(parsed, "Version");
  const statements = [];
  if (Array.isArray(statementValue)) {
    statementValue.forEach((item, i) => {
      if (isUnknown(item)) statements.push(unknownStatement(["Statement", i], item));
      else if (isPlainObject(item)) statements.push(normalizeStatement(item, ["Statement", i]));
    });
  } else if (isPlainObject(statementValue)) {
    statements.push(normalizeStatement(statementValue, ["Statement"]));
  } else if (statementValue !== void 0 && statementValue !== null) {
    return { kind: "invalid", reason: "policy Statement is neither an object nor a list" };
  }
  return {
    kind: "document",
    document: typeof version === "string" ? { version, statements } : { statements }
  };
}
var readsByScope = /* @__PURE__ */ new WeakMap();
function readPolicyDocumentOnce(scope, value) {
  if (typeof value !== "string") return readPolicyDocument(value);
  const reads = getOrMake(readsByScope, scope, () => /* @__PURE__ */ new Map());
  return getOrMake(reads, value, readPolicyDocument);
}
function documentFromStatementBlocks(values) {
  const statements = [];
  blocks(values.statement).forEach((block, i) => {
    const path = ["statement", i];
    const effect = block.effect;
    const sid = block.sid;
    const statement = {
      path,
      fields: BLOCK_FIELDS,
      effect: isUnknown(effect) ? effect : normalizeEffect(typeof effect === "string" ? effect : "Allow"),
      condition: blockConditions(block.condition)
    };
    if (typeof sid === "string" && sid !== "") statement.sid = sid;
    const lists = [
      ["Action", "action"],
      ["NotAction", "notAction"],
      ["Resource", "resource"],
      ["NotResource", "notResource"]
    ];
    for (const [key, prop] of lists) {
      const raw = block[BLOCK_FIELDS[key]];
      if (raw === void 0 || raw === null) continue;
      const leaves = toLeaves(raw);
      if (isUnknown(leaves) || leaves.length > 0) statement[prop] = leaves;
    }
    const principal = blockPrincipals(block.principals, "principals");
    if (principal !== void 0) statement.principal = principal;
    const notPrincipal = blockPrincipals(block.not_principals, "not_principals");
    if (notPrincipal !== void 0) statement.notPrincipal = notPrincipal;
    statements.push(statement);
  });
  return { statements };
}
function statementPath(statement, key) {
  return [...statement.path, statement.fields[key]];
}
function appendPath(prefix, path) {
  if (prefix === "" || path === "" || path.startsWith("[")) return prefix + path;
  return `${prefix}.${path}`;
}
function literals(leaves) {
  if (leaves === void 0 || isUnknown(leaves)) return [];
  return leaves.filter((leaf) => typeof leaf === "string");
}
function unknownLeaves(leaves) {
  if (leaves === void 0) return [];
  if (isUnknown(leaves)) return [leaves];
  return leaves.filter((leaf) => isUnknown(leaf));
}
var POSITIVE_MATCH = /* @__PURE__ */ new Set([
  "stringequals",
  "stringequalsignorecase",
  "stringlike",
  "arnequals",
  "arnlike"
]);
function conditionEntries(statement) {
  return isUnknown(statement.condition) ? [] : statement.condition;
}
function principalEntries(principals) {
  if (principals === void 0 || isUnknown(principals)) return [];
  return principals;
}
function unknownStatement(path, value) {
  return { path, fields: JSON_FIELDS, effect: value, action: value, resource: value, condition: value };
}
function normalizeStatement(raw, path) {
  const effect = field(raw, "Effect");
  const statement = {
    path,
    fields: JSON_FIELDS,
    effect: isUnknown(effect) ? effect : normalizeEffect(typeof effect === "string" ? effect : ""),
    condition: jsonConditions(field(raw, "Condition"))
  };
  const sid = field(raw, "Sid");
  if (typeof sid === "string" && sid !== "") statement.sid = sid;
  const action = field(raw, "Action");
  if (action !== void 0 && action !== null) statement.action = toLeaves(action);
  const notAction = field(raw, "NotAction");
  if (notAction !== void 0 && notAction !== null) statement.notAction = toLeaves(notAction);
  const resource = field(raw, "Resource");
  if (resource !== void 0 && resource !== null) statement.resource = toLeaves(resource);
  const notResource = field(raw, "NotResource");
  if (notResource !== void 0 && notResource !== null) statement.notResource = toLeaves(notResource);
  const principal = field(raw, "Principal");
  if (principal !== void 0 && principal !== null) {
    statement.principal = jsonPrincipals(principal, "Principal");
  }
  const notPrincipal = field(raw, "NotPrincipal");
  if (notPrincipal !== void 0 && notPrincipal !== null) {
    statement.notPrincipal = jsonPrincipals(notPrincipal, "NotPrincipal");
  }
  return statement;
}
function field(object2, name) {
  if (Object.hasOwn(object2, name)) return object2[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(object2)) {
    if (key.toLowerCase() === lower) return value;
  }
  return void 0;
}
function normalizeEffect(effect) {
  const lower = effect.trim().toLowerCase();
  if (lower === "allow") return "Allow";
  if (lower === "deny") return "Deny";
  return effect;
}
function toLeaves(value) {
  if (isUnknown(value)) return value;
  if (typeof value === "string") return [value];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  if (!Array.isArray(value)) return [];
  const out = [];
  for (const item of value) {
    if (isUnknown(item) || typeof item === "string") out.push(item);
    else if (typeof item === "number" || typeof item === "boolean") out.push(String(item));
  }
  return out;
}
function jsonPrincipals(value, name) {
  if (isUnknown(value)) return value;
  if (typeof value === "string") return [{ type: value === "*" ? "*" : "AWS", value, path: [name] }];
  if (!isPlainObject(value)) return [];
  const out = [];
  for (const [type, raw] of Object.entries(value)) {
    if (isUnknown(raw)) {
      out.push({ type: principalType(type), value: raw, path: [name, type] });
    } else if (typeof raw === "string") {
      out.push({ type: principalType(type), value: raw, path: [name, type] });
    } else if (Array.isArray(raw)) {
      raw.forEach((item, i) => {
        if (typeof item === "string" || isUnknown(item)) {
          out.push({ type: principalType(type), value: item, path: [name, type, i] });
        }
      });
    }
  }
  return out;
}
var PRINCIPAL_TYPES = ["AWS", "Service", "Federated", "CanonicalUser"];
function principalType(type) {
  if (type === "*") return "*";
  return PRINCIPAL_TYPES.find((known) => known.toLowerCase() === type.toLowerCase()) ?? type;
}
function blockPrincipals(value, name) {
  if (isUnknown(value)) return value;
  const list = blocks(value);
  if (list.length === 0) return void 0;
  const out = [];
  list.forEach((block, i) => {
    const type = typeof block.type === "string" ? principalType(block.type) : "AWS";
    const identifiers = toLeaves(block.identifiers);
    if (isUnknown(identifiers)) {
      out.push({ type, value: identifiers, path: [name, i, "identifiers"] });
      return;
    }
    identifiers.forEach((identifier, j) => {
      const entryType = type === "*" ? "*" : type;
      out.push({ type: entryType, value: identifier, path: [name, i, "identifiers", j] });
    });
  });
  return out;
}
function jsonConditions(value) {
  if (value === void 0 || value === null) return [];
  if (isUnknown(value)) return value;
  if (!isPlainObject(value)) return [];
  const out = [];
  for (const [operator, clause] of Object.entries(value)) {
    if (isUnknown(clause)) {
      out.push(conditionEntry(operator, "", clause, ["Condition", operator]));
      continue;
    }
    if (!isPlainObject(clause)) continue;
    for (const [key, raw] of Object.entries(clause)) {
      out.push(conditionEntry(operator, key, toLeaves(raw), ["Condition", operator, key]));
    }
  }
  return out;
}
function blockConditions(value) {
  if (isUnknown(value)) return value;
  const out = [];
  blocks(value).forEach((block, i) => {
    const test = block.test;
    const variable = block.variable;
    const operator = typeof test === "string" ? test : "";
    const key = typeof variable === "string" ? variable : "";
    const unknownPart = isUnknown(test) ? test : isUnknown(variable) ? variable : void 0;
    out.push(conditionEntry(operator, key, unknownPart ?? toLeaves(block.values), ["condition", i]));
  });
  return out;
}
function conditionEntry(operator, key, values, path) {
  let rest = operator.trim().toLowerCase();
  let set;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix === "forallvalues" || prefix === "foranyvalue") set = prefix;
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith("ifexists");
  if (ifExists) rest = rest.slice(0, -"ifexists".length);
  const entry = {
    operator,
    base: rest,
    ifExists,
    key,
    keyLower: key.toLowerCase(),
    values,
    path
  };
  if (set) entry.set = set;
  return entry;
}

// action/inventory/aws/iam-permissions.ts
var ADMIN_MANAGED = /* @__PURE__ */ new Set([
  "AdministratorAccess",
  "PowerUserAccess",
  "IAMFullAccess",
  "SystemAdministrator",
  "NetworkAdministrator",
  "DatabaseAdministrator"
]);
var ESCALATING_MANAGED = /* @__PURE__ */ new Set(["AdministratorAccess", "IAMFullAccess"]);
var OPERATIONAL_MANAGED = /* @__PURE__ */ new Set([
  "AWSLambdaBasicExecutionRole",
  "AWSLambdaVPCAccessExecutionRole",
  "AWSXRayDaemonWriteAccess",
  "AWSXrayWriteOnlyAccess",
  "CloudWatchLambdaInsightsExecutionRolePolicy",
  "AmazonECSTaskExecutionRolePolicy",
  "AmazonEC2ContainerRegistryReadOnly"
]);
var CONTEXT_KEY = /^(aws:(principaltag|resourcetag|requesttag)\/|[\w-]+:resourcetag\/|aws:sourceidentity$|sts:sourceidentity$)/;
var CONTEXT_VARIABLE = /\$\{aws:(principaltag\/|sourceidentity\}|userid\}|username\})/i;
function analysePermissions(policies, options = {}) {
  const facts2 = {
    broadGrants: [],
    escalationGrants: [],
    hasContextConditions: true,
    tenantIssues: [],
    contextUnknown: [],
    contextMissing: false
  };
  const tenantKeys = options.tenantKeys?.map((key) => key.toLowerCase());
  for (const policy of policies) {
    if (policy.managedArn !== void 0) {
      managedPolicy(policy, policy.managedArn, facts2, tenantKeys);
      continue;
    }
    if (policy.document === void 0) {
      const unknown = policy.unknown ?? unknownValue([]);
      const detail = policy.problem ?? "policy is only known after apply";
      facts2.broadGrants.push(unknownEvidence2(policy.address, policy.attribute, detail, unknown));
      if (tenantKeys)
        facts2.tenantIssues.push(unknownEvidence2(policy.address, policy.attribute, detail, unknown));
      facts2.contextUnknown.push(unknown);
      continue;
    }
    applyVerdict(policy, documentVerdict(policy.document, tenantKeys), facts2);
  }
  let hasContextConditions = true;
  if (facts2.contextMissing) hasContextConditions = false;
  else if (facts2.contextUnknown.length > 0) hasContextConditions = mergeUnknown(facts2.contextUnknown);
  return {
    broadGrants: facts2.broadGrants,
    escalationGrants: facts2.escalationGrants,
    hasContextConditions,
    tenantIssues: facts2.tenantIssues
  };
}
var verdicts = /* @__PURE__ */ new WeakMap();
function documentVerdict(document, tenantKeys) {
  let byKeys = verdicts.get(document);
  if (byKeys === void 0) {
    byKeys = /* @__PURE__ */ new Map();
    verdicts.set(document, byKeys);
  }
  const key = tenantKeys === void 0 ? "" : `tenant\0${tenantKeys.join("\0")}`;
  let verdict = byKeys.get(key);
  if (verdict === void 0) {
    verdict = { evidence: [], contextUnknown: [], contextMissing: false };
    for (const statement of document.statements) analyseStatement(statement, verdict, tenantKeys);
    byKeys.set(key, verdict);
  }
  return verdict;
}
function applyVerdict(policy, verdict, facts2) {
  const base = formatPath(policy.basePath);
  for (const { list, path, detail, unknown } of verdict.evidence) {
    const attribute2 = appendPath(base, path);
    facts2[list].push(
      unknown ? unknownEvidence2(policy.address, attribute2, detail, unknown) : { address: policy.address, attribute: attribute2, detail }
    );
  }
  for (const unknown of verdict.contextUnknown) facts2.contextUnknown.push(unknown);
  if (verdict.contextMissing) facts2.contextMissing = true;
}
function managedPolicy(policy, arn, facts2, tenantKeys) {
  const name = parsePolicyArn(arn)?.name ?? arn;
  const at = { address: policy.address, attribute: policy.attribute };
  if (ADMIN_MANAGED.has(name)) {
    facts2.broadGrants.push({ ...at, detail: `AWS managed policy ${name} grants administrative access` });
  } else if (name.endsWith("FullAccess")) {
    facts2.broadGrants.push({
      ...at,
      detail: `AWS managed policy ${name} grants every action of its service`
    });
  }
  if (ESCALATING_MANAGED.has(name)) {
    facts2.escalationGrants.push({
      ...at,
      detail: `AWS managed policy ${name} grants IAM write actions (iam:PassRole, iam:AttachRolePolicy, ...)`
    });
  }
  const readOnly = /ReadOnly|ViewOnly/.test(name);
  if (!readOnly && !OPERATIONAL_MANAGED.has(name)) {
    facts2.contextMissing = true;
    if (tenantKeys) {
      facts2.tenantIssues.push({
        ...at,
        detail: `AWS managed policy ${name} grants access not scoped by tenant`
      });
    }
  }
}
function analyseStatement(statement, facts2, tenantKeys) {
  const effect = statement.effect;
  if (typeof effect === "string" && effect !== "Allow") return;
  const effectUnknown = isUnknown(effect) ? effect : void 0;
  const label = statement.sid ? `statement "${statement.sid}"` : "statement";
  const push2 = (list, key, detail, unknown) => {
    const marker = unknown ?? effectUnknown;
    const path = formatPath(statementPath(statement, key));
    facts2.evidence.push(marker ? { list, path, detail, unknown: marker } : { list, path, detail });
  };
  const actions = literals(statement.action);
  const actionUnknown = unknownLeaves(statement.action)[0];
  const notActions = statement.notAction;
  const hasNotAction = notActions !== void 0;
  const resources = literals(statement.resource);
  const hasNotResource = statement.notResource !== void 0;
  const resourceUnknown = unknownLeaves(statement.resource).find(
    (leaf) => !leaf.refs.some((ref) => addressType(ref) !== void 0 && addressType(ref) !== "")
  );
  const onAll = hasNotResource || resources.some(isAllResources);
  const actionKey = hasNotAction ? "NotAction" : "Action";
  const all = actions.filter(isAllActions);
  const services = actions.filter((action) => !isAllActions(action) && isServiceWildcard(action));
  if (all.length > 0) {
    push2("broadGrants", "Action", `${label} allows every action (${quoteList(all)})`);
  } else if (services.length > 0) {
    push2("broadGrants", "Action", `${label} allows every action of a service (${quoteList(services)})`);
  }
  if (hasNotAction) {
    push2("broadGrants", "NotAction", `${label} allows every action except the ones listed in NotAction`);
  }
  if (hasNotResource) {
    push2(
      "broadGrants",
      "NotResource",
      `${label} allows its actions on every resource except the ones listed in NotResource`
    );
  }
  const writes = actions.filter(
    (action) => !isAllActions(action) && !isServiceWildcard(action) && !isReadAction(action) && !isResourceless(action) && !isTelemetry(action)
  );
  if (writes.length > 0 && !hasNotResource) {
    const serviceWide = resources.filter(
      (resource) => writes.some((action) => coversService(resource, serviceOf(action)))
    );
    if (resources.some(isAllResources)) {
      push2(
        "broadGrants",
        "Resource",
        `${label} allows write actions on every resource ("*"): ${quoteList(writes)}`
      );
    } else if (serviceWide.length > 0) {
      const covered = writes.filter(
        (action) => serviceWide.some((resource) => coversService(resource, serviceOf(action)))
      );
      push2(
        "broadGrants",
        "Resource",
        `${label} allows write actions on every resource of their service (${quoteList(serviceWide)}): ${quoteList(covered)}`
      );
    } else if (resourceUnknown) {
      push2(
        "broadGrants",
        "Resource",
        `${label} allows write actions on resources known only after apply`,
        resourceUnknown
      );
    }
  }
  if (actionUnknown && all.length === 0 && !hasNotAction) {
    push2("broadGrants", "Action", `${label} has actions known only after apply`, actionUnknown);
  }
  const grants = (action) => hasNotAction ? !literals(notActions).some((pattern) => actionMatches(pattern, action)) : actions.some((pattern) => actionMatches(pattern, action));
  const onEvery = ({ target }) => target !== void 0 && resources.some((resource) => coversEveryTarget(resource, target));
  const escalations = ESCALATION_ACTIONS.filter(
    (escalation) => grants(escalation.action) && (!escalation.onAnyResource || onAll || onEvery(escalation))
  ).map(
    ({ action, onAnyResource }) => !onAnyResource ? action : onAll ? `${action} on every resource` : `${action} on every resource of its kind`
  );
  if (escalations.length > 0) {
    const shown = escalations.length > 4 ? [...escalations.slice(0, 4), `and ${escalations.length - 4} more`] : escalations;
    push2("escalationGrants", actionKey, `${label} allows privilege escalation: ${shown.join(", ")}`);
  } else if (actionUnknown || hasNotAction && unknownLeaves(notActions).length > 0) {
    push2(
      "escalationGrants",
      actionKey,
      `${label} has actions known only after apply`,
      actionUnknown ?? unknownLeaves(notActions)[0]
    );
  }
  const dataWrites = hasNotAction || actions.some((action) => !isReadAction(action) && !isResourceless(action) && !isTelemetry(action));
  if (dataWrites || actionUnknown) {
    const context = contextBound(statement);
    if (context === false) {
      if (effectUnknown) facts2.contextUnknown.push(effectUnknown);
      else if (!dataWrites && actionUnknown) facts2.contextUnknown.push(actionUnknown);
      else facts2.contextMissing = true;
    } else if (context !== true) facts2.contextUnknown.push(context);
  }
  if (tenantKeys) {
    const onlyOperational = !hasNotAction && actions.length > 0 && actions.every((action) => isResourceless(action) || isTelemetry(action));
    if (!onlyOperational) {
      const scoped = tenantScoped(statement, tenantKeys);
      const key = statement.resource !== void 0 ? "Resource" : hasNotResource ? "NotResource" : actionKey;
      const tags = tenantKeys.map((tag) => `\${aws:PrincipalTag/${tag}}`).join(" or ");
      if (scoped === false) {
        push2(
          "tenantIssues",
          key,
          `${label} is not scoped by tenant: no ${tags} in its Resource or Condition`
        );
      } else if (scoped === "all-values" && grants("dynamodb:Scan")) {
        push2(
          "tenantIssues",
          actionKey,
          `${label} allows dynamodb:Scan, which sends no dynamodb:LeadingKeys: its ForAllValues condition on the tenant holds for every tenant's items`
        );
      } else if (scoped !== true && scoped !== "all-values") {
        push2("tenantIssues", key, `${label} has a Condition known only after apply`, scoped);
      }
    }
  }
}
function contextBound(statement) {
  if (literals(statement.resource).some((resource) => CONTEXT_VARIABLE.test(resource))) return true;
  for (const entry of conditionEntries(statement)) {
    if (CONTEXT_KEY.test(entry.keyLower)) return true;
    if (literals(entry.values).some((value) => CONTEXT_VARIABLE.test(value))) return true;
  }
  if (isUnknown(statement.condition)) return statement.condition;
  return false;
}
function tenantScoped(statement, tenantKeys) {
  const variables = tenantKeys.map((key) => `\${aws:principaltag/${key}}`);
  const mentions = (leaves) => literals(leaves).some((value) => variables.some((variable) => value.toLowerCase().includes(variable)));
  if (mentions(statement.resource)) return true;
  let allValues = false;
  for (const entry of conditionEntries(statement)) {
    if (!requiresMatch(entry)) continue;
    if (!(tenantKeys.some((key) => entry.keyLower === `aws:principaltag/${key}`) || mentions(entry.values)))
      continue;
    if (entry.set === "forallvalues") allValues = true;
    else return true;
  }
  if (isUnknown(statement.condition)) return statement.condition;
  return allValues ? "all-values" : false;
}
var SINGLE_VALUED_TAG = /^(?:aws:(?:resource|request|principal)tag|s3:existingobjecttag)\//;
function requiresMatch(entry) {
  if (entry.ifExists || !POSITIVE_MATCH.has(entry.base)) return false;
  if (entry.set === "forallvalues") return !SINGLE_VALUED_TAG.test(entry.keyLower);
  if (entry.set === "foranyvalue") return entry.keyLower !== "dynamodb:leadingkeys";
  return true;
}
function unknownEvidence2(address, attribute2, detail, unknown) {
  return { address, attribute: attribute2, detail, $unknown: true, refs: unknown.refs };
}
function mergeUnknown(markers) {
  const refs = [...new Set(markers.flatMap((marker) => marker.refs))];
  return unknownValue(refs);
}
function quoteList(items) {
  const shown = items.length > 6 ? [...items.slice(0, 6)] : items;
  const text = shown.map((item) => `"${item}"`).join(", ");
  return items.length > 6 ? `${text} and ${items.length - 6} more` : text;
}

// action/inventory/aws/role-policies.ts
function permissionPolicies(index, identity) {
  if (identity.type === "aws_iam_role") return rolePolicies(index, identity);
  if (identity.type === "aws_iam_user") return userPolicies(index, identity);
  return [];
}
function rolePolicies(index, role) {
  const out = [];
  const referring = (type, attribute2) => recordsReferring(index, type, attribute2, "aws_iam_role", role.address);
  const notWritten = (value) => isUnknown(value) && value.computed === true;
  const inline = role.values.inline_policy;
  if (isUnknown(inline) && !notWritten(inline)) {
    out.push({
      address: role.address,
      attribute: "inline_policy",
      basePath: ["inline_policy"],
      unknown: inline
    });
  } else if (!notWritten(inline)) {
    blocks(inline).forEach((block, i) => {
      const path = ["inline_policy", i, "policy"];
      addPolicyValue(out, index, role.address, path, formatPath(path), block.policy, void 0, 0);
    });
  }
  if (!notWritten(role.values.managed_policy_arns))
    eachElement(role.values.managed_policy_arns, (arn, at) => {
      const path = ["managed_policy_arns", ...at];
      addPolicyArn(out, index, role.address, path, formatPath(path), arn);
    });
  for (const record of referring("aws_iam_role_policy", "role")) addPolicyOf(out, index, record);
  for (const record of referring("aws_iam_role_policy_attachment", "role"))
    addPolicyArnOf(out, index, record);
  for (const record of referring("aws_iam_role_policy_attachments_exclusive", "role_name")) {
    eachElement(record.values.policy_arns, (arn, at) => {
      const path = ["policy_arns", ...at];
      addPolicyArn(out, index, record.address, path, formatPath(path), arn);
    });
  }
  for (const record of referring("aws_iam_policy_attachment", "roles")) addPolicyArnOf(out, index, record);
  return dedupe(out);
}
function userPolicies(index, user) {
  const out = [];
  const referring = (type, attribute2) => recordsReferring(index, type, attribute2, "aws_iam_user", user.address);
  for (const record of referring("aws_iam_user_policy", "user")) addPolicyOf(out, index, record);
  for (const record of referring("aws_iam_user_policy_attachment", "user"))
    addPolicyArnOf(out, index, record);
  for (const record of referring("aws_iam_policy_attachment", "users")) addPolicyArnOf(out, index, record);
  const groups = [];
  for (const record of referring("aws_iam_user_group_membership", "user")) {
    eachElement(record.values.groups, (group) => groups.push(group));
  }
  for (const record of referring("aws_iam_group_membership", "users")) groups.push(record.values.group);
  if (groups.length === 0) return dedupe(out);
  const groupAddresses = /* @__PURE__ */ new Set();
  const groupNames = /* @__PURE__ */ new Set();
  for (const group of new Set(groups)) {
    const resolved = resolveRefs(index, group, "aws_iam_group");
    for (const address of resolved) groupAddresses.add(address);
    if (resolved.length === 0 && typeof group === "string" && group !== "") groupNames.add(group);
  }
  const groupRecords = (type, attribute2) => {
    const found = /* @__PURE__ */ new Set();
    for (const address of groupAddresses) {
      for (const record of recordsReferring(index, type, attribute2, "aws_iam_group", address))
        found.add(record);
    }
    if (groupNames.size > 0) {
      const named = /* @__PURE__ */ new Set();
      for (const name of groupNames) {
        for (const record of recordsNaming(index, type, attribute2, name)) named.add(record);
      }
      for (const record of inInputOrder(index, named)) found.add(record);
    }
    return [...found];
  };
  for (const record of groupRecords("aws_iam_group_policy", "group")) addPolicyOf(out, index, record);
  for (const record of groupRecords("aws_iam_group_policy_attachment", "group")) {
    addPolicyArnOf(out, index, record);
  }
  for (const record of groupRecords("aws_iam_policy_attachment", "groups"))
    addPolicyArnOf(out, index, record);
  return dedupe(out);
}
function addPolicyOf(out, index, record) {
  addPolicyValue(out, index, record.address, POLICY, "policy", record.values.policy, void 0, 0);
}
function addPolicyArnOf(out, index, record) {
  addPolicyArn(out, index, record.address, POLICY_ARN2, "policy_arn", record.values.policy_arn);
}
function policyValue(index, address, path, value, via, depth = 0) {
  const out = [];
  addPolicyValue(out, index, address, path, formatPath(path), value, via, depth);
  return out;
}
function addPolicyValue(out, index, address, basePath, attribute2, value, via, depth) {
  const read = readPolicyDocumentOnce(index, value);
  const holderVia = via ? via : void 0;
  switch (read.kind) {
    case "absent":
      return 0;
    case "document":
      out.push({ address, attribute: attribute2, basePath, via: holderVia, document: read.document });
      return 1;
    case "invalid":
      out.push({
        address,
        attribute: attribute2,
        basePath,
        via: holderVia,
        unknown: unknownValue([]),
        problem: read.reason
      });
      return 1;
    case "unknown":
      break;
  }
  const unknown = read.value;
  if (depth < 4) {
    const before = out.length;
    for (const record of lookupRefs(index, unknown.refs, "aws_iam_policy_document")) {
      addPolicyDocumentData(out, index, record, via ?? address, depth + 1);
    }
    if (out.length === before) {
      for (const record of lookupRefs(index, unknown.refs, "aws_iam_policy")) {
        addPolicyRecord(out, index, record, via ?? address, depth + 1);
      }
    }
    if (out.length > before) return out.length - before;
  }
  out.push({ address, attribute: attribute2, basePath, via: holderVia, unknown });
  return 1;
}
function policyArn(index, address, path, value) {
  const out = [];
  addPolicyArn(out, index, address, path, formatPath(path), value);
  return out;
}
function addPolicyArn(out, index, address, basePath, attribute2, value) {
  if (value === void 0 || value === null || value === "") return;
  if (isUnknown(value)) {
    const records = lookupRefs(index, value.refs, "aws_iam_policy");
    if (records.length === 0) out.push({ address, attribute: attribute2, basePath, unknown: value });
    for (const record of records) addPolicyRecord(out, index, record, address, 0);
    return;
  }
  if (typeof value !== "string") return;
  const parsed = parsePolicyArn(value);
  if (parsed?.account === "aws") {
    out.push({ address, attribute: attribute2, basePath, managedArn: value });
    return;
  }
  let found = 0;
  for (const ref of resolveRefs(index, value, "aws_iam_policy")) {
    const record = index.byAddress.get(ref);
    if (record === void 0) continue;
    addPolicyRecord(out, index, record, address, 0);
    found++;
  }
  if (found === 0) {
    out.push({
      address,
      attribute: attribute2,
      basePath,
      unknown: unknownValue([], value),
      problem: `policy ${value} is not in the plan`
    });
  }
}
var POLICY = ["policy"];
var POLICY_ARN2 = ["policy_arn"];
var ARN = ["arn"];
var JSON_PATH = ["json"];
var NO_PATH = [];
function addPolicyRecord(out, index, record, via, depth) {
  const { policy, arn } = record.values;
  if (record.mode === "data" && (policy === void 0 || policy === null || isUnknown(policy))) {
    if (typeof arn === "string" && parsePolicyArn(arn)?.account === "aws") {
      out.push({ address: record.address, attribute: "arn", basePath: ARN, via, managedArn: arn });
      return;
    }
  }
  if (addPolicyValue(out, index, record.address, POLICY, "policy", policy, via, depth) > 0) return;
  out.push({
    address: record.address,
    attribute: "policy",
    basePath: POLICY,
    via,
    unknown: unknownValue([record.address]),
    problem: "policy document is empty"
  });
}
function policyDocumentData(index, record, via, depth = 0) {
  const out = [];
  addPolicyDocumentData(out, index, record, via, depth);
  return out;
}
function addPolicyDocumentData(out, index, record, via, depth) {
  const { address } = record;
  const holderVia = via && via !== address ? via : void 0;
  const json = readPolicyDocumentOnce(index, record.values.json);
  if (json.kind === "document") {
    out.push({ address, attribute: "json", basePath: JSON_PATH, via: holderVia, document: json.document });
    return;
  }
  const before = out.length;
  const fromBlocks = statementBlocksDocument(record);
  if (fromBlocks.statements.length > 0) {
    out.push({ address, attribute: "statement", basePath: NO_PATH, via: holderVia, document: fromBlocks });
  }
  for (const key of MERGED_DOCUMENTS) {
    eachElement(record.values[key], (value, path) => {
      const basePath = [key, ...path];
      addPolicyValue(out, index, address, basePath, formatPath(basePath), value, via, depth + 1);
    });
  }
  if (out.length > before) return;
  const unknown = isUnknown(record.values.json) ? record.values.json : unknownValue([address]);
  out.push({ address, attribute: "json", basePath: JSON_PATH, via: holderVia, unknown });
}
var MERGED_DOCUMENTS = [
  "source_policy_documents",
  "override_policy_documents",
  "source_json",
  "override_json"
];
var blockDocuments = /* @__PURE__ */ new WeakMap();
function statementBlocksDocument(record) {
  let document = blockDocuments.get(record);
  if (document === void 0) {
    document = documentFromStatementBlocks(record.values);
    blockDocuments.set(record, document);
  }
  return document;
}
function eachElement(value, fn) {
  if (value === void 0 || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((element, i) => {
      fn(element, [i]);
    });
  } else fn(value, []);
}
function referencedPolicyDocument(index, value) {
  const records = lookupRefs(index, value.refs, "aws_iam_policy_document");
  if (records.length !== 1) return void 0;
  const parts = policyDocumentData(index, records[0]);
  const only = parts.length === 1 ? parts[0] : void 0;
  return only?.document === void 0 ? void 0 : { ...only, document: only.document };
}
function lookupRefs(index, refs, type) {
  const addresses = resolveRefList(index, refs, type);
  const out = [];
  for (const address of addresses.length > 1 ? new Set(addresses) : addresses) {
    const record = index.byAddress.get(address);
    if (record !== void 0) out.push(record);
  }
  return out;
}
function dedupe(policies) {
  const seen = /* @__PURE__ */ new Map();
  return policies.filter((policy) => {
    const same = seen.get(policy.address);
    if (same === void 0) {
      seen.set(policy.address, [policy]);
      return true;
    }
    if (same.some((other) => other.attribute === policy.attribute && other.managedArn === policy.managedArn)) {
      return false;
    }
    same.push(policy);
    return true;
  });
}

// action/inventory/aws/detached-policies.ts
var POLICY_HOLDERS = [
  ["aws_iam_policy", "policy"],
  ["aws_iam_role_policy", "policy"],
  ["aws_iam_user_policy", "policy"],
  ["aws_iam_group_policy", "policy"]
];
var ATTACHMENTS = [
  ["aws_iam_role_policy_attachment", "policy_arn"],
  ["aws_iam_user_policy_attachment", "policy_arn"],
  ["aws_iam_group_policy_attachment", "policy_arn"],
  ["aws_iam_policy_attachment", "policy_arn"],
  ["aws_iam_role_policy_attachments_exclusive", "policy_arns"],
  ["aws_iam_user_policy_attachments_exclusive", "policy_arns"],
  ["aws_iam_group_policy_attachments_exclusive", "policy_arns"]
];
function awsDetachedPolicies(ctx, used) {
  const out = [];
  const reached = /* @__PURE__ */ new Set();
  const isReached = (address) => used.has(address) || reached.has(address);
  for (const type of ["aws_iam_role", "aws_iam_user"]) {
    for (const identity of ctx.index.byType(type)) {
      for (const policy of resolveRefs(ctx.index, identity.values.permissions_boundary, "aws_iam_policy")) {
        reached.add(policy);
      }
    }
  }
  const judge = (record, applied) => {
    for (const policy of applied) {
      reached.add(policy.address);
      if (policy.via) reached.add(policy.via);
    }
    const { broadGrants, escalationGrants } = analysePermissions(applied);
    if (broadGrants.length === 0 && escalationGrants.length === 0) return;
    out.push(
      attributed({}, ctx.attributionOf(record.address), {
        address: record.address,
        source: record.source,
        kind: record.mode === "data" ? `data.${record.type}` : record.type,
        broadGrants,
        escalationGrants
      })
    );
  };
  for (const [type, attribute2] of POLICY_HOLDERS) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== "managed" || isReached(record.address)) continue;
      judge(record, policyValue(ctx.index, record.address, [attribute2], record.values[attribute2]));
    }
  }
  for (const [type, attribute2] of ATTACHMENTS) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== "managed" || isReached(record.address)) continue;
      const value = record.values[attribute2];
      const arns = Array.isArray(value) ? value.map((arn, i) => [arn, [attribute2, i]]) : [[value, [attribute2]]];
      const managed = arns.flatMap(([arn, path]) => policyArn(ctx.index, record.address, path, arn)).filter((policy) => policy.managedArn !== void 0);
      if (managed.length > 0) judge(record, managed);
    }
  }
  for (const record of ctx.index.byType("aws_iam_policy_document")) {
    if (record.mode !== "data" || isReached(record.address)) continue;
    judge(record, policyDocumentData(ctx.index, record));
  }
  return out;
}

// action/inventory/aws/iam-assume.ts
var ROLE_PATTERN = /^arn:aws[\w-]*:iam::[^:]*:role\/(.+)$/;
function assumableRoles(index, policies) {
  const out = [];
  for (const policy of policies) {
    if (policy.document === void 0) continue;
    const base = formatPath(policy.basePath);
    for (const statement of policy.document.statements) {
      if (statement.effect !== "Allow" || statement.resource === void 0) continue;
      const grants = statement.notAction ? !literals(statement.notAction).some((pattern) => actionMatches(pattern, "sts:AssumeRole")) : literals(statement.action).some((pattern) => actionMatches(pattern, "sts:AssumeRole"));
      if (!grants) continue;
      const attribute2 = appendPath(base, formatPath(statementPath(statement, "Resource")));
      for (const resource of isUnknown(statement.resource) ? [statement.resource] : statement.resource) {
        for (const role of rolesNamed(index, resource))
          out.push({ role, address: policy.address, attribute: attribute2 });
      }
    }
  }
  return out;
}
function rolesNamed(index, resource) {
  if (isUnknown(resource)) return resolveRole(index, resource);
  if (!/[*?]/.test(resource)) return resolveRole(index, resource);
  const pattern = ROLE_PATTERN.exec(resource)?.[1];
  if (pattern === void 0 || /^[*?]+$/.test(pattern)) return [];
  const matches2 = wildcardRegex(pattern);
  const out = [];
  for (const role of index.managed("aws_iam_role")) {
    const { name, path } = role.values;
    if (typeof name !== "string") continue;
    const prefix = typeof path === "string" ? path.replace(/^\//, "") : "";
    if (matches2.test(`${prefix}${name}`)) out.push(role.address);
  }
  return out;
}

// action/inventory/aws/iam-trust.ts
var RESTRICTING_KEYS = /* @__PURE__ */ new Set([
  "aws:principalarn",
  "aws:sourcearn",
  "aws:sourceaccount",
  "aws:sourceowner",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalaccount",
  "sts:externalid"
]);
var PRINCIPAL_KEYS = /^(aws:principalarn|aws:principaltag\/.+|aws:userid|aws:username|aws:sourceidentity|sts:sourceidentity|sts:externalid)$/;
var ACCOUNT_ID = /^\d{12}$/;
var ROOT_ARN = /^arn:aws[\w-]*:iam::(\d{12}|\*):root$/;
var IAM_ARN = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):(user|role|assumed-role|federated-user|group)\/(.*)$/;
var SSO_ROLE = /(^|\/)aws-reserved\/sso\.amazonaws\.com\/|(^|\/)AWSReservedSSO_/;
var OWN_TRUST = ["assume_role_policy"];
function analyseTrust(index, role, options = {}) {
  const facts2 = { trustIssues: [], federationIssues: [], humanPrincipals: [] };
  const read = readPolicyDocumentOnce(index, role.values.assume_role_policy);
  if (read.kind === "absent") {
    if (options.tool)
      facts2.trustIssues.push({
        address: role.address,
        attribute: "assume_role_policy",
        detail: "tool role has no trust policy"
      });
    return facts2;
  }
  if (read.kind === "unknown") {
    const rendered = referencedPolicyDocument(index, read.value);
    if (rendered !== void 0) return documentTrust(index, rendered, rendered.document, options);
  }
  if (read.kind !== "document") {
    const unknown = read.kind === "unknown" ? read.value : { $unknown: true, refs: [] };
    const detail = read.kind === "invalid" ? `trust ${read.reason}` : "trust policy is only known after apply";
    for (const list of [facts2.trustIssues, facts2.federationIssues, facts2.humanPrincipals]) {
      list.push(unknownEvidence2(role.address, "assume_role_policy", detail, unknown));
    }
    return facts2;
  }
  const own = { address: role.address, attribute: "assume_role_policy", basePath: OWN_TRUST };
  if (options.tool) return documentTrust(index, own, read.document, options);
  const shared = sharedDocumentTrust(index, read.document, options.accounts);
  return {
    trustIssues: shared.trustIssues.map((item) => withAddress(item, role.address)),
    federationIssues: shared.federationIssues.map((item) => withAddress(item, role.address)),
    humanPrincipals: shared.humanPrincipals.map((item) => withAddress(item, role.address))
  };
}
var sharedTrust = /* @__PURE__ */ new WeakMap();
function sharedDocumentTrust(index, document, accounts) {
  const byDocument = getOrMake(sharedTrust, index, () => /* @__PURE__ */ new WeakMap());
  const byAccounts = getOrMake(byDocument, document, () => /* @__PURE__ */ new Map());
  return getOrMake(
    byAccounts,
    accounts,
    () => documentTrust(
      index,
      { address: "", attribute: "assume_role_policy", basePath: OWN_TRUST },
      document,
      accounts === void 0 ? {} : { accounts }
    )
  );
}
function withAddress(item, address) {
  const attribute2 = item.attribute;
  return item.$unknown ? { address, attribute: attribute2, detail: item.detail, $unknown: true, refs: item.refs } : { address, attribute: attribute2, detail: item.detail };
}
function documentTrust(index, source, document, options) {
  const facts2 = { trustIssues: [], federationIssues: [], humanPrincipals: [] };
  const { address, basePath: base } = source;
  const statements = document.statements.filter(
    (statement) => !(typeof statement.effect === "string" && statement.effect !== "Allow")
  );
  const at = (statement, path) => formatPath([...base, ...statement.path, ...path]);
  const field2 = (statement, key) => formatPath([...base, ...statementPath(statement, key)]);
  const evidence2 = (attribute2, detail, unknown) => unknown ? unknownEvidence2(address, attribute2, detail, unknown) : { address, attribute: attribute2, detail };
  for (const statement of statements) {
    const label = statement.sid ? `trust statement "${statement.sid}"` : "trust statement";
    const conditions = conditionEntries(statement);
    if (isUnknown(statement.principal)) {
      const where = field2(statement, "Principal");
      facts2.trustIssues.push(
        evidence2(where, `${label} names principals known only after apply`, statement.principal)
      );
      facts2.humanPrincipals.push(
        evidence2(where, `${label} names principals known only after apply`, statement.principal)
      );
      continue;
    }
    if (statement.notPrincipal !== void 0) {
      facts2.trustIssues.push(
        evidence2(
          field2(statement, "NotPrincipal"),
          `${label} allows everyone except the principals in NotPrincipal`
        )
      );
    }
    for (const principal of principalEntries(statement.principal)) {
      const where = at(statement, principal.path);
      const issue = principalIssue(index, principal, conditions, options);
      if (issue) facts2.trustIssues.push(evidence2(where, `${label}: ${issue.detail}`, issue.unknown));
      else if (options.tool) {
        const toolIssue = toolPrincipalIssue(index, principal, options.tool);
        if (toolIssue)
          facts2.trustIssues.push(evidence2(where, `${label}: ${toolIssue.detail}`, toolIssue.unknown));
      }
      const human = humanPrincipal(index, principal);
      if (human) facts2.humanPrincipals.push(evidence2(where, `${label} names ${human.detail}`, human.unknown));
    }
    federation(statement, conditions, label, facts2.federationIssues, at, evidence2, index);
  }
  podIdentity(statements, facts2.federationIssues, field2, evidence2);
  if (options.tool) toolSessionControls(source, statements, options.tool, index, facts2.trustIssues);
  return facts2;
}
function principalIssue(index, principal, conditions, options) {
  const { type, value } = principal;
  if (type !== "*" && type !== "AWS") return void 0;
  if (isUnknown(value)) {
    if (resolveRole(index, value).length > 0 || value.refs.some((ref) => addressType(ref) === "aws_iam_user")) {
      return void 0;
    }
    if (value.expression && /:root\b/.test(value.expression)) {
      if (hasKey(conditions, "sts:externalid")) return void 0;
      return {
        detail: `trusts an account root (${describeUnknown(value)}) without sts:ExternalId`,
        unknown: value
      };
    }
    if (value.expression && SPECIFIC_ROLE_ARN.test(unquoted(value.expression))) return void 0;
    return {
      detail: `trusts a principal known only after apply (${describeUnknown(value)})`,
      unknown: value
    };
  }
  if (value === "*" || rootAccount(value) === "*") {
    const restriction = restrictedBy(conditions, RESTRICTING_KEYS);
    if (restriction === true) return void 0;
    return {
      detail: restriction === false ? 'trusts every AWS principal ("*") without a condition that narrows it to known principals (aws:PrincipalArn, aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID with an exact account or organization, or sts:ExternalId)' : `trusts every AWS principal ("*"); the condition that would narrow it is known only after apply (${describeUnknown(restriction)})`,
      ...restriction === false ? {} : { unknown: restriction }
    };
  }
  const account = rootAccount(value);
  if (account !== void 0) {
    const own = options.accounts?.has(account) === true;
    if (own) {
      if (conditions.some((entry) => PRINCIPAL_KEYS.test(entry.keyLower) && requires(entry)))
        return void 0;
      return {
        detail: `trusts every principal of account ${account} (account root) without a condition naming which`
      };
    }
    if (hasKey(conditions, "sts:externalid")) return void 0;
    return {
      detail: conditions.length === 0 ? `trusts account ${account} (account root) without conditions or sts:ExternalId` : `trusts account ${account} (account root) without sts:ExternalId`
    };
  }
  const arn = IAM_ARN.exec(value);
  if (arn && options.accounts && options.accounts.size > 0 && !options.accounts.has(arn[1])) {
    if (!hasKey(conditions, "sts:externalid")) {
      return { detail: `trusts ${value} of another account without sts:ExternalId` };
    }
  }
  return void 0;
}
function toolPrincipalIssue(index, principal, tool) {
  const { type, value } = principal;
  const shown = isUnknown(value) ? describeUnknown(value) : value;
  if (type !== "AWS") {
    return {
      detail: `tool role trusts ${type === "*" ? '"*"' : `${type} principal ${shown}`}; only its server's identity may assume it`
    };
  }
  const roles = resolveRole(index, value);
  if (roles.some((role) => tool.serverIdentities.includes(role))) return void 0;
  const other = roles.find((role) => tool.otherServerIdentities.has(role));
  if (other) return { detail: `tool role trusts ${other}, the identity of another MCP server` };
  if (tool.serverIdentities.length === 0) {
    if (roles.length > 0 || isUnknown(value)) return void 0;
    return { detail: `tool role trusts ${shown}, which is not an MCP server identity in this plan` };
  }
  if (roles.length > 0) return { detail: `tool role trusts ${roles.join(", ")}, not its server's identity` };
  if (isUnknown(value)) {
    return { detail: `tool role trusts a principal known only after apply (${shown})`, unknown: value };
  }
  return { detail: `tool role trusts ${shown}, not its server's identity` };
}
function humanPrincipal(index, principal) {
  const { type, value } = principal;
  if (isUnknown(value)) {
    const user = value.refs.find((ref) => addressType(ref) === "aws_iam_user");
    if (user) return { detail: `the IAM user ${user}` };
    const saml = value.refs.find((ref) => addressType(ref) === "aws_iam_saml_provider");
    if (saml) return { detail: `the SAML provider ${saml}` };
    if (type !== "AWS" || resolveRole(index, value).length > 0) return void 0;
    const shown = describeUnknown(value);
    const written = value.expression ?? "";
    if (/:root\b/.test(written)) return { detail: `an account root (${shown})` };
    if (/:(?:user|federated-user)\//.test(written)) return { detail: `an IAM user (${shown})` };
    if (SSO_ROLE.test(written)) return { detail: `an SSO role (${shown})` };
    if (SPECIFIC_ROLE_ARN.test(unquoted(written))) return void 0;
    return { detail: `a principal known only after apply (${shown})`, unknown: value };
  }
  if (type === "Federated")
    return value.includes(":saml-provider/") ? { detail: `the SAML provider ${value}` } : void 0;
  if (type !== "AWS") return void 0;
  const account = rootAccount(value);
  if (account !== void 0) return { detail: `the account root of ${account}, which includes its users` };
  const arn = IAM_ARN.exec(value);
  if (!arn) return void 0;
  const kind = arn[2];
  if (kind === "user") return { detail: `the IAM user ${value}` };
  if (kind === "federated-user") return { detail: `the federated user ${value}` };
  if ((kind === "role" || kind === "assumed-role") && SSO_ROLE.test(arn[3]))
    return { detail: `the SSO role ${value}` };
  return void 0;
}
function federation(statement, conditions, label, out, at, evidence2, index) {
  const federated = principalEntries(statement.principal).filter(
    (principal) => principal.type === "Federated" && !(typeof principal.value === "string" && principal.value.includes(":saml-provider/")) && !(isUnknown(principal.value) && principal.value.refs.some((ref) => addressType(ref) === "aws_iam_saml_provider"))
  );
  if (federated.length === 0) return;
  const actions = literals(statement.action);
  const webIdentity = actions.some((action) => actionMatches(action, "sts:AssumeRoleWithWebIdentity")) || unknownLeaves(statement.action).length > 0;
  if (!webIdentity) return;
  const issuers = federated.map((principal) => issuerOf(index, principal.value)).filter((x) => !!x);
  const keyed = (suffix) => conditions.filter(
    (entry) => entry.keyLower.endsWith(suffix) && (issuers.length === 0 || issuers.some((issuer) => entry.keyLower === `${issuer.toLowerCase()}${suffix}`))
  );
  const where = at(statement, [statement.fields.Condition]);
  const issuerText = issuers[0] ?? "<issuer>";
  if (isUnknown(statement.condition)) {
    out.push(
      evidence2(where, `${label}: web identity conditions are known only after apply`, statement.condition)
    );
    return;
  }
  for (const suffix of [":sub", ":aud"]) {
    const entries = keyed(suffix);
    if (entries.length === 0) {
      out.push(evidence2(where, `${label}: web identity trust has no condition on ${issuerText}${suffix}`));
      continue;
    }
    if (entries.some(exact)) continue;
    const unknown = entries.flatMap((entry2) => unknownLeaves(entry2.values))[0];
    if (unknown) {
      out.push(
        evidence2(
          where,
          `${label}: ${issuerText}${suffix} is compared with a value known only after apply`,
          unknown
        )
      );
      continue;
    }
    const entry = entries[0];
    const values = literals(entry.values);
    const wildcard = values.find((value) => /[*?]/.test(value));
    out.push(
      evidence2(
        at(statement, entry.path),
        wildcard !== void 0 ? `${label}: ${entry.key} matches a wildcard (${JSON.stringify(wildcard)}) with ${entry.operator}; use StringEquals with exact values` : `${label}: ${entry.key} is not bound with StringEquals (${entry.operator})`
      )
    );
  }
}
function podIdentity(statements, out, field2, evidence2) {
  const pods = statements.filter(
    (statement) => principalEntries(statement.principal).some(
      (principal) => principal.type === "Service" && principal.value === "pods.eks.amazonaws.com"
    )
  );
  if (pods.length === 0) return;
  if (pods.some(
    (statement) => literals(statement.action).some((action) => actionMatches(action, "sts:TagSession"))
  )) {
    return;
  }
  const unknown = pods.flatMap((statement) => unknownLeaves(statement.action))[0];
  out.push(
    evidence2(
      field2(pods[0], "Action"),
      unknown ? "EKS Pod Identity trust: actions are known only after apply" : "EKS Pod Identity trust does not allow sts:TagSession, so sessions carry no pod tags",
      unknown
    )
  );
}
function toolSessionControls({ address, attribute: attribute2 }, statements, tool, index, out) {
  const fromServer = statements.filter(
    (statement) => principalEntries(statement.principal).some(
      (principal) => principal.type === "AWS" && resolveRole(index, principal.value).some((role) => tool.serverIdentities.includes(role))
    )
  );
  const relevant = fromServer.length > 0 ? fromServer : statements;
  const grants = (action) => relevant.some(
    (statement) => literals(statement.action).some((pattern) => actionMatches(pattern, action))
  );
  const unknownActions = relevant.flatMap((statement) => unknownLeaves(statement.action))[0];
  const entries = relevant.flatMap((statement) => conditionEntries(statement));
  const unknownCondition = relevant.map((statement) => statement.condition).find(isUnknown);
  const report = (detail, unknown) => out.push(unknown ? unknownEvidence2(address, attribute2, detail, unknown) : { address, attribute: attribute2, detail });
  if (!grants("sts:TagSession")) {
    report(
      "tool role trust does not allow sts:TagSession, so its server cannot pass session tags",
      unknownActions
    );
  }
  if (!entries.some((entry) => entry.keyLower.startsWith("aws:requesttag/") && requires(entry))) {
    report(
      "tool role trust does not require a session tag (aws:RequestTag/...) from its server",
      unknownCondition
    );
  }
  if (!entries.some((entry) => /^(sts|aws):sourceidentity$/.test(entry.keyLower) && requires(entry))) {
    report(
      "tool role trust does not require a source identity (sts:SourceIdentity) from its server",
      unknownCondition
    );
  }
}
function requires(entry) {
  if (entry.ifExists) return false;
  if (entry.set === "forallvalues") return false;
  if (entry.base === "null") return literals(entry.values).some((value) => value.toLowerCase() === "false");
  return true;
}
function exact(entry) {
  if (!requires(entry)) return false;
  if (isUnknown(entry.values) || unknownLeaves(entry.values).length > 0) return false;
  const values = literals(entry.values);
  if (values.length === 0) return false;
  if (entry.base === "stringequals") return true;
  if (entry.base === "stringlike") return values.every((value) => !/[*?]/.test(value));
  return false;
}
function restrictedBy(conditions, keys) {
  let unknown;
  for (const entry of conditions) {
    if (!keys.has(entry.keyLower) || !requires(entry) || !POSITIVE_MATCH.has(entry.base)) continue;
    const pending = (isUnknown(entry.values) ? [entry.values] : unknownLeaves(entry.values)).find(
      (leaf) => leaf.refs.length === 0
    );
    if (pending !== void 0) {
      unknown ??= pending;
      continue;
    }
    const values = literals(entry.values);
    const referenced = isUnknown(entry.values) || unknownLeaves(entry.values).length > 0;
    if ((values.length > 0 || referenced) && values.every((value) => pins(entry.keyLower, value)))
      return true;
  }
  return unknown ?? false;
}
function unquoted(expression) {
  return expression.replace(/^\s*"([\s\S]*)"\s*$/, "$1");
}
var SPECIFIC_ROLE_ARN = /^arn:aws[\w-]*:iam::[^:]*:role\/[\w+=,.@/-]+$/;
var WILDCARD = /[*?]/;
function pins(key, value) {
  if (key === "aws:principalarn" || key === "aws:sourcearn") {
    if (!value.startsWith("arn:")) return false;
    const account = value.split(":")[4];
    return !WILDCARD.test(value) || account !== void 0 && account !== "" && !WILDCARD.test(account);
  }
  if (key === "aws:principalorgpaths") return /^o-[a-z0-9]+\//.test(value);
  return value !== "" && !WILDCARD.test(value);
}
function hasKey(conditions, key) {
  return conditions.some(
    (entry) => entry.keyLower === key && requires(entry) && POSITIVE_MATCH.has(entry.base) && literals(entry.values).every((value) => pins(key, value))
  );
}
function rootAccount(value) {
  if (ACCOUNT_ID.test(value)) return value;
  return ROOT_ARN.exec(value)?.[1];
}
function issuerOf(index, value) {
  if (typeof value === "string") {
    const match = /:oidc-provider\/(.+)$/.exec(value);
    return match ? match[1] : value;
  }
  for (const ref of value.refs) {
    if (addressType(ref) !== "aws_iam_openid_connect_provider") continue;
    const url = index.byAddress.get(ref)?.values.url;
    if (typeof url === "string") return url.replace(/^https:\/\//i, "").replace(/\/$/, "");
  }
  return void 0;
}

// action/inventory/aws/identities.ts
var DEFAULT_MAX_SESSION_SECONDS = 3600;
var TENANT_SESSION_TAG = "tenant";
var ROLE_CONSUMERS = [
  ["aws_lambda_function", ["role"]],
  ["aws_ecs_task_definition", ["task_role_arn", "execution_role_arn"]],
  ["aws_eks_pod_identity_association", ["role_arn"]]
];
var IDENTITY_TYPES2 = ["aws_iam_role", "aws_iam_user"];
function isAwsIdentity(record) {
  return record !== void 0 && record.mode === "managed" && IDENTITY_TYPES2.includes(record.type);
}
function awsIdentities(ctx, usedPolicies, claimedOnly = false, reach = /* @__PURE__ */ new Map()) {
  const toolsByIdentity = /* @__PURE__ */ new Map();
  const serversByIdentity = /* @__PURE__ */ new Map();
  for (const server of ctx.servers) {
    if (server.identity !== void 0) push(serversByIdentity, server.identity, server.name);
    for (const tool of server.tools)
      for (const identity of tool.identities) push(toolsByIdentity, identity, tool);
  }
  const identitiesOfServer = /* @__PURE__ */ new Map();
  for (const server of ctx.servers) {
    if (server.identity !== void 0) push(identitiesOfServer, server.name, server.identity);
  }
  for (const [address, servers] of reach) {
    if (toolsByIdentity.has(address) || !isAwsIdentity(ctx.index.byAddress.get(address))) continue;
    for (const server of servers) {
      if (!identitiesOfServer.get(server)?.includes(address)) push(identitiesOfServer, server, address);
    }
  }
  const declarations = {
    trustOptions: { accounts: callerAccounts(ctx) },
    tenantKeys: distinct([TENANT_SESSION_TAG, ctx.policy.tags.tenant]),
    manifests: ctx.manifests,
    toolsByIdentity,
    serversByIdentity,
    serverByName: new Map(ctx.servers.map((server) => [server.name, server])),
    identitiesOfServer,
    usedPolicies,
    claimedOnly,
    ownerPath: formatPath(["tags", ctx.policy.tags.owner]),
    reviewByPath: formatPath(["tags", ctx.policy.tags.reviewBy])
  };
  const out = [];
  for (const type of IDENTITY_TYPES2) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== "managed") continue;
      const facts2 = identityFacts(ctx, record, type, declarations);
      if (facts2 !== void 0) out.push(facts2);
    }
  }
  return out;
}
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function identityFacts(ctx, record, kind, declarations) {
  const { manifests } = declarations;
  const { address, values } = record;
  const attribution = ctx.attributionOf(address);
  const declaredTools = declarations.toolsByIdentity.get(address) ?? [];
  const tools = [];
  for (const tool of declaredTools) addDistinct(tools, tool.name);
  addDistinct(tools, attribution.tool);
  const servers = [];
  for (const server of declarations.serversByIdentity.get(address) ?? []) addDistinct(servers, server);
  for (const tool of declaredTools) addDistinct(servers, tool.server);
  addDistinct(servers, attribution.server);
  if (declarations.claimedOnly && !claimedByMcp(attribution, tools, servers)) {
    noteUsedPolicies(declarations, permissionPolicies(ctx.index, record));
    return void 0;
  }
  const names = ctx.policy.tags;
  const toolTag = readTag(record, names.tool);
  const isTool = declaredTools.length > 0 || attribution.tool !== void 0;
  const toolServers = isTool ? serversOfTool(declarations, declaredTools, attribution) : [];
  const perTenant = attribution.tenant !== void 0 || typeof readTag(record, names.tenant) === "string";
  const tenantScoped2 = isTool && !perTenant && toolServers.some((server) => server.multiTenant);
  const applied = permissionPolicies(ctx.index, record);
  noteUsedPolicies(declarations, applied);
  const permissions = analysePermissions(
    applied,
    tenantScoped2 ? { tenantKeys: declarations.tenantKeys } : {}
  );
  const trust = kind === "aws_iam_role" ? analyseTrust(
    ctx.index,
    record,
    isTool ? toolTrustOptions(declarations, toolServers, address) : declarations.trustOptions
  ) : { trustIssues: [], federationIssues: [], humanPrincipals: [] };
  const delegationIssues = isTool ? [] : foreignAssumptions(ctx, declarations, servers, applied);
  const owner = tagFact(readTag(record, names.owner));
  const reviewBy = tagFact(readTag(record, names.reviewBy));
  const facts2 = {
    address,
    source: record.source,
    at: {
      name: "name",
      maxSessionSeconds: "max_session_duration",
      hasPermissionsBoundary: "permissions_boundary",
      trustIssues: "assume_role_policy",
      owner: declarations.ownerPath,
      reviewBy: declarations.reviewByPath,
      reviewOverdue: declarations.reviewByPath,
      missingTags: "tags"
    },
    kind,
    name: nameFact(record),
    tools,
    servers,
    maxSessionSeconds: kind === "aws_iam_role" ? sessionFact(values.max_session_duration) : null,
    federationIssues: trust.federationIssues,
    broadGrants: permissions.broadGrants,
    escalationGrants: permissions.escalationGrants,
    hasPermissionsBoundary: boundaryFact(ctx, values.permissions_boundary),
    trustIssues: delegationIssues.length > 0 ? [...trust.trustIssues, ...delegationIssues] : trust.trustIssues,
    tenantIssues: permissions.tenantIssues,
    humanPrincipals: trust.humanPrincipals,
    environments: environments(ctx, record),
    owner,
    reviewBy,
    reviewOverdue: overdue(reviewBy, ctx.today),
    missingTags: missingTags(record, ctx.parameters.requiredTags),
    sensitive: declaredTools.some((tool) => tool.sensitive || tool.writeCapable),
    hasContextConditions: permissions.hasContextConditions,
    orphan: isOrphan(ctx, manifests, attribution, toolTag, readTag(record, names.server), declaredTools)
  };
  return isClaimed(attribution) ? attributed({}, attribution, facts2) : facts2;
}
function serversOfTool(declarations, declaredTools, attribution) {
  const names = [];
  for (const tool of declaredTools) addDistinct(names, tool.server);
  if (attribution.tool !== void 0) addDistinct(names, attribution.server);
  const out = [];
  for (const name of names) {
    const server = declarations.serverByName.get(name);
    if (server) out.push(server);
  }
  return out;
}
function toolTrustOptions(declarations, toolServers, address) {
  const serverIdentities = ownServerIdentities(declarations, toolServers);
  return {
    accounts: declarations.trustOptions.accounts,
    tool: {
      serverIdentities,
      otherServerIdentities: otherServerIdentities(declarations, toolServers, address)
    }
  };
}
function noteUsedPolicies(declarations, applied) {
  if (!declarations.usedPolicies) return;
  for (const policy of applied) {
    declarations.usedPolicies.add(policy.address);
    if (policy.via) declarations.usedPolicies.add(policy.via);
  }
}
function claimedByMcp(attribution, tools, servers) {
  return tools.length > 0 || servers.length > 0 || attribution.attributedBy === "unresolved";
}
function isClaimed(attribution) {
  return attribution.server !== void 0 || attribution.tool !== void 0 || attribution.tenant !== void 0 || attribution.attributedBy !== void 0;
}
function isOrphan(ctx, manifests, attribution, toolTag, serverTag, declaredTools) {
  const tool = attribution.tool ?? (typeof toolTag === "string" && toolTag !== "" ? toolTag : void 0);
  if (tool === void 0) return false;
  if (isUnknown(serverTag)) return false;
  const server = attribution.server ?? (typeof serverTag === "string" && serverTag !== "" ? serverTag : void 0);
  if (server === void 0) return declaredTools.length === 0;
  const inManifest = manifests.flatMap((manifest) => manifest.servers).filter((s) => s.name === server);
  if (inManifest.length > 0) return !inManifest.some((s) => s.tools.some((t) => t.name === tool));
  const inPolicy = ctx.policy.servers.filter((s) => s.name === server);
  if (inPolicy.length > 0) return !inPolicy.some((s) => s.tools.some((t) => t.name === tool));
  return declaredTools.length === 0;
}
function foreignAssumptions(ctx, declarations, servers, applied) {
  if (servers.length === 0) return [];
  const out = [];
  for (const grant of assumableRoles(ctx.index, applied)) {
    if (servers.some((server) => declarations.identitiesOfServer.get(server)?.includes(grant.role))) continue;
    const tool = declarations.toolsByIdentity.get(grant.role)?.find((t) => !servers.includes(t.server));
    const other = tool ? void 0 : declarations.serversByIdentity.get(grant.role)?.find((s) => !servers.includes(s));
    if (tool === void 0 && other === void 0) continue;
    const whose = tool ? `the role of tool ${tool.name} of server ${tool.server}` : `an identity of server ${other}`;
    out.push({
      address: grant.address,
      attribute: grant.attribute,
      detail: `server identity may assume ${grant.role}, ${whose}; a server may assume only its own tools' roles`
    });
  }
  return out;
}
function ownServerIdentities(declarations, servers) {
  const out = [];
  for (const server of servers) {
    for (const identity of declarations.identitiesOfServer.get(server.name) ?? []) addDistinct(out, identity);
  }
  return out;
}
function otherServerIdentities(declarations, own, address) {
  const ownIdentities = new Set(ownServerIdentities(declarations, own));
  const all = declarations.serversByIdentity;
  return {
    has: (identity) => identity !== address && all.has(identity) && !ownIdentities.has(identity)
  };
}
function nameFact(record) {
  const name = record.values.name;
  if (typeof name === "string" && name !== "") return name;
  if (isUnknown(name)) return name;
  return unknownValue([record.address], `${record.address}.name`);
}
function sessionFact(value) {
  if (isUnknown(value)) return value;
  if (value === void 0 || value === null) return DEFAULT_MAX_SESSION_SECONDS;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const seconds = typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : Number.NaN;
  if (Number.isFinite(seconds)) return seconds;
  return unknownValue([]);
}
function boundaryFact(ctx, value) {
  if (typeof value === "string") return value.trim() !== "";
  if (isUnknown(value)) {
    if (resolveRefs(ctx.index, value, "aws_iam_policy").length > 0) return true;
    return value;
  }
  return false;
}
function tagFact(value) {
  if (value === void 0) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  return value;
}
function missingTags(record, required) {
  if (!Array.isArray(required) || required.length === 0) return [];
  const tags = readTags(record);
  if (isUnknown(tags)) return tags;
  const missing = [];
  for (const key of required) {
    if (typeof key !== "string") continue;
    const value = tagValue(tags, key);
    if (isUnknown(value) && !Object.hasOwn(tags, key)) return value;
    if (value === void 0 || value === "") missing.push(key);
  }
  return missing;
}
function overdue(reviewBy, today) {
  if (reviewBy === null) return false;
  if (isUnknown(reviewBy)) return reviewBy;
  const date = reviewBy.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return true;
  return date < today;
}
function environments(ctx, record) {
  const found = [];
  addDistinct(found, ctx.environmentOf(record.address));
  if (record.type === "aws_iam_role") {
    for (const [type, attributes] of ROLE_CONSUMERS) {
      for (const attribute2 of attributes) {
        for (const consumer of recordsReferring(ctx.index, type, attribute2, "aws_iam_role", record.address)) {
          addDistinct(found, ctx.environmentOf(consumer.address));
        }
      }
    }
  }
  return found.sort();
}
function callerAccounts(ctx) {
  const accounts = /* @__PURE__ */ new Set();
  for (const record of ctx.index.byType("aws_caller_identity")) {
    const id = record.values.account_id;
    if (typeof id === "string" && /^\d{12}$/.test(id)) accounts.add(id);
  }
  return accounts;
}
function distinct(values) {
  const out = [];
  for (const value of values) addDistinct(out, value);
  return out;
}
function addDistinct(list, value) {
  if (value !== void 0 && value !== "" && !list.includes(value)) list.push(value);
}

// action/inventory/aws/workloads.ts
var WORKLOAD_TYPES = [
  "aws_lambda_function",
  "aws_ecs_task_definition",
  "aws_bedrockagentcore_agent_runtime"
];
function awsWorkloads(ctx) {
  const params = runtimeParameters(ctx);
  const out = [];
  for (const type of WORKLOAD_TYPES) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== "managed") continue;
      out.push(workloadFacts(ctx, record, params));
    }
  }
  return out;
}
function workloadIdentities(ctx, record) {
  const v = record.values;
  switch (record.type) {
    case "aws_lambda_function":
      return resolveRole(ctx.index, v.role);
    case "aws_ecs_task_definition":
      return unique([
        ...resolveRole(ctx.index, v.task_role_arn),
        ...resolveRole(ctx.index, v.execution_role_arn)
      ]);
    case "aws_bedrockagentcore_agent_runtime":
      return resolveRole(ctx.index, v.role_arn);
    default:
      return [];
  }
}
function workloadFacts(ctx, record, params) {
  const identities = workloadIdentities(ctx, record);
  const env = workloadEnvironment(record);
  const plaintextSecrets = [];
  for (const entry of env.entries) {
    const found = plaintextSecret(record.address, entry, params);
    if (found) plaintextSecrets.push(found);
  }
  for (const { path, value } of env.unknown) {
    plaintextSecrets.push(
      unknownEvidence(
        record.address,
        formatPath(path),
        `environment is known only after apply (${describeUnknown(value)}); literal secrets in it cannot be ruled out`,
        value
      )
    );
  }
  const environment = ctx.environmentOf(record.address);
  const roleAttribute = ROLE_ATTRIBUTE[record.type];
  const facts2 = attributed(
    { address: record.address, source: record.source },
    inheritedAttribution(ctx, record.address, identities),
    {
      kind: record.type,
      identities,
      plaintextSecrets,
      unpinnedImages: workloadImages(record).flatMap(
        ({ path, value }) => unpinnedImage(record.address, formatPath(path), value)
      )
    }
  );
  if (environment !== void 0) facts2.environment = environment;
  if (roleAttribute !== void 0) facts2.at = { identities: roleAttribute };
  return facts2;
}
var ROLE_ATTRIBUTE = {
  aws_lambda_function: "role",
  aws_ecs_task_definition: "task_role_arn",
  aws_bedrockagentcore_agent_runtime: "role_arn"
};
var environments2 = /* @__PURE__ */ new WeakMap();
function workloadEnvironment(record) {
  let environment = environments2.get(record);
  if (environment === void 0) {
    environment = readWorkloadEnvironment(record);
    environments2.set(record, environment);
  }
  return environment;
}
function readWorkloadEnvironment(record) {
  const entries = [];
  const unknown = [];
  const addMap = (map, path) => {
    if (isUnknown(map)) unknown.push({ path, value: map });
    else if (isPlainObject(map)) {
      for (const [name, value] of Object.entries(map)) entries.push({ name, value, path: [...path, name] });
    }
  };
  const v = record.values;
  switch (record.type) {
    case "aws_lambda_function": {
      const block = firstBlock(v.environment);
      if (block) addMap(block.variables, [...blockSegments(v.environment, "environment"), "variables"]);
      else if (isUnknown(v.environment)) unknown.push({ path: ["environment"], value: v.environment });
      break;
    }
    case "aws_bedrockagentcore_agent_runtime":
      addMap(v.environment_variables, ["environment_variables"]);
      break;
    case "aws_ecs_task_definition":
      if (isUnknown(v.container_definitions) && v.container_definitions.partial === void 0) {
        unknown.push({ path: ["container_definitions"], value: v.container_definitions });
      }
      for (const [index, container] of containerDefinitions(v.container_definitions).entries()) {
        const containerName = typeof container.name === "string" ? container.name : `#${index}`;
        const list = container.environment;
        if (isUnknown(list)) {
          unknown.push({ path: ["container_definitions", index, "environment"], value: list });
          continue;
        }
        for (const [j, item] of blocks(list).entries()) {
          if (typeof item.name !== "string") continue;
          entries.push({
            name: item.name,
            value: item.value,
            path: ["container_definitions", index, "environment", j, "value"],
            container: containerName
          });
        }
      }
      break;
  }
  return { entries, unknown };
}
function containerDefinitions(value) {
  if (isUnknown(value)) return value.partial === void 0 ? [] : containerDefinitions(value.partial);
  if (typeof value === "string") {
    try {
      return blocks(JSON.parse(value));
    } catch {
      return [];
    }
  }
  return blocks(value);
}
function plaintextSecret(address, entry, params) {
  const where = entry.container === void 0 ? "" : ` of container ${entry.container}`;
  const { name, value } = entry;
  const verdicts2 = secretVerdicts(params);
  if (typeof value === "string") {
    const what = verdicts2.literal(name, value);
    if (what === void 0) return void 0;
    return evidence(
      address,
      formatPath(entry.path),
      `environment variable ${name}${where} holds ${what} (${secretLength(value)}); store it in Secrets Manager or SSM Parameter Store and pass only its ARN or name`
    );
  }
  if (!isUnknown(value)) return void 0;
  const secretRef = secretValueReference(value);
  if (secretRef !== void 0) {
    return evidence(
      address,
      formatPath(entry.path),
      `environment variable ${name}${where} is set from ${secretRef}: the secret value is copied in plain text into the configuration and state; pass the secret's ARN or name and read it at runtime`
    );
  }
  if (params.allowNames.has(name.toLowerCase()) || !verdicts2.secretName(name)) return void 0;
  if (value.expression !== void 0 && REFERENCE_ATTRIBUTE.test(value.expression)) return void 0;
  return unknownEvidence(
    address,
    formatPath(entry.path),
    `environment variable ${name}${where} is set from ${describeUnknown(value)}, known only after apply; if that is a secret value rather than a reference to one, it lands in plain text`,
    value
  );
}
function literalSecret(name, value, params) {
  const shape = credentialShape(value);
  if (shape !== void 0) return `a ${shape} credential`;
  if (params.allowNames.has(name.toLowerCase())) return void 0;
  if (!looksLikeSecretValue(name, value, params.secretNamePatterns)) return void 0;
  if (isSecretName(name, params.secretNamePatterns)) return "a literal value under a secret-like name";
  return isHighEntropyToken(value.trim()) ? "a high-entropy literal" : "a literal value that carries a secret";
}
var verdictsByParams = /* @__PURE__ */ new WeakMap();
function secretVerdicts(params) {
  let verdicts2 = verdictsByParams.get(params);
  if (verdicts2 !== void 0) return verdicts2;
  const literals2 = /* @__PURE__ */ new Map();
  const names = /* @__PURE__ */ new Map();
  verdicts2 = {
    literal(name, value) {
      let byValue = literals2.get(name);
      if (byValue === void 0) {
        byValue = /* @__PURE__ */ new Map();
        literals2.set(name, byValue);
      }
      if (byValue.has(value)) return byValue.get(value);
      const what = literalSecret(name, value, params);
      byValue.set(value, what);
      return what;
    },
    secretName(name) {
      let secret = names.get(name);
      if (secret === void 0) {
        secret = isSecretName(name, params.secretNamePatterns);
        names.set(name, secret);
      }
      return secret;
    }
  };
  verdictsByParams.set(params, verdicts2);
  return verdicts2;
}
var REFERENCE_ATTRIBUTE = /[._](?:arn|arns|id|ids|name|names|arn_suffix)[\s)}"'\]]*$/;
function workloadImages(record) {
  const v = record.values;
  switch (record.type) {
    case "aws_lambda_function":
      return v.image_uri === null || v.image_uri === void 0 || v.image_uri === "" ? [] : [{ path: ["image_uri"], value: v.image_uri }];
    case "aws_bedrockagentcore_agent_runtime": {
      const out = [];
      const artifact = firstBlock(v.agent_runtime_artifact);
      if (!artifact) return out;
      const artifactPath = blockSegments(v.agent_runtime_artifact, "agent_runtime_artifact");
      const container = firstBlock(artifact.container_configuration);
      if (container && container.container_uri !== void 0 && container.container_uri !== null) {
        out.push({
          path: [
            ...artifactPath,
            ...blockSegments(artifact.container_configuration, "container_configuration"),
            "container_uri"
          ],
          value: container.container_uri
        });
      }
      return out;
    }
    case "aws_ecs_task_definition": {
      if (isUnknown(v.container_definitions) && v.container_definitions.partial === void 0)
        return [{ path: ["container_definitions"], value: v.container_definitions }];
      return containerDefinitions(v.container_definitions).map((container, index) => ({
        path: ["container_definitions", index, "image"],
        value: container.image
      }));
    }
    default:
      return [];
  }
}
var PINNED = /@sha256:[0-9a-f]{64}$/;
var DIGEST_EXPRESSION = /@sha256|digest/i;
function unpinnedImage(address, attribute2, value) {
  if (typeof value === "string") {
    if (PINNED.test(value)) return [];
    return [
      evidence(
        address,
        attribute2,
        `image ${value} is not pinned by digest; reference it as name@sha256:<digest>`
      )
    ];
  }
  if (isUnknown(value)) {
    if (value.expression !== void 0 && DIGEST_EXPRESSION.test(value.expression)) return [];
    return [
      unknownEvidence(
        address,
        attribute2,
        `image is known only after apply (${describeUnknown(value)}); pin it by digest (@sha256:) so it can be checked`,
        value
      )
    ];
  }
  return [];
}

// action/inventory/aws/secrets.ts
var SECRET = "aws_secretsmanager_secret";
var VERSION2 = "aws_secretsmanager_secret_version";
var ROTATION = "aws_secretsmanager_secret_rotation";
var SSM_PARAMETER = "aws_ssm_parameter";
var API_KEY_PROVIDER = "aws_bedrockagentcore_api_key_credential_provider";
var OAUTH2_PROVIDER = "aws_bedrockagentcore_oauth2_credential_provider";
var GATEWAY = "aws_bedrockagentcore_gateway";
var GATEWAY_TARGET = "aws_bedrockagentcore_gateway_target";
var OAUTH2_VENDOR_BLOCKS = [
  "custom_oauth2_provider_config",
  "github_oauth2_provider_config",
  "google_oauth2_provider_config",
  "microsoft_oauth2_provider_config",
  "salesforce_oauth2_provider_config",
  "slack_oauth2_provider_config"
];
function awsSecrets(ctx) {
  const params = runtimeParameters(ctx);
  const consumers = secretConsumers(ctx);
  const out = [];
  const rotations = rotationsBySecret(ctx.index);
  for (const record of ctx.index.managed(SECRET)) {
    out.push(
      facts(
        ctx,
        record,
        consumers.get(record.address) ?? [],
        [],
        secretRotationIssues(record, rotations, params)
      )
    );
  }
  for (const record of ctx.index.managed(VERSION2)) {
    const secrets = resolveSecret(ctx.index, record.values.secret_id);
    const related = [...secrets, ...secrets.flatMap((secret) => consumers.get(secret) ?? [])];
    out.push(facts(ctx, record, related, versionValues(record), []));
  }
  for (const record of ctx.index.managed(SSM_PARAMETER)) {
    const found = ssmParameterValues(record, params);
    if (found === void 0) continue;
    out.push(facts(ctx, record, consumers.get(record.address) ?? [], found, []));
  }
  for (const record of ctx.index.managed(API_KEY_PROVIDER)) {
    const found = writeOnlyValue(record, "api_key", "api_key_wo");
    out.push(facts(ctx, record, consumers.get(record.address) ?? [], found, []));
  }
  for (const record of ctx.index.managed(OAUTH2_PROVIDER)) {
    out.push(facts(ctx, record, consumers.get(record.address) ?? [], oauth2ProviderValues(record), []));
  }
  return out;
}
function facts(ctx, record, related, valueInState, rotationIssues) {
  return attributed(
    { address: record.address, source: record.source },
    inheritedAttribution(ctx, record.address, related),
    { kind: record.type, valueInState, rotationIssues }
  );
}
function secretValue(address, path, value, fix) {
  const attribute2 = formatPath(path);
  if (typeof value === "string") {
    if (value === "") return void 0;
    return evidence(
      address,
      attribute2,
      `${attribute2} is a literal secret value (${secretLength(value)}) stored in plan and state; ${fix}`
    );
  }
  if (!isUnknown(value)) return void 0;
  const generator = generatedValueSource(value);
  if (generator !== void 0) {
    return evidence(
      address,
      attribute2,
      `${attribute2} is generated by ${generator} inside Terraform, so the value is stored in state; ${fix}`
    );
  }
  return unknownEvidence(
    address,
    attribute2,
    `${attribute2} is set from ${describeUnknown(value)}, known only after apply; whatever it is will be stored in state; ${fix}`,
    value
  );
}
function versionValues(record) {
  const fix = "use secret_string_wo with secret_string_wo_version (never stored), or set the value outside Terraform";
  return ["secret_string", "secret_binary"].map((key) => secretValue(record.address, [key], record.values[key], fix)).filter((item) => item !== void 0);
}
function writeOnlyValue(record, key, writeOnly) {
  const found = secretValue(
    record.address,
    [key],
    record.values[key],
    `use ${writeOnly} (write-only, never stored) instead`
  );
  return found ? [found] : [];
}
function ssmParameterValues(record, params) {
  const v = record.values;
  const type = typeof v.type === "string" ? v.type : void 0;
  const secure = type?.toLowerCase() === "securestring" || isUnknown(v.type);
  if (secure) {
    const found = secretValue(
      record.address,
      ["value"],
      v.value,
      "use value_wo with value_wo_version (never stored) instead"
    );
    return found ? [found] : [];
  }
  const name = typeof v.name === "string" ? v.name.split("/").pop() ?? v.name : record.name;
  const out = [];
  for (const key of ["value", "insecure_value"]) {
    const value = v[key];
    if (typeof value === "string" && looksLikeSecretValue(name, value, params.secretNamePatterns)) {
      out.push(
        evidence(
          record.address,
          key,
          `${type ?? "String"} parameter ${typeof v.name === "string" ? v.name : record.name} holds a secret-looking literal (${secretLength(value)}) unencrypted in plan and state; make it a SecureString set with value_wo`
        )
      );
    }
  }
  return out.length > 0 ? out : void 0;
}
function oauth2ProviderValues(record) {
  const out = [];
  const config = record.values.oauth2_provider_config;
  const configPath = blockSegments(config, "oauth2_provider_config");
  for (const [i, block] of blocks(config).entries()) {
    const base = Array.isArray(config) ? [configPath[0], i] : configPath;
    for (const vendor of OAUTH2_VENDOR_BLOCKS) {
      const vendorBlock = firstBlock(block[vendor]);
      if (!vendorBlock) continue;
      const path = [...base, ...blockSegments(block[vendor], vendor), "client_secret"];
      const found = secretValue(
        record.address,
        path,
        vendorBlock.client_secret,
        "use client_secret_wo with client_credentials_wo_version (write-only, never stored) instead"
      );
      if (found) out.push(found);
    }
  }
  return out;
}
var AWS_MANAGED_KEY = /(?:^|:)alias\/aws\/secretsmanager$/;
function secretRotationIssues(record, rotations, params) {
  const out = [];
  const kms = record.values.kms_key_id;
  if (kms === void 0 || kms === null || kms === "" || typeof kms === "string" && AWS_MANAGED_KEY.test(kms)) {
    out.push(
      evidence(
        record.address,
        "kms_key_id",
        "secret is encrypted with the AWS managed key aws/secretsmanager; set kms_key_id to a customer managed KMS key whose policy limits decryption to the identities that need it"
      )
    );
  }
  const found = rotations.get(record.address) ?? [];
  if (found.length === 0) {
    out.push(
      evidence(
        record.address,
        void 0,
        `secret has no aws_secretsmanager_secret_rotation; rotate it at least every ${params.rotationDays} days`
      )
    );
    return out;
  }
  const issues = [];
  for (const rotation of found) {
    const issue = rotationIssue(rotation, params);
    if (issue === void 0) return out;
    issues.push(issue);
  }
  return [...out, ...issues];
}
function rotationIssue(rotation, params) {
  const rulesValue = rotation.values.rotation_rules;
  const rules = firstBlock(rulesValue);
  const rulesPath = blockSegments(rulesValue, "rotation_rules");
  if (!rules) {
    return isUnknown(rulesValue) ? unknownEvidence(
      rotation.address,
      "rotation_rules",
      "rotation rules are known only after apply",
      rulesValue
    ) : evidence(rotation.address, "rotation_rules", "rotation has no rotation_rules");
  }
  const schedule = rules.schedule_expression;
  if (typeof schedule === "string" && schedule !== "") return void 0;
  const days = rules.automatically_after_days;
  const attribute2 = formatPath([...rulesPath, "automatically_after_days"]);
  if (typeof days === "number") {
    return days > params.rotationDays ? evidence(
      rotation.address,
      attribute2,
      `secret rotates every ${days} days, more than the policy maximum of ${params.rotationDays}`
    ) : void 0;
  }
  if (isUnknown(days)) {
    return unknownEvidence(
      rotation.address,
      attribute2,
      `rotation interval is known only after apply (${describeUnknown(days)})`,
      days
    );
  }
  if (isUnknown(schedule)) {
    return unknownEvidence(
      rotation.address,
      formatPath([...rulesPath, "schedule_expression"]),
      `rotation schedule is known only after apply (${describeUnknown(schedule)})`,
      schedule
    );
  }
  return evidence(
    rotation.address,
    formatPath(rulesPath),
    "rotation has neither automatically_after_days nor schedule_expression"
  );
}
function rotationsBySecret(index) {
  const out = /* @__PURE__ */ new Map();
  for (const rotation of index.managed(ROTATION)) {
    for (const secret of resolveSecret(index, rotation.values.secret_id)) {
      const list = out.get(secret);
      if (list) list.push(rotation);
      else out.set(secret, [rotation]);
    }
  }
  return out;
}
var SECRET_ARN = /^arn:aws[\w-]*:secretsmanager:[^:]*:\d*:secret:(.+)$/;
var ARN_RANDOM_SUFFIX = /-[A-Za-z0-9]{6}$/;
function resolveSecret(index, value) {
  if (isUnknown(value)) return resolveRefs(index, value, SECRET);
  if (typeof value !== "string" || value === "") return [];
  const fromArn = SECRET_ARN.exec(value)?.[1];
  const candidates = /* @__PURE__ */ new Set([value]);
  if (fromArn !== void 0) {
    candidates.add(fromArn);
    candidates.add(fromArn.replace(ARN_RANDOM_SUFFIX, ""));
  }
  const out = [];
  for (const record of index.byType(SECRET)) {
    const { name, arn, id } = record.values;
    if (typeof name === "string" && candidates.has(name) || typeof arn === "string" && arn === value || typeof id === "string" && id === value) {
      out.push(record.address);
    }
  }
  return out;
}
function secretConsumers(ctx) {
  const out = /* @__PURE__ */ new Map();
  const add = (target, consumer) => {
    const list = out.get(target);
    if (list) {
      if (!list.includes(consumer)) list.push(consumer);
    } else out.set(target, [consumer]);
  };
  for (const type of [
    "aws_lambda_function",
    "aws_ecs_task_definition",
    "aws_bedrockagentcore_agent_runtime"
  ]) {
    for (const workload of ctx.index.byType(type)) {
      for (const entry of workloadEnvironment(workload).entries) {
        if (!isUnknown(entry.value)) continue;
        for (const ref of entry.value.refs) {
          if (ctx.index.byAddress.has(ref)) add(ref, workload.address);
        }
      }
    }
  }
  for (const target of ctx.index.byType(GATEWAY_TARGET)) {
    const gateways = resolveRefs(ctx.index, target.values.gateway_identifier, GATEWAY);
    for (const config of blocks(target.values.credential_provider_configuration)) {
      for (const [kind, providerType] of [
        ["oauth", OAUTH2_PROVIDER],
        ["api_key", API_KEY_PROVIDER]
      ]) {
        for (const block of blocks(config[kind])) {
          for (const provider of unique(resolveRefs(ctx.index, block.provider_arn, providerType))) {
            add(provider, target.address);
            for (const gateway of gateways) add(provider, gateway);
          }
        }
      }
    }
  }
  return out;
}

// action/inventory/aws/servers.ts
function awsServerFacts(ctx) {
  const params = runtimeParameters(ctx);
  const attributed2 = /* @__PURE__ */ new Map();
  for (const record of ctx.index.all) {
    const server = ctx.attributionOf(record.address).server;
    if (server === void 0) continue;
    const list = attributed2.get(server);
    if (list) list.push(record);
    else attributed2.set(server, [record]);
  }
  const servers = [];
  const tools = [];
  const reach = /* @__PURE__ */ new Map();
  for (const declared of ctx.servers) {
    const resources = serverResources(ctx, declared, attributed2.get(declared.name) ?? []);
    const facts2 = serverFacts(ctx, declared, resources, params);
    servers.push(facts2);
    for (const tool of declared.tools) tools.push(toolFacts(ctx, declared, tool, resources, params));
    for (const address of [
      ...resources.workloads.map((record) => record.address),
      ...facts2.identities,
      // Whatever the server may become: the roles that trust one of its identities.
      ...facts2.identities.flatMap(
        (identity) => recordsReferring(ctx.index, "aws_iam_role", "assume_role_policy", "aws_iam_role", identity).map(
          (role) => role.address
        )
      ),
      // What its workloads' environments name: the access key, secret or parameter they read.
      ...resources.workloads.flatMap((record) => environmentRefs(ctx, record))
    ]) {
      const servers2 = reach.get(address);
      if (servers2 === void 0) reach.set(address, [declared.name]);
      else if (!servers2.includes(declared.name)) servers2.push(declared.name);
    }
  }
  return { servers, tools, reach };
}
var HELD_BY_ENVIRONMENT = /* @__PURE__ */ new Set([
  "aws_iam_access_key",
  "aws_secretsmanager_secret",
  "aws_secretsmanager_secret_version",
  "aws_ssm_parameter"
]);
function environmentRefs(ctx, record) {
  const env = workloadEnvironment(record);
  const refs = /* @__PURE__ */ new Set();
  for (const value of [
    ...env.entries.map((entry) => entry.value),
    ...env.unknown.map((entry) => entry.value)
  ]) {
    if (!isUnknown(value)) continue;
    for (const ref of value.refs) {
      const target = ctx.index.byAddress.get(ref);
      if (target === void 0 || !HELD_BY_ENVIRONMENT.has(target.type)) continue;
      refs.add(ref);
      if (target.type === "aws_iam_access_key") {
        for (const user of resolveRefs(ctx.index, target.values.user, "aws_iam_user")) refs.add(user);
      }
    }
  }
  return [...refs];
}
var WORKLOAD_TYPES2 = /* @__PURE__ */ new Set([
  "aws_lambda_function",
  "aws_ecs_task_definition",
  "aws_bedrockagentcore_agent_runtime"
]);
function byOwnType(own) {
  const types = /* @__PURE__ */ new Map();
  for (const record of own) {
    if (record.mode !== "managed") continue;
    const list = types.get(record.type);
    if (list) list.push(record);
    else types.set(record.type, [record]);
  }
  return (type) => types.get(type) ?? [];
}
function attached(index, ownOfType, type, link, refersTo, into) {
  const own = ownOfType(type);
  const reverse = referrers(index, type, link, refersTo);
  let found;
  for (const target of into) {
    for (const record of reverse.get(target) ?? []) {
      found ??= new Set(own);
      found.add(record);
    }
  }
  return found === void 0 ? [...own] : inInputOrder(index, found);
}
var reverseLinks = /* @__PURE__ */ new WeakMap();
function referrers(index, type, link, refersTo) {
  let links = reverseLinks.get(index);
  if (!links) {
    links = /* @__PURE__ */ new Map();
    reverseLinks.set(index, links);
  }
  const key = `${type}\0${link}`;
  let reverse = links.get(key);
  if (!reverse) {
    reverse = /* @__PURE__ */ new Map();
    for (const record of index.managed(type)) {
      for (const target of new Set(refersTo(record))) {
        const list = reverse.get(target);
        if (list) list.push(record);
        else reverse.set(target, [record]);
      }
    }
    links.set(key, reverse);
  }
  return reverse;
}
function serverResources(ctx, declared, own) {
  const index = ctx.index;
  const ownOfType = byOwnType(own);
  const roles = /* @__PURE__ */ new Set([
    ...declared.identity === void 0 ? [] : [declared.identity],
    ...declared.tools.flatMap((tool) => tool.identities)
  ]);
  const workloads = inInputOrder(
    index,
    /* @__PURE__ */ new Set([
      ...[...WORKLOAD_TYPES2].flatMap(
        (type) => attached(index, ownOfType, type, "identity", (record) => workloadIdentities(ctx, record), roles)
      ),
      // The task definitions the server's ECS services run, tagged or not.
      ...ownOfType("aws_ecs_service").flatMap(
        (service) => resolveRefs(index, service.values.task_definition, "aws_ecs_task_definition").flatMap(
          (address) => index.byAddress.get(address) ?? []
        )
      )
    ])
  );
  const lambdas = workloads.filter((record) => record.type === "aws_lambda_function");
  const lambdaSet = new Set(lambdas.map((record) => record.address));
  const byFunction = (record) => resolveLambda(index, record.values.function_name);
  const functionUrls = attached(
    index,
    ownOfType,
    "aws_lambda_function_url",
    "function",
    byFunction,
    lambdaSet
  );
  const permissions = attached(index, ownOfType, "aws_lambda_permission", "function", byFunction, lambdaSet);
  const httpApiSet = new Set(ownOfType("aws_apigatewayv2_api").map((record) => record.address));
  const httpToLambda = referrers(
    index,
    "aws_apigatewayv2_integration",
    "uri",
    (record) => resolveLambda(index, record.values.integration_uri)
  );
  for (const lambda of lambdaSet) {
    for (const integration of httpToLambda.get(lambda) ?? []) {
      for (const api of resolveRefs(index, integration.values.api_id, "aws_apigatewayv2_api"))
        httpApiSet.add(api);
    }
  }
  const routes = attached(
    index,
    ownOfType,
    "aws_apigatewayv2_route",
    "api",
    (record) => resolveRefs(index, record.values.api_id, "aws_apigatewayv2_api"),
    httpApiSet
  );
  const httpIntegrations = attached(
    index,
    ownOfType,
    "aws_apigatewayv2_integration",
    "api",
    (record) => resolveRefs(index, record.values.api_id, "aws_apigatewayv2_api"),
    httpApiSet
  );
  const restApiSet = new Set(ownOfType("aws_api_gateway_rest_api").map((record) => record.address));
  const restToLambda = referrers(
    index,
    "aws_api_gateway_integration",
    "uri",
    (record) => resolveLambda(index, record.values.uri)
  );
  for (const lambda of lambdaSet) {
    for (const integration of restToLambda.get(lambda) ?? []) {
      for (const api of resolveRefs(index, integration.values.rest_api_id, "aws_api_gateway_rest_api")) {
        restApiSet.add(api);
      }
    }
  }
  const byRestApi = (record) => resolveRefs(index, record.values.rest_api_id, "aws_api_gateway_rest_api");
  const restMethods = attached(index, ownOfType, "aws_api_gateway_method", "api", byRestApi, restApiSet);
  const restIntegrations = attached(
    index,
    ownOfType,
    "aws_api_gateway_integration",
    "api",
    byRestApi,
    restApiSet
  );
  const gateways = attached(
    index,
    ownOfType,
    "aws_bedrockagentcore_gateway",
    "role",
    (record) => resolveRole(index, record.values.role_arn),
    roles
  );
  const gatewaySet = new Set(gateways.map((record) => record.address));
  const targets = attached(
    index,
    ownOfType,
    "aws_bedrockagentcore_gateway_target",
    "gateway",
    (record) => resolveRefs(index, record.values.gateway_identifier, "aws_bedrockagentcore_gateway"),
    gatewaySet
  );
  const referencedStores = /* @__PURE__ */ new Set();
  for (const workload of workloads) {
    for (const entry of workloadEnvironment(workload).entries) {
      if (!isUnknown(entry.value)) continue;
      for (const store of resolveRefs(index, entry.value, "aws_verifiedpermissions_policy_store")) {
        referencedStores.add(store);
      }
    }
  }
  const stores = attached(
    index,
    ownOfType,
    "aws_verifiedpermissions_policy_store",
    "self",
    (record) => [record.address],
    referencedStores
  );
  const lambdaLogGroups = /* @__PURE__ */ new Set();
  const logGroupRefs = /* @__PURE__ */ new Set();
  for (const lambda of lambdas) {
    const name = lambda.values.function_name;
    if (typeof name === "string") lambdaLogGroups.add(`/aws/lambda/${name}`);
    const logging = firstBlock(lambda.values.logging_config);
    if (logging) {
      if (typeof logging.log_group === "string") lambdaLogGroups.add(logging.log_group);
      for (const group of resolveRefs(index, logging.log_group, "aws_cloudwatch_log_group"))
        logGroupRefs.add(group);
    }
  }
  const byName = referrers(
    index,
    "aws_cloudwatch_log_group",
    "name",
    (record) => typeof record.values.name === "string" ? [record.values.name] : []
  );
  const logGroups = attached(
    index,
    ownOfType,
    "aws_cloudwatch_log_group",
    "self",
    (record) => [record.address],
    logGroupRefs
  );
  for (const name of lambdaLogGroups) logGroups.push(...byName.get(name) ?? []);
  const uniqueLogGroups = inInputOrder(index, new Set(logGroups));
  const sgRefs = /* @__PURE__ */ new Set();
  for (const workload of workloads) {
    for (const value of workloadSecurityGroups(workload)) {
      for (const group of resolveSecurityGroup(index, value)) sgRefs.add(group);
    }
  }
  const securityGroups = attached(
    index,
    ownOfType,
    "aws_security_group",
    "self",
    (record) => [record.address],
    sgRefs
  );
  return {
    own,
    workloads,
    lambdas,
    functionUrls,
    permissions,
    routes,
    httpIntegrations,
    restMethods,
    restIntegrations,
    gateways,
    targets,
    stores,
    logGroups: uniqueLogGroups,
    securityGroups
  };
}
var LAMBDA_ARN = /^arn:aws[\w-]*:lambda:[^:]*:\d*:function:([^:/]+)/;
var INVOKE_ARN = /:lambda:path\/[^/]+\/functions\/(arn:aws[\w-]*:lambda:[^/]+)\/invocations$/;
function resolveLambda(index, value) {
  if (isUnknown(value)) {
    const direct = resolveRefs(index, value, "aws_lambda_function");
    const aliases = resolveRefs(index, value, "aws_lambda_alias");
    if (aliases.length === 0) return direct;
    const viaAlias = aliases.flatMap((alias) => {
      const target = index.byAddress.get(alias)?.values.function_name;
      return isUnknown(target) ? resolveRefs(index, target, "aws_lambda_function") : resolveLambda(index, target);
    });
    return unique([...direct, ...viaAlias]);
  }
  if (typeof value !== "string" || value === "") return [];
  const arn = INVOKE_ARN.exec(value)?.[1] ?? value;
  const name = LAMBDA_ARN.exec(arn)?.[1] ?? value;
  const lambdas = lambdasByKey(index);
  return matching(index, lambdas.function_name.get(name), lambdas.arn.get(arn));
}
function byAttribute(records, attributes) {
  const out = {};
  for (const attribute2 of attributes) out[attribute2] = /* @__PURE__ */ new Map();
  for (const record of records) {
    for (const attribute2 of attributes) {
      const value = record.values[attribute2];
      if (typeof value !== "string") continue;
      const list = out[attribute2].get(value);
      if (list) list.push(record);
      else out[attribute2].set(value, [record]);
    }
  }
  return out;
}
var lambdasByKey = oncePerIndex(
  (index) => byAttribute(index.managed("aws_lambda_function"), ["function_name", "arn"])
);
var securityGroupsByKey = oncePerIndex(
  (index) => byAttribute(index.managed("aws_security_group"), ["id", "name"])
);
function matching(index, one, other) {
  const records = one === void 0 ? other ?? [] : other === void 0 ? one : [...one, ...other];
  const ordered = one !== void 0 && other !== void 0 ? inInputOrder(index, new Set(records)) : records;
  return ordered.map((record) => record.address);
}
function workloadSecurityGroups(workload) {
  const v = workload.values;
  if (workload.type === "aws_lambda_function") return listItems(firstBlock(v.vpc_config)?.security_group_ids);
  if (workload.type === "aws_bedrockagentcore_agent_runtime") {
    const network = firstBlock(v.network_configuration);
    return listItems(firstBlock(network?.network_mode_config)?.security_groups);
  }
  return [];
}
function listItems(value) {
  if (Array.isArray(value)) return value;
  return value === void 0 || value === null ? [] : [value];
}
function resolveSecurityGroup(index, value) {
  if (isUnknown(value)) return resolveRefs(index, value, "aws_security_group");
  if (typeof value !== "string" || value === "") return [];
  const groups = securityGroupsByKey(index);
  return matching(index, groups.id.get(value), groups.name.get(value));
}
function serverFacts(ctx, declared, resources, params) {
  const toolRoles = new Set(declared.tools.flatMap((tool) => tool.identities));
  const ownRoles = [
    ...resources.workloads.flatMap((workload) => workloadIdentities(ctx, workload)),
    ...resources.gateways.flatMap((gateway) => resolveRole(ctx.index, gateway.values.role_arn))
  ].filter((role) => !toolRoles.has(role));
  const identities = unique([...declared.identity === void 0 ? [] : [declared.identity], ...ownRoles]);
  const address = declared.identity ?? resources.workloads[0]?.address ?? resources.own.find((record) => !toolRoles.has(record.address))?.address ?? resources.own[0]?.address ?? declared.tools[0]?.address ?? `mcp-server.${declared.name}`;
  const environment = declared.environment ?? ctx.environmentOf(address);
  return {
    name: declared.name,
    address,
    source: ctx.index.byAddress.get(address)?.source ?? { file: "" },
    server: declared.name,
    ...environment === void 0 ? {} : { environment },
    multiTenant: declared.multiTenant,
    tools: declared.tools.map((tool) => tool.name),
    identities,
    endpointIssues: endpointIssues(resources),
    passthroughIssues: passthroughIssues(resources),
    authorizationIssues: authorizationIssues(ctx, declared, resources, address),
    tenantIssues: tenantIssues(ctx, declared),
    auditIssues: auditIssues(ctx, resources, params, address),
    egressIssues: egressIssues(ctx, resources)
  };
}
function upper(value) {
  return typeof value === "string" ? value.toUpperCase() : void 0;
}
function endpointIssues(r) {
  const out = [];
  for (const url of r.functionUrls) {
    const auth = url.values.authorization_type;
    if (isUnknown(auth)) {
      out.push(
        unknownEvidence(
          url.address,
          "authorization_type",
          "function URL authorization is known only after apply",
          auth
        )
      );
    } else if (upper(auth) === "NONE") {
      out.push(
        evidence(
          url.address,
          "authorization_type",
          "function URL accepts unauthenticated requests (authorization_type NONE); use AWS_IAM, or front it with an authorizer that checks the token audience"
        )
      );
    }
  }
  for (const permission of r.permissions) {
    const v = permission.values;
    if (v.principal === "*" && upper(v.function_url_auth_type) === "NONE") {
      out.push(
        evidence(
          permission.address,
          "principal",
          'resource policy lets anyone invoke the function URL without authentication (principal "*", function_url_auth_type NONE)'
        )
      );
    }
  }
  for (const route of r.routes) {
    const auth = route.values.authorization_type;
    const key = typeof route.values.route_key === "string" ? route.values.route_key : route.address;
    if (isUnknown(auth)) {
      out.push(
        unknownEvidence(
          route.address,
          "authorization_type",
          `route ${key} authorization is known only after apply`,
          auth
        )
      );
    } else if (auth === void 0 || auth === null || upper(auth) === "NONE") {
      out.push(
        evidence(
          route.address,
          "authorization_type",
          `API route ${key} has no authorizer (authorization_type NONE); use JWT with an audience, or AWS_IAM`
        )
      );
    }
  }
  for (const method of r.restMethods) {
    const v = method.values;
    if (upper(v.http_method) === "OPTIONS") continue;
    const auth = v.authorization;
    if (isUnknown(auth)) {
      out.push(
        unknownEvidence(
          method.address,
          "authorization",
          "method authorization is known only after apply",
          auth
        )
      );
    } else if (auth === void 0 || auth === null || upper(auth) === "NONE") {
      out.push(
        evidence(
          method.address,
          "authorization",
          `REST method${typeof v.http_method === "string" ? ` ${v.http_method}` : ""} has no authorization (NONE); use COGNITO_USER_POOLS, CUSTOM or AWS_IAM`
        )
      );
    }
  }
  for (const gateway of r.gateways) out.push(...authorizerIssues(gateway, "AgentCore gateway", true));
  for (const runtime of r.workloads) {
    if (runtime.type === "aws_bedrockagentcore_agent_runtime")
      out.push(...authorizerIssues(runtime, "AgentCore runtime", false));
  }
  return out;
}
function authorizerIssues(record, what, hasType) {
  const v = record.values;
  if (hasType) {
    const type = v.authorizer_type;
    if (isUnknown(type))
      return [
        unknownEvidence(
          record.address,
          "authorizer_type",
          `${what} authorizer is known only after apply`,
          type
        )
      ];
    if (upper(type) === "NONE") {
      return [
        evidence(
          record.address,
          "authorizer_type",
          `${what} accepts unauthenticated MCP requests (authorizer_type NONE); use CUSTOM_JWT with allowed_audience, or AWS_IAM`
        )
      ];
    }
    if (upper(type) !== "CUSTOM_JWT") return [];
  }
  const configValue = v.authorizer_configuration;
  const config = firstBlock(configValue);
  const configPath = blockSegments(configValue, "authorizer_configuration");
  if (!config) {
    if (isUnknown(configValue)) {
      return [
        unknownEvidence(
          record.address,
          "authorizer_configuration",
          `${what} authorizer configuration is known only after apply`,
          configValue
        )
      ];
    }
    return hasType ? [
      evidence(
        record.address,
        "authorizer_configuration",
        `${what} uses CUSTOM_JWT but has no authorizer_configuration`
      )
    ] : [];
  }
  const jwtValue = config.custom_jwt_authorizer;
  const jwt = firstBlock(jwtValue);
  if (!jwt) return [];
  const attribute2 = formatPath([
    ...configPath,
    ...blockSegments(jwtValue, "custom_jwt_authorizer"),
    "allowed_audience"
  ]);
  const audience = jwt.allowed_audience;
  if (isUnknown(audience)) {
    return [
      unknownEvidence(record.address, attribute2, `${what} JWT audience is known only after apply`, audience)
    ];
  }
  if (!Array.isArray(audience) || audience.length === 0) {
    const clients = Array.isArray(jwt.allowed_clients) && jwt.allowed_clients.length > 0 ? " (allowed_clients alone does not bind the audience)" : "";
    return [
      evidence(
        record.address,
        attribute2,
        `${what} JWT authorizer accepts tokens for any audience: set allowed_audience to this server's audience${clients}`
      )
    ];
  }
  return [];
}
function passthroughIssues(r) {
  const out = [];
  for (const target of r.targets) {
    const config = target.values.credential_provider_configuration;
    if (isUnknown(config)) {
      out.push(
        unknownEvidence(
          target.address,
          "credential_provider_configuration",
          "target credential is known only after apply",
          config
        )
      );
    } else if (blocks(config).length === 0) {
      out.push(
        evidence(
          target.address,
          "credential_provider_configuration",
          "gateway target has no outbound credential of its own (no credential_provider_configuration); give it a gateway IAM role, OAuth or API key credential provider"
        )
      );
    }
  }
  for (const workload of r.workloads) {
    if (workload.type === "aws_bedrockagentcore_agent_runtime") {
      const headersValue = workload.values.request_header_configuration;
      const headers = firstBlock(headersValue);
      const allow = headers?.request_header_allowlist;
      if (Array.isArray(allow) && allow.some((h) => typeof h === "string" && h.toLowerCase() === "authorization")) {
        out.push(
          evidence(
            workload.address,
            formatPath([
              ...blockSegments(headersValue, "request_header_configuration"),
              "request_header_allowlist"
            ]),
            "runtime lets the caller's Authorization header into the agent code, the usual first step of token passthrough; exchange it for an outbound credential (AgentCore Identity) instead"
          )
        );
      }
    }
    for (const entry of workloadEnvironment(workload).entries) {
      if (typeof entry.value !== "string" || !isPassthroughSwitch(entry.name)) continue;
      const value = entry.value.trim();
      if (TRUE_LIKE.test(value) || /\bauthorization\b/i.test(value)) {
        out.push(
          evidence(
            workload.address,
            formatPath(entry.path),
            `environment variable ${entry.name} configures forwarding of the client's credentials upstream; each upstream needs its own credential`
          )
        );
      }
    }
  }
  for (const integration of [...r.httpIntegrations, ...r.restIntegrations]) {
    const mapping = integration.values.request_parameters;
    if (!isPlainObject(mapping) || isUnknown(mapping)) continue;
    for (const [key, value] of Object.entries(mapping)) {
      if (AUTH_HEADER_TARGET.test(key) && typeof value === "string" && AUTH_HEADER_SOURCE.test(value)) {
        out.push(
          evidence(
            integration.address,
            formatPath(["request_parameters", key]),
            "integration copies the caller's Authorization header onto the upstream request (token passthrough)"
          )
        );
      }
    }
  }
  return out;
}
var TRUE_LIKE = /^(?:true|1|yes|on|enabled?)$/i;
var AUTH_HEADER_TARGET = /header\.authorization$/i;
var AUTH_HEADER_SOURCE = /request\.header\.authorization/i;
var FORWARD_WORDS = /* @__PURE__ */ new Set([
  "FORWARD",
  "FORWARDED",
  "FORWARDING",
  "PASSTHROUGH",
  "PROPAGATE",
  "PROPAGATION",
  "RELAY"
]);
var CREDENTIAL_WORDS = /* @__PURE__ */ new Set([
  "AUTH",
  "AUTHORIZATION",
  "TOKEN",
  "TOKENS",
  "BEARER",
  "CREDENTIAL",
  "CREDENTIALS",
  "HEADER",
  "HEADERS"
]);
function isPassthroughSwitch(name) {
  const segments = nameSegments(name);
  const joined = segments.map((s, i) => s === "PASS" && segments[i + 1] === "THROUGH" ? "PASSTHROUGH" : s);
  return joined.some((s) => FORWARD_WORDS.has(s)) && joined.some((s) => CREDENTIAL_WORDS.has(s));
}
function authorizationIssues(ctx, declared, r, serverAddress) {
  const out = [];
  if (r.stores.length === 0) {
    return [
      evidence(
        serverAddress,
        void 0,
        `no request-time policy engine guards server ${declared.name}: no Amazon Verified Permissions policy store (validation STRICT) is attributed to it or referenced by its workloads`
      )
    ];
  }
  const storeSet = new Set(r.stores.map((store) => store.address));
  for (const store of r.stores) {
    const settingsValue = store.values.validation_settings;
    const settings = firstBlock(settingsValue);
    const mode = settings?.mode;
    const attribute2 = settings ? formatPath([...blockSegments(settingsValue, "validation_settings"), "mode"]) : "validation_settings";
    if (isUnknown(mode)) {
      out.push(
        unknownEvidence(
          store.address,
          attribute2,
          "policy store validation mode is known only after apply",
          mode
        )
      );
    } else if (isUnknown(settingsValue)) {
      out.push(
        unknownEvidence(
          store.address,
          attribute2,
          "policy store validation mode is known only after apply",
          settingsValue
        )
      );
    } else if (upper(mode) !== "STRICT") {
      out.push(
        evidence(
          store.address,
          attribute2,
          `policy store validation is ${typeof mode === "string" ? mode : "OFF"}; set validation_settings mode STRICT so policies are checked against the schema`
        )
      );
    }
  }
  const statements = [];
  const policiesByStore = referrers(
    ctx.index,
    "aws_verifiedpermissions_policy",
    "store",
    (policy) => resolveRefs(ctx.index, policy.values.policy_store_id, "aws_verifiedpermissions_policy_store")
  );
  const policies = /* @__PURE__ */ new Set();
  for (const store of storeSet) for (const policy of policiesByStore.get(store) ?? []) policies.add(policy);
  for (const policy of inInputOrder(ctx.index, policies)) {
    statements.push(...policyStatements(ctx.index, policy));
  }
  for (const { policy, attribute: attribute2, text } of statements) {
    if (typeof text === "string" && isUnconditionalPermit(text)) {
      out.push(
        evidence(
          policy.address,
          attribute2,
          "policy permits every principal every action on every resource with no condition; scope it to a tool action and a caller condition"
        )
      );
    }
  }
  const anchor = r.stores[0].address;
  for (const tool of declared.tools) {
    const pattern = toolActionPattern(tool.name);
    if (statements.some(({ text }) => typeof text === "string" && pattern.test(stripComments(text))))
      continue;
    const unknown = statements.find(({ text }) => isUnknown(text));
    if (unknown && isUnknown(unknown.text)) {
      out.push(
        unknownEvidence(
          unknown.policy.address,
          unknown.attribute,
          `no known policy names tool ${tool.name}; some policy statements are known only after apply (${describeUnknown(unknown.text)})`,
          unknown.text
        )
      );
    } else {
      out.push(
        evidence(
          anchor,
          void 0,
          `no Verified Permissions policy names tool ${tool.name} (Action::"${tool.name}"); add a policy that decides who may call it`
        )
      );
    }
  }
  return out;
}
function policyStatements(index, policy) {
  const out = [];
  const definitionValue = policy.values.definition;
  const definitionPath = blockSegments(definitionValue, "definition");
  const definition = firstBlock(definitionValue);
  if (!definition) {
    if (isUnknown(definitionValue)) out.push({ policy, attribute: "definition", text: definitionValue });
    return out;
  }
  const staticValue = definition.static;
  const staticBlock = firstBlock(staticValue);
  if (staticBlock) {
    const statement = staticBlock.statement;
    if (typeof statement === "string" || isUnknown(statement)) {
      out.push({
        policy,
        attribute: formatPath([...definitionPath, ...blockSegments(staticValue, "static"), "statement"]),
        text: statement
      });
    }
  }
  const linkedValue = definition.template_linked;
  const linked = firstBlock(linkedValue);
  if (linked) {
    const attribute2 = formatPath([
      ...definitionPath,
      ...blockSegments(linkedValue, "template_linked"),
      "policy_template_id"
    ]);
    const templates = resolveRefs(
      index,
      linked.policy_template_id,
      "aws_verifiedpermissions_policy_template"
    );
    for (const template of templates) {
      const statement = index.byAddress.get(template)?.values.statement;
      if (typeof statement === "string" || isUnknown(statement))
        out.push({ policy, attribute: attribute2, text: statement });
    }
    if (templates.length === 0 && isUnknown(linked.policy_template_id)) {
      out.push({ policy, attribute: attribute2, text: linked.policy_template_id });
    }
  }
  return out;
}
function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function toolActionPattern(tool) {
  return new RegExp(`Action\\s*::\\s*"${escapeRegex(tool)}"`);
}
function stripComments(text) {
  return text.replace(/\/\/[^\n]*/g, "").replace(/@\w+\s*\(\s*"(?:[^"\\]|\\.)*"\s*\)/g, "");
}
var UNCONDITIONAL_PERMIT = /^permit\s*\(\s*principal\s*,\s*action\s*,\s*resource\s*\)\s*(?:when\s*\{\s*true\s*\}\s*)?;?$/;
function isUnconditionalPermit(statement) {
  return UNCONDITIONAL_PERMIT.test(stripComments(statement).trim());
}
function tenantIssues(ctx, declared) {
  if (!declared.multiTenant) return [];
  const keys = /* @__PURE__ */ new Set(["aws:requesttag/tenant", `aws:requesttag/${ctx.policy.tags.tenant}`.toLowerCase()]);
  const out = [];
  for (const address of unique(declared.tools.flatMap((tool) => tool.identities))) {
    const role = ctx.index.byAddress.get(address);
    if (role?.type !== "aws_iam_role") continue;
    const found = mentionsKey(ctx.index, role.values.assume_role_policy, keys);
    if (found === true) continue;
    out.push(
      isUnknown(found) ? unknownEvidence(
        role.address,
        "assume_role_policy",
        `trust policy is known only after apply (${describeUnknown(found)}); it must require the tenant session tag`,
        found
      ) : evidence(
        role.address,
        "assume_role_policy",
        `server ${declared.name} is multi-tenant but this tool role's trust does not require the tenant session tag (aws:RequestTag/tenant or aws:RequestTag/${ctx.policy.tags.tenant})`
      )
    );
  }
  return out;
}
function mentionsKey(index, value, keys) {
  if (typeof value === "string") {
    try {
      return deepMentions(JSON.parse(value), keys);
    } catch {
      return false;
    }
  }
  if (isUnknown(value) && value.partial !== void 0 && deepMentions(value.partial, keys)) return true;
  if (isUnknown(value)) {
    for (const ref of value.refs) {
      const doc = index.byAddress.get(ref);
      if (doc?.type !== "aws_iam_policy_document") continue;
      if (typeof doc.values.json === "string") return mentionsKey(index, doc.values.json, keys);
      if (deepMentions(doc.values.statement, keys)) return true;
      return isUnknown(doc.values.statement) ? doc.values.statement : false;
    }
    return value;
  }
  return deepMentions(value, keys);
}
function deepMentions(value, keys) {
  if (typeof value === "string") return keys.has(value.toLowerCase());
  if (Array.isArray(value)) return value.some((item) => deepMentions(item, keys));
  if (isPlainObject(value) && !isUnknown(value)) {
    return Object.entries(value).some(
      ([key, item]) => keys.has(key.toLowerCase()) || deepMentions(item, keys)
    );
  }
  return false;
}
function auditIssues(ctx, r, params, serverAddress) {
  if (params.auditTrailExternal) return [];
  const trail = planTrail(ctx.index);
  if (trail.audited) return [];
  let unknown = trail.pending && unknownEvidence(
    trail.pending.address,
    void 0,
    "CloudTrail settings are known only after apply",
    trail.pending.value
  );
  for (const group of r.logGroups) {
    const retention = group.values.retention_in_days;
    if (typeof retention === "number" && retention > 0) return [];
    if (isUnknown(retention)) {
      unknown ??= unknownEvidence(
        group.address,
        "retention_in_days",
        "log group retention is known only after apply",
        retention
      );
    }
  }
  if (unknown) return [unknown];
  return [
    evidence(
      serverAddress,
      void 0,
      "no audit trail for tool calls and token minting: no multi-region CloudTrail with log file validation in the plan, and no log group with retention for this server (set auditTrailExternal in the policy if the trail is managed elsewhere)"
    )
  ];
}
var planTrail = oncePerIndex(
  (index) => {
    let pending;
    for (const trail of index.managed("aws_cloudtrail")) {
      const v = trail.values;
      if (v.enable_logging === false) continue;
      const multi = v.is_multi_region_trail;
      const validation = v.enable_log_file_validation;
      if (multi === true && validation === true) return { audited: true };
      const value = [multi, validation].find(isUnknown);
      if (value && (multi === true || isUnknown(multi)) && (validation === true || isUnknown(validation))) {
        pending ??= { address: trail.address, value };
      }
    }
    return pending === void 0 ? { audited: false } : { audited: false, pending };
  }
);
var ANY_IPV4 = "0.0.0.0/0";
var ANY_IPV6 = "::/0";
function allProtocols(protocol) {
  return protocol === "-1" || protocol === -1 || typeof protocol === "string" && protocol.toLowerCase() === "all";
}
function allPorts(protocol, from, to) {
  if (allProtocols(protocol)) return true;
  return Number(from ?? 0) <= 0 && Number(to ?? 0) >= 65535;
}
function openCidrs(v4, v6) {
  const out = [];
  for (const cidr of listItems(v4)) if (cidr === ANY_IPV4) out.push(cidr);
  for (const cidr of listItems(v6)) if (cidr === ANY_IPV6) out.push(cidr);
  return out;
}
function egressIssues(ctx, r) {
  const out = [];
  const groups = new Set(r.securityGroups.map((group) => group.address));
  const detail = (cidrs) => `all ports and protocols open to ${cidrs.join(" and ")}; allow-list the destinations the server needs (VPC endpoints, prefix lists, specific CIDRs and ports)`;
  for (const group of r.securityGroups) {
    const egress = group.values.egress;
    for (const [i, rule] of blocks(egress).entries()) {
      const cidrs = openCidrs(rule.cidr_blocks, rule.ipv6_cidr_blocks);
      if (cidrs.length > 0 && allPorts(rule.protocol, rule.from_port, rule.to_port)) {
        out.push(evidence(group.address, formatPath(["egress", i]), detail(cidrs)));
      }
    }
  }
  for (const rule of rulesOf(ctx.index, "aws_security_group_rule", groups)) {
    const v = rule.values;
    if (v.type !== "egress") continue;
    const cidrs = openCidrs(v.cidr_blocks, v.ipv6_cidr_blocks);
    if (cidrs.length > 0 && allPorts(v.protocol, v.from_port, v.to_port)) {
      out.push(evidence(rule.address, "cidr_blocks", detail(cidrs)));
    }
  }
  for (const rule of rulesOf(ctx.index, "aws_vpc_security_group_egress_rule", groups)) {
    const v = rule.values;
    const cidrs = openCidrs(v.cidr_ipv4, v.cidr_ipv6);
    if (cidrs.length > 0 && allPorts(v.ip_protocol, v.from_port, v.to_port)) {
      out.push(evidence(rule.address, cidrs[0] === ANY_IPV4 ? "cidr_ipv4" : "cidr_ipv6", detail(cidrs)));
    }
  }
  return out;
}
function rulesOf(index, type, groups) {
  const byGroup = referrers(
    index,
    type,
    "security group",
    (rule) => resolveSecurityGroup(index, rule.values.security_group_id)
  );
  const rules = /* @__PURE__ */ new Set();
  for (const group of groups) for (const rule of byGroup.get(group) ?? []) rules.add(rule);
  return inInputOrder(index, rules);
}
function toolFacts(ctx, server, tool, r, params) {
  return {
    name: tool.name,
    server: server.name,
    tool: tool.name,
    address: tool.address,
    source: ctx.index.byAddress.get(tool.address)?.source ?? { file: "" },
    identities: tool.identities,
    extraIdentities: extraIdentities(ctx, tool),
    scopeIssues: scopeIssues(ctx, tool, r, params),
    sensitive: tool.sensitive
  };
}
function extraIdentities(ctx, tool) {
  const byTenant = /* @__PURE__ */ new Map();
  for (const identity of tool.identities) {
    const tenant = ctx.attributionOf(identity).tenant ?? "";
    byTenant.set(tenant, [...byTenant.get(tenant) ?? [], identity]);
  }
  const out = [];
  for (const [tenant, identities] of byTenant) {
    const whose = tenant === "" ? "" : ` for tenant ${tenant}`;
    const named = identities.length > 5 ? `${identities.slice(0, 5).join(", ")}, and ${identities.length - 5} more` : identities.join(", ");
    const detail = `tool ${tool.name} resolves to ${identities.length} identities${whose} (${named}); it needs exactly one of its own${tenant === "" ? "" : " per tenant"}`;
    for (const extra of identities.slice(1)) out.push(evidence(extra, "tags", detail));
  }
  const shared = byTenant.get("");
  if (shared && byTenant.size > 1) {
    out.push(
      evidence(
        shared[0],
        "tags",
        `tool ${tool.name} has a shared identity beside per-tenant ones; give every identity of the tool a tenant, or use one shared identity`
      )
    );
  }
  return out;
}
function scopeIssues(ctx, tool, r, params) {
  const out = [];
  const check = (address, path, scopes) => {
    if (scopes.length === 0) {
      out.push(
        evidence(address, formatPath(path), `tool ${tool.name} has an OAuth target with no scopes declared`)
      );
      return;
    }
    for (const [i, scope] of scopes.entries()) {
      if (isUnknown(scope)) {
        out.push(
          unknownEvidence(address, formatPath([...path, i]), `scope is known only after apply`, scope)
        );
      } else if (typeof scope === "string" && isOmnibus(scope, params)) {
        out.push(
          evidence(
            address,
            formatPath([...path, i]),
            `tool ${tool.name} requests the omnibus scope "${scope}"; request only the scopes the tool needs`
          )
        );
      }
    }
  };
  if (tool.scopes !== void 0) check(tool.address, ["scopes"], tool.scopes);
  const targets = new Set(r.targets.filter((target) => targetIsTool(ctx, target, tool)));
  for (const target of targetsByTool(ctx).get(tool.name) ?? []) targets.add(target);
  for (const target of targets) {
    const configValue = target.values.credential_provider_configuration;
    for (const [i, config] of blocks(configValue).entries()) {
      const configPath = Array.isArray(configValue) ? ["credential_provider_configuration", i] : ["credential_provider_configuration"];
      const oauthValue = config.oauth;
      for (const [j, oauth] of blocks(oauthValue).entries()) {
        const path = [...configPath, ...Array.isArray(oauthValue) ? ["oauth", j] : ["oauth"], "scopes"];
        const scopes = oauth.scopes;
        if (isUnknown(scopes)) {
          out.push(
            unknownEvidence(
              target.address,
              formatPath(path),
              "OAuth scopes are known only after apply",
              scopes
            )
          );
        } else {
          check(target.address, path, Array.isArray(scopes) ? scopes : []);
        }
      }
    }
  }
  return out;
}
var targetsByToolOf = /* @__PURE__ */ new WeakMap();
function targetsByTool(ctx) {
  let byTool = targetsByToolOf.get(ctx);
  if (byTool === void 0) {
    byTool = /* @__PURE__ */ new Map();
    for (const target of ctx.index.managed("aws_bedrockagentcore_gateway_target")) {
      const tool = ctx.attributionOf(target.address).tool;
      if (tool === void 0) continue;
      const list = byTool.get(tool);
      if (list) list.push(target);
      else byTool.set(tool, [target]);
    }
    targetsByToolOf.set(ctx, byTool);
  }
  return byTool;
}
function targetIsTool(ctx, target, tool) {
  const attributed2 = ctx.attributionOf(target.address).tool;
  if (attributed2 !== void 0) return attributed2 === tool.name;
  return target.values.name === tool.name;
}
function isOmnibus(scope, params) {
  return params.omnibusScopes.has(scope.toLowerCase()) || scope.includes("*");
}

// action/inventory/manifest.ts
var MANIFEST_SCHEMA_ID = "mcp-nhi-manifest/v1";
function findManifests(records) {
  const manifests = [];
  for (const record of records) {
    const input = manifestInput(record);
    if (input === void 0 || !isManifestSchema(input.schema) || !Array.isArray(input.servers)) continue;
    const servers = input.servers.filter(isPlainObject).flatMap((server) => {
      if (typeof server.name !== "string") return [];
      return [
        {
          name: server.name,
          identity: str(server.identity),
          environment: str(server.environment),
          multiTenant: server.multiTenant === true,
          resources: strings(server.resources),
          tools: (Array.isArray(server.tools) ? server.tools : []).filter(isPlainObject).flatMap(
            (tool) => typeof tool.name === "string" ? [
              {
                name: tool.name,
                identity: str(tool.identity),
                sensitive: tool.sensitive === true,
                writeCapable: tool.writeCapable === true,
                scopes: Array.isArray(tool.scopes) ? strings(tool.scopes) : void 0,
                resources: strings(tool.resources)
              }
            ] : []
          )
        }
      ];
    });
    manifests.push({ address: record.address, servers });
  }
  return manifests;
}
function manifestProblems(records) {
  const problems = [];
  for (const record of records) {
    const input = manifestInput(record);
    if (input === void 0 || input.schema === void 0 && input.servers === void 0) continue;
    if (!isManifestSchema(input.schema)) {
      if (typeof input.schema === "string" && /manifest/i.test(input.schema)) {
        problems.push(
          `${record.address} looks like an MCP manifest but its schema is not ${MANIFEST_SCHEMA_ID}: it was not read`
        );
      }
    } else if (!Array.isArray(input.servers)) {
      problems.push(`${record.address}: the MCP manifest's servers is not a list: it was not read`);
    }
  }
  return problems;
}
function manifestInput(record) {
  if (record.type !== "terraform_data" || record.mode !== "managed") return void 0;
  let input = record.values.input;
  if (typeof input === "string" && input.trimStart().startsWith("{")) {
    try {
      input = JSON.parse(input);
    } catch {
      return void 0;
    }
  }
  return isPlainObject(input) && !isUnknown(input) ? input : void 0;
}
function isManifestSchema(schema) {
  return typeof schema === "string" && schema.trim().toLowerCase() === MANIFEST_SCHEMA_ID;
}
function str(value) {
  return typeof value === "string" && !isUnknown(value) ? value : void 0;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

// action/inventory/build-inventory.ts
function buildInventory(records, options) {
  const index = indexRecords(records);
  const manifests = findManifests(records);
  const attribution = attribute(index, manifests, options.policy);
  const ctx = {
    index,
    policy: options.policy,
    parameters: options.parameters,
    today: options.today,
    servers: attribution.servers,
    manifests,
    attributionOf: attribution.attributionOf,
    environmentOf: attribution.environmentOf
  };
  const { servers, tools, reach } = awsServerFacts(ctx);
  const withReach = {
    ...ctx,
    attributionOf(address) {
      const own = ctx.attributionOf(address);
      const server = own.server === void 0 && own.tool === void 0 ? reach.get(address)?.[0] : void 0;
      return server === void 0 ? own : { server, attributedBy: "reach" };
    }
  };
  const usedPolicies = /* @__PURE__ */ new Set();
  const identities = awsIdentities(withReach, usedPolicies, options.claimedIdentitiesOnly === true, reach);
  return {
    version: 1,
    parameters: { ...options.parameters, today: options.today },
    servers,
    tools,
    identities,
    credentials: awsCredentials(withReach),
    workloads: awsWorkloads(withReach),
    secrets: awsSecrets(withReach),
    policies: awsDetachedPolicies(withReach, usedPolicies)
  };
}
function identityCount(records) {
  let count = 0;
  for (const record of records) if (isAwsIdentity(record)) count++;
  return count;
}

// action/policy/waivers.ts
function waiverUse(waiver) {
  return {
    control: waiver.control,
    address: waiver.address,
    owner: waiver.owner,
    expires: waiver.expires,
    reason: waiver.reason
  };
}
function matches(waiver, finding2) {
  return waiver.control === finding2.control && matchAddress(waiver.address, finding2.address);
}
function applyWaivers(findings, waivers, today) {
  const active = waivers.filter((waiver) => waiver.expires >= today);
  const used = /* @__PURE__ */ new Set();
  const result = findings.map((finding2) => {
    if (finding2.status === "waived") return finding2;
    const matching2 = active.filter((waiver) => matches(waiver, finding2));
    const first = matching2[0];
    if (first === void 0) return finding2;
    for (const waiver of matching2) used.add(waiver);
    return {
      ...finding2,
      status: "waived",
      waiver: { reason: first.reason, owner: first.owner, expires: first.expires }
    };
  });
  return {
    findings: result,
    applied: active.filter((waiver) => used.has(waiver)).map(waiverUse),
    expired: waivers.filter((waiver) => waiver.expires < today).map(waiverUse),
    unused: active.filter((waiver) => !used.has(waiver)).map(waiverUse)
  };
}

// action/read/read-inputs.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname as dirname2, join as join2, resolve as resolve2 } from "node:path";

// action/read/binary-plan.ts
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { basename, delimiter, dirname, join, resolve } from "node:path";
var DEFAULT_TIMEOUT_MS = 5 * 6e4;
var MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 80 && bytes[1] === 75 && bytes[2] === 3 && bytes[3] === 4;
}
async function readBinaryPlan(path, options = {}) {
  const env = options.env ?? process.env;
  const tools = ["terraform", "tofu"].flatMap((name) => findTool([name], env) ?? []);
  if (tools.length === 0) {
    throw new InputError(
      path,
      "is a binary Terraform plan; install terraform (or tofu) on PATH or pass the output of `terraform show -json` instead"
    );
  }
  const failures = [];
  for (const tool of tools) {
    try {
      return readPlanJson(await showJson(tool, path, env, options), path, "binary-plan");
    } catch (error) {
      if (!(error instanceof ShowFailed)) throw error;
      failures.push(error);
    }
  }
  throw new InputError(path, failures.map((failure) => failure.reason).join("; "));
}
var ShowFailed = class extends InputError {
  constructor(path, reason) {
    super(path, reason);
    this.reason = reason;
  }
  reason;
};
function showJson(tool, path, env, options) {
  const absolute = resolve(path);
  return new Promise((done, fail) => {
    execFile(
      tool,
      ["show", "-json", "-no-color", absolute],
      {
        cwd: dirname(absolute),
        env: showEnvironment(env),
        maxBuffer: MAX_OUTPUT_BYTES,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        encoding: "utf8",
        windowsHide: true
      },
      (error, out, err) => {
        if (error === null) {
          done(out);
          return;
        }
        const name = basename(tool);
        const killed = error.killed === true;
        const code = error.code;
        if (killed) {
          fail(
            new InputError(
              path,
              `\`${name} show -json\` did not finish within ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1e3)} s`
            )
          );
        } else if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") {
          fail(
            new InputError(
              path,
              `\`${name} show -json\` wrote more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MiB`
            )
          );
        } else {
          fail(
            new ShowFailed(
              path,
              `\`${name} show -json\` failed: ${firstErrorLine(err) ?? `exit code ${String(code)}`}`
            )
          );
        }
      }
    );
  });
}
function showEnvironment(env) {
  const out = { ...env, TF_IN_AUTOMATION: "1" };
  delete out.TF_CLI_ARGS;
  delete out.TF_CLI_ARGS_show;
  return out;
}
function firstErrorLine(stderr) {
  const lines = stderr.replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((line) => line.replace(/^[\s│╷╵]+/, "").trim()).filter((line) => line !== "");
  const errorAt = lines.findIndex((line) => line.startsWith("Error:"));
  if (errorAt < 0) return lines[0]?.slice(0, 300);
  const detail = lines[errorAt + 1];
  const joined = detail === void 0 ? lines[errorAt] : `${lines[errorAt]} ${detail}`;
  return joined.slice(0, 300);
}
function findTool(names, env) {
  const dirs = (env.PATH ?? env.Path ?? "").split(delimiter).filter((d) => d !== "");
  const suffixes = process.platform === "win32" ? [".exe", ".cmd", ""] : [""];
  for (const name of names) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, name + suffix);
        try {
          accessSync(candidate, process.platform === "win32" ? constants.F_OK : constants.X_OK);
          return candidate;
        } catch {
        }
      }
    }
  }
  return void 0;
}

// action/read/read-inputs.ts
var NO_INPUT = "no Terraform input found: expected a plan JSON, a binary plan, a cdktf.out folder or a folder of .tf files";
var CONFIG_KEYS = ["resource", "data", "module", "terraform", "provider"];
async function readInputs(paths, options = {}) {
  const result = { records: [], inputs: [] };
  const seen = /* @__PURE__ */ new Set();
  const folders = await foldersAmong(paths);
  for (const path of paths) {
    const key = resolve2(path);
    if (seen.has(key)) continue;
    seen.add(key);
    if (isConfigurationFile(key) && folders.has(dirname2(key))) continue;
    appendRead(result, await readInput(path, options));
  }
  return result;
}
async function foldersAmong(paths) {
  const folders = /* @__PURE__ */ new Set();
  for (const path of paths) {
    const info = await stat(path).catch(() => void 0);
    if (info?.isDirectory()) folders.add(resolve2(path));
  }
  return folders;
}
function isConfigurationFile(path) {
  return /\.(tf|tofu)(\.json)?$/.test(path);
}
async function readInput(path, options = {}) {
  const info = await stat(path).catch((error) => {
    throw new InputError(path, describeFsError(error));
  });
  if (info.isDirectory()) return readDirectory(path);
  if (!info.isFile()) throw new InputError(path, "is not a regular file or a folder");
  if (path.endsWith(".tf") || path.endsWith(".tofu")) return (await hclReader()).readHclPath(path);
  const bytes = await readFile(path).catch((error) => {
    throw new InputError(path, describeFsError(error));
  });
  if (bytes.length === 0) throw new InputError(path, "empty file");
  if (isZip(bytes)) return readBinaryPlan(path, options.env === void 0 ? {} : { env: options.env });
  const text = decodeText(bytes, path);
  const start = text.search(/\S/);
  if (start < 0) throw new InputError(path, "empty file (only whitespace)");
  const first = text[start];
  if (first !== "{" && first !== "[") {
    let scalar;
    try {
      scalar = JSON.parse(text);
    } catch {
      throw new InputError(path, describeNotJson(text.slice(start)));
    }
    throw new InputError(path, `JSON but not a Terraform plan (found ${describeJsonValue(scalar)})`);
  }
  let doc;
  try {
    doc = parseJson(text, path);
  } catch (error) {
    if (isStreamedLog(text.slice(start))) {
      throw new InputError(
        path,
        "is the streamed log of `terraform plan -json`, not a plan; run `terraform plan -out tfplan` and pass `tfplan` or the output of `terraform show -json tfplan`"
      );
    }
    throw error;
  }
  if (isObject(doc) && Object.hasOwn(doc, "format_version"))
    return readPlanObject(doc, path, "plan", { owned: true });
  if (isObject(doc) && CONFIG_KEYS.some((key) => Object.hasOwn(doc, key))) {
    const reader = await tfjsonReader();
    const problem = reader.terraformJsonProblem(doc);
    if (problem === void 0) return reader.readTerraformJsonConfig(path);
    throw new InputError(
      path,
      `JSON but not a Terraform plan or configuration (found ${describeJsonValue(doc)}: ${problem})`
    );
  }
  throw new InputError(
    path,
    `JSON but not a Terraform plan or configuration (found ${describeJsonValue(doc)})`
  );
}
async function readDirectory(path) {
  const entries = await readdir(path, { withFileTypes: true }).catch((error) => {
    throw new InputError(path, describeFsError(error));
  });
  const has = (name, dir) => entries.some((e) => e.name === name && (dir ? e.isDirectory() : e.isFile()));
  if (has("manifest.json", false) && has("stacks", true) || has("cdk.tf.json", false)) {
    return (await tfjsonReader()).readTerraformJsonConfig(path);
  }
  const files = entries.filter((e) => e.isFile()).map((e) => e.name);
  if (files.some((name) => name.endsWith(".tf") || name.endsWith(".tofu"))) {
    return (await hclReader()).readHclPath(path);
  }
  const parts = files.filter((name) => name.endsWith(".tf.json")).map((name) => join2(path, name));
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const children = await readdir(join2(path, e.name)).catch(() => []);
    if (children.includes("cdk.tf.json")) parts.push(join2(path, e.name));
  }
  if (parts.length === 0) throw new InputError(path, NO_INPUT);
  const { readTerraformJsonConfig } = await tfjsonReader();
  const result = { records: [], inputs: [] };
  for (const part of parts.sort()) {
    appendRead(result, await readTerraformJsonConfig(part));
  }
  return result;
}
async function hclReader() {
  return import("./read-hcl-VZLF2Y5R.js");
}
async function tfjsonReader() {
  return import("./read-tfjson-PKDO2P6Q.js");
}
function describeFsError(error) {
  const code = error?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    default:
      return `cannot be read (${typeof code === "string" ? code : "unknown error"})`;
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isStreamedLog(text) {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  try {
    const line = JSON.parse(firstLine);
    return isObject(line) && Object.hasOwn(line, "@message");
  } catch {
    return false;
  }
}
function describeNotJson(text) {
  const head = text.slice(0, 4096);
  if (/^<!doctype html|^<html/i.test(head)) {
    return 'not JSON: starts with "<html" (an HTML page; was an error page saved instead of the plan?)';
  }
  if (head.startsWith("<?xml")) return 'not JSON: starts with "<?xml" (an XML document)';
  if (head.startsWith("<")) return 'not JSON: starts with "<" (HTML or XML?)';
  if (/Terraform (will perform the following actions|used the selected providers)|^\s*# \S+ will be /m.test(
    head
  )) {
    return "is the human-readable output of `terraform plan`, not JSON; pass `terraform plan -out tfplan` then `terraform show -json tfplan` output instead";
  }
  if (/^\s*(resource|data|module|provider|terraform|variable|locals|output)\s+("|\{)/m.test(head)) {
    return "looks like Terraform configuration (HCL); give it a .tf extension or pass its folder";
  }
  if (head.startsWith("---") || /^[A-Za-z_][\w-]*:(\s|$)/m.test(head)) return "not JSON (it looks like YAML)";
  return "not JSON (a text file that is neither a plan nor Terraform configuration)";
}

// action/check.ts
async function checkPaths(paths, options = {}) {
  return checkReadResult(await readInputs(paths), options);
}
function checkReadResult(read, options = {}) {
  const base = options.policy ?? defaultPolicy();
  const policy = {
    ...base,
    scope: options.scope ?? base.scope,
    failOn: options.failOn ?? base.failOn
  };
  const today = options.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const controlSet = loadControlSet(policy);
  const { groups, shared, sharedAddresses, common } = separateConfigurations(read);
  const judged = groups.map(
    (records, i) => judgeConfiguration(records, policyFor(policy, groups, i), controlSet, today)
  );
  const once = common ? distinct2 : (items) => items;
  const full = mergeInventories(
    judged.map((part) => part.full),
    once
  );
  const inventory = mergeInventories(
    judged.map((part) => part.inventory),
    once
  );
  const raw = once(judged.flatMap((part) => part.findings));
  const waived = applyWaivers(raw, policy.waivers, today);
  const findings = waived.findings.sort(byImportance);
  const unknownBlocks = policy.unknown === "block" && policy.failOn !== "never";
  const blocks2 = (finding2) => atOrAbove(finding2.severity, policy.failOn) && (finding2.status === "fail" || unknownBlocks && finding2.status === "unknown");
  const blocking = findings.filter(blocks2).length;
  const blockingBefore = findings.filter((finding2) => finding2.unchanged && blocks2(finding2)).length;
  const counts = { fail: 0, unknown: 0, waived: 0 };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const finding2 of findings) {
    counts[finding2.status] += 1;
    if (finding2.status !== "waived") bySeverity[finding2.severity] += 1;
  }
  const report = {
    version: 1,
    tool: { name: "mcp-nhi-guard", version: VERSION },
    scope: policy.scope,
    inputs: read.inputs,
    findings,
    inventory,
    controls: controlSet.controls.map((control) => control.meta),
    ...sharedAddresses === void 0 ? {} : { sharedAddresses },
    summary: {
      verdict: blocking > 0 ? "fail" : "pass",
      failOn: policy.failOn,
      unknownBlocks,
      blocking,
      counts,
      bySeverity,
      resources: read.records.length,
      servers: inventory.servers.length,
      tools: inventory.tools.length,
      identities: inventory.identities.length,
      notes: [
        ...shared === void 0 ? [] : [
          `${groups.length} configurations share resource addresses (${shared.address} is in ${shared.files[0]} and in ${shared.files[1]}): each was judged on its own${common ? `, with the ${common === 1 ? "one" : common} that share${common === 1 ? "s" : ""} none` : ""}.`
        ],
        ...notes(read, full, inventory, policy, counts.unknown),
        ...blockingBefore === 0 ? [] : [
          `${blockingBefore} of the ${blocking} blocking findings are on resources this plan leaves unchanged: they were there before this change, and block all the same.`
        ]
      ],
      waivers: { applied: waived.applied, expired: waived.expired, unused: waived.unused }
    }
  };
  return { report, redactor: createRedactor(read.records) };
}
function judgeConfiguration(records, policy, controlSet, today) {
  const full = buildInventory(records, {
    policy,
    parameters: controlSet.parameters,
    today,
    claimedIdentitiesOnly: policy.scope === "mcp"
  });
  const inventory = policy.scope === "all" ? full : mcpView(full);
  const sources = new Map(records.map((record) => [record.address, record.source]));
  const findings = evaluateControls(inventory, controlSet, (address) => sources.get(address));
  const unchanged = new Set(
    records.filter((record) => record.actions.length === 1 && record.actions[0] === "no-op").map((record) => record.address)
  );
  const serverWide = new Set(
    controlSet.controls.filter((control) => control.meta.scope === "server").map((control) => control.meta.id)
  );
  return {
    full,
    inventory,
    findings: unchanged.size === 0 ? findings : findings.map(
      (finding2) => unchanged.has(finding2.address) && !serverWide.has(finding2.control) ? { ...finding2, unchanged: true } : finding2
    )
  };
}
function separateConfigurations(read) {
  const parts = configurations(read);
  if (parts.length <= 1) return { groups: [read.records] };
  const owner = /* @__PURE__ */ new Map();
  const apart = /* @__PURE__ */ new Set();
  let shared;
  const sharedAddresses = /* @__PURE__ */ new Set();
  parts.forEach((part, index) => {
    for (const record of part) {
      const first = owner.get(record.address);
      if (first === void 0) owner.set(record.address, { record, part: index });
      else if (first.part !== index) {
        apart.add(first.part).add(index);
        sharedAddresses.add(record.address);
        shared ??= { address: record.address, files: [inputOf(first.record.source), inputOf(record.source)] };
      }
    }
  });
  if (shared === void 0) return { groups: [read.records] };
  const commonParts = parts.filter((_, index) => !apart.has(index));
  const common = commonParts.flat();
  const groups = parts.filter((_, index) => apart.has(index)).map((part) => common.length === 0 ? part : [...part, ...common]);
  return { groups, shared, sharedAddresses: [...sharedAddresses], common: commonParts.length };
}
function policyFor(policy, groups, index) {
  if (groups.length === 1 || policy.servers.length === 0) return policy;
  const selectsIn = (server, records) => {
    const globs = [...server.select, ...server.tools.flatMap((tool) => tool.select)];
    return records.some((record) => globs.some((glob) => selects(glob, record.address)));
  };
  const servers = policy.servers.filter(
    (server) => selectsIn(server, groups[index]) || index === 0 && !groups.some((records) => selectsIn(server, records))
  );
  return servers.length === policy.servers.length ? policy : { ...policy, servers };
}
function distinct2(items) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function mergeInventories(parts, once = (items) => items) {
  if (parts.length === 1) return parts[0];
  const all = (list) => once(parts.flatMap(list));
  return {
    version: 1,
    parameters: parts[0].parameters,
    servers: all((part) => part.servers),
    tools: all((part) => part.tools),
    identities: all((part) => part.identities),
    credentials: all((part) => part.credentials),
    workloads: all((part) => part.workloads),
    secrets: all((part) => part.secrets),
    policies: all((part) => part.policies)
  };
}
function mcpView(inventory) {
  const claimed = (entity) => entity.server !== void 0 || entity.tool !== void 0 || entity.attributedBy === "unresolved";
  return {
    ...inventory,
    identities: inventory.identities.filter(
      (identity) => claimed(identity) || identity.tools.length > 0 || identity.servers.length > 0
    ),
    credentials: inventory.credentials.filter(claimed),
    workloads: inventory.workloads.filter(claimed),
    secrets: inventory.secrets.filter(claimed),
    policies: inventory.policies.filter(claimed)
  };
}
function notes(read, full, judged, policy, unknown) {
  const out = read.inputs.flatMap(
    (input) => (input.notes ?? []).map((note) => `${input.path}: ${note}`)
  );
  out.push(...manifestProblems(read.records));
  if (policy.scope === "mcp" && judged.servers.length === 0) {
    const near = nearMissTagKey(read.records, policy.tags.server);
    out.push(
      `No MCP server is declared in the inputs (no manifest, no ${policy.tags.server} tags, no policy selectors): ${counted(identityCount(read.records), "identity", "identities")} and ${counted(full.credentials.length, "static credential", "static credentials")} were not judged. ` + (near === void 0 ? "" : `${near.address} has a tag ${JSON.stringify(near.key)}, which is not ${JSON.stringify(policy.tags.server)}: tag keys are case-sensitive. `) + "Run with --scope all to judge every non-human identity."
    );
  }
  const overlap = selectorOverlap(read.records, policy);
  if (overlap !== void 0) out.push(overlap);
  out.push(...emptySelectors(read.records, policy));
  const elsewhere = unjudgedPlatforms(read.records);
  if (elsewhere !== void 0) out.push(elsewhere);
  if (unknown > 0 && policy.unknown !== "block") {
    out.push(
      `${unknown} finding(s) depend on values known only after apply; they are reported, not blocking (set \`unknown: block\` in the policy to block on them).`
    );
  }
  return out;
}
function emptySelectors(records, policy) {
  const selectsAny = (globs) => records.some((record) => globs.some((glob) => selects(glob, record.address)));
  const out = [];
  for (const server of policy.servers) {
    if (!selectsAny(server.select)) {
      out.push(
        `The policy's server "${server.name}" selects no resource of the inputs (select: ${server.select.map((glob) => JSON.stringify(glob)).join(", ")}).`
      );
    }
    for (const tool of server.tools) {
      if (!selectsAny(tool.select)) {
        out.push(
          `The policy's tool "${tool.name}" of server "${server.name}" selects no resource of the inputs (select: ${tool.select.map((glob) => JSON.stringify(glob)).join(", ")}).`
        );
      }
    }
  }
  return out;
}
function selectorOverlap(records, policy) {
  if (policy.servers.length === 0) return void 0;
  let first;
  let count = 0;
  for (const record of records) {
    const claims2 = [];
    for (const server of policy.servers) {
      const tools = server.tools.filter((tool) => tool.select.some((glob) => selects(glob, record.address)));
      if (tools.length > 0)
        claims2.push(...tools.map((tool) => `server "${server.name}" tool "${tool.name}"`));
      else if (server.select.some((glob) => selects(glob, record.address)))
        claims2.push(`server "${server.name}"`);
    }
    if (claims2.length < 2) continue;
    count += 1;
    first ??= { address: record.address, claims: claims2 };
  }
  if (first === void 0) return void 0;
  const more = count - 1;
  return `Policy selectors overlap: ${first.address} is selected by ${first.claims.join(" and by ")}; a resource selected by address goes to the first of them in policy order (${first.claims[0]}), the others get nothing from it` + (more > 0 ? ` (${counted(more, "more resource", "more resources")} selected more than once).` : ".");
}
function counted(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}
function nearMissTagKey(records, key) {
  const folded = (text) => text.replace(/\s+/g, "").toLowerCase();
  const wanted = folded(key);
  for (const record of records) {
    for (const tags of [record.values.tags, record.values.labels, record.values.tags_all]) {
      if (typeof tags !== "object" || tags === null) continue;
      const near = Object.keys(tags).find((name) => name !== key && folded(name) === wanted);
      if (near !== void 0) return { address: record.address, key: near };
    }
  }
  return void 0;
}
var OTHER_PLATFORMS = [
  ["google_", "Google Cloud"],
  ["azurerm_", "Azure"],
  ["azuread_", "Microsoft Entra ID"],
  ["kubernetes_", "Kubernetes"]
];
function unjudgedPlatforms(records) {
  const types = /* @__PURE__ */ new Map();
  const platforms = /* @__PURE__ */ new Set();
  for (const record of records) {
    const platform = OTHER_PLATFORMS.find(([prefix]) => record.type.startsWith(prefix));
    if (platform === void 0) continue;
    platforms.add(platform[1]);
    types.set(record.type, (types.get(record.type) ?? 0) + 1);
  }
  if (types.size === 0) return void 0;
  const count = [...types.values()].reduce((sum, n) => sum + n, 0);
  const named = [...types.keys()].sort().slice(0, 5);
  return `${count} ${[...platforms].join(", ")} resource(s) were not judged (${named.join(", ")}${types.size > 5 ? ", \u2026" : ""}): this version judges AWS identities only; review their service account keys, secrets and role bindings by other means.`;
}
var SEVERITY_RANK = Object.fromEntries(
  SEVERITIES.map((severity, rank) => [severity, rank])
);
function byImportance(a, b) {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareText(a.control, b.control) || compareText(a.address, b.address) || compareText(a.attribute ?? "", b.attribute ?? "");
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// action/report/text.ts
var ANSI = {
  reset: "\x1B[0m",
  bold: "\x1B[1m",
  dim: "\x1B[2m",
  red: "\x1B[31m",
  green: "\x1B[32m",
  yellow: "\x1B[33m",
  blue: "\x1B[34m",
  magenta: "\x1B[35m",
  cyan: "\x1B[36m"
};
var SEVERITY_STYLE = {
  critical: ["bold", "red"],
  high: ["red"],
  medium: ["yellow"],
  low: ["cyan"]
};
var LABEL_WIDTH = "CRITICAL".length;
function renderText(report, options) {
  const paint = (text, ...styles) => options.color && styles.length > 0 ? `${styles.map((s) => ANSI[s]).join("")}${text}${ANSI.reset}` : text;
  const summary = report.summary;
  const lines = [];
  const ambiguous = addressesInSeveralFiles(report.findings, report.sharedAddresses);
  lines.push(verdictLine(report, paint));
  lines.push(
    paint(
      [
        `${report.tool.name} ${report.tool.version}`,
        `scope ${report.scope}`,
        `${plural(report.inputs.length, "input")}, ${plural(summary.resources, "resource")}`,
        `${plural(summary.servers, "server")}, ${plural(summary.tools, "tool")}, ${plural(summary.identities, "identity", "identities")}`
      ].join(" \xB7 "),
      "dim"
    )
  );
  for (const note of summary.notes ?? []) lines.push(paint(`note: ${oneLine(note)}`, "yellow"));
  let fixesShown = /* @__PURE__ */ new Set();
  const pad = " ".repeat(2 + LABEL_WIDTH + 1);
  const pushFinding = (finding2, indent, extra) => {
    const showFix = !fixesShown.has(finding2.control);
    fixesShown.add(finding2.control);
    const label = finding2.severity.toUpperCase().padEnd(LABEL_WIDTH);
    const marker = isBlocking(finding2, summary) ? "\u2716" : "\u2022";
    lines.push(
      `${indent}${paint(marker, ...SEVERITY_STYLE[finding2.severity])} ${paint(label, ...SEVERITY_STYLE[finding2.severity])} ${paint(
        oneLine(finding2.control),
        "bold"
      )}  ${oneLine(location(finding2, ambiguous))}  ${oneLine(finding2.message)}${finding2.unchanged ? paint(" (unchanged by this plan)", "dim") : ""}`
    );
    for (const line of extra) lines.push(`${indent}${pad}${line}`);
    if (showFix) lines.push(`${indent}${pad}${paint(`fix: ${oneLine(finding2.fix)}`, "dim")}`);
  };
  const failed = report.findings.filter((finding2) => finding2.status === "fail");
  const unknown = report.findings.filter((finding2) => finding2.status === "unknown");
  const waived = report.findings.filter((finding2) => finding2.status === "waived");
  if (failed.length > 0) {
    lines.push("", paint(`Findings (${failed.length})`, "bold"));
    for (const group of attributionGroups(report, failed)) {
      lines.push(
        group.server === void 0 ? paint("unattributed", "bold") : paint(`server ${oneLine(group.server)}`, "bold")
      );
      for (const sub of group.subgroups) {
        let indent = "  ";
        if (group.server !== void 0) {
          lines.push(`  ${sub.tool === void 0 ? "server-level" : `tool ${oneLine(sub.tool)}`}`);
          indent = "    ";
        }
        fixesShown = /* @__PURE__ */ new Set();
        for (const finding2 of sortFindings(sub.findings, summary)) pushFinding(finding2, indent, []);
      }
    }
  } else if (report.findings.length === 0) {
    lines.push("", paint("No findings.", "green"));
  }
  if (unknown.length > 0) {
    const consequence = summary.unknownBlocks ? "they block like failures (policy unknown: block)" : "reported, not blocking (set unknown: block in the policy to block on them)";
    lines.push(
      "",
      paint(`Decided at apply time (${unknown.length})`, "bold"),
      paint(`  These depend on values Terraform only knows after apply; ${consequence}.`, "dim")
    );
    fixesShown = /* @__PURE__ */ new Set();
    for (const finding2 of sortFindings(unknown, summary)) {
      const refs = finding2.refs && finding2.refs.length > 0 ? finding2.refs.map(oneLine).join(", ") : "not known";
      pushFinding(finding2, "  ", [`decided by: ${refs}`]);
    }
  }
  if (waived.length > 0) {
    lines.push("", paint(`Waived (${waived.length})`, "bold"));
    for (const finding2 of sortFindings(waived, summary)) {
      const waiver = finding2.waiver;
      const extra = waiver ? [
        `waived: ${oneLine(waiver.reason)} (owner ${oneLine(waiver.owner)}, expires ${oneLine(waiver.expires)})`
      ] : ["waived"];
      pushFinding(finding2, "  ", extra);
    }
  }
  const { expired, unused } = summary.waivers;
  if (expired.length > 0 || unused.length > 0) {
    lines.push("", paint("Waivers to clean up", "bold"));
    for (const waiver of expired)
      lines.push(`  ${paint("expired", "yellow")}  ${waiverLine(waiver, "expired")}`);
    for (const waiver of unused) lines.push(`  ${paint("unused ", "dim")}  ${waiverLine(waiver, "expires")}`);
  }
  lines.push("", summaryLine(summary, paint));
  return `${lines.join("\n")}
`;
}
function verdictLine(report, paint) {
  const summary = report.summary;
  const threshold = `fail-on: ${summary.failOn}${summary.unknownBlocks ? ", unknown: block" : ""}`;
  if (summary.verdict === "fail") {
    return `${paint("FAIL", "bold", "red")}  ${plural(summary.blocking, "blocking finding")} (${threshold})`;
  }
  return `${paint("PASS", "bold", "green")}  no blocking findings (${threshold})`;
}
function waiverLine(waiver, dateLabel) {
  return `${oneLine(waiver.control)} on ${oneLine(waiver.address)} (owner ${oneLine(waiver.owner)}, ${dateLabel} ${oneLine(
    waiver.expires
  )}): ${oneLine(waiver.reason)}`;
}
function summaryLine(summary, paint) {
  const { fail, unknown, waived } = summary.counts;
  const severities = Object.keys(SEVERITY_STYLE).map((severity) => paint(`${severity} ${summary.bySeverity[severity] ?? 0}`, ...SEVERITY_STYLE[severity])).join(", ");
  return `Summary: ${fail} fail (${summary.blocking} blocking), ${unknown} unknown, ${waived} waived \xB7 ${severities}`;
}
function attributionGroups(report, findings) {
  const serverOrder = firstIndexes(report.inventory.servers.map((server) => server.name));
  const toolsByServer = groupBy(report.inventory.tools, (tool) => tool.server);
  const byServer = groupBy(findings, (finding2) => finding2.server);
  const servers = [...byServer.keys()].filter((server) => server !== void 0).sort((a, b) => orderIndex(serverOrder, a) - orderIndex(serverOrder, b) || (a < b ? -1 : a > b ? 1 : 0));
  const groups = [];
  for (const server of servers) {
    const toolOrder = firstIndexes((toolsByServer.get(server) ?? []).map((tool) => tool.name));
    const byTool = groupBy(byServer.get(server) ?? [], (finding2) => finding2.tool);
    const tools = [...byTool.keys()].filter((tool) => tool !== void 0).sort((a, b) => orderIndex(toolOrder, a) - orderIndex(toolOrder, b) || (a < b ? -1 : a > b ? 1 : 0));
    if (byTool.has(void 0)) tools.unshift(void 0);
    groups.push({ server, subgroups: tools.map((tool) => ({ tool, findings: byTool.get(tool) ?? [] })) });
  }
  const unattributed = byServer.get(void 0);
  if (unattributed)
    groups.push({ server: void 0, subgroups: [{ tool: void 0, findings: unattributed }] });
  return groups;
}
function firstIndexes(names) {
  const first = /* @__PURE__ */ new Map();
  names.forEach((name, index) => {
    if (!first.has(name)) first.set(name, index);
  });
  return { first, length: names.length };
}
function orderIndex(order, name) {
  return order.first.get(name) ?? order.length;
}

// action/report/json-text.ts
function nestedJson(value, depth) {
  let wrapped = value;
  for (let level = 0; level < depth; level++) wrapped = { "": wrapped };
  const text = JSON.stringify(wrapped, null, 2);
  if (text === void 0 || depth === 0) return text;
  const before = (levels) => levels * (levels + 1) + 6 * levels;
  const after = (levels) => levels * (levels + 1);
  if (text.length === before(depth - 1) + 2 + after(depth - 1)) return void 0;
  return text.slice(before(depth), text.length - after(depth));
}
function sortedJsonSharing(value) {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "bigint":
      return value.toString();
    case "object":
      if (value === null) return null;
      return Array.isArray(value) ? sortedArray(value) : sortedObject(value);
    default:
      return void 0;
  }
}
function sortedArray(items) {
  let copy;
  if (typeof items.toJSON === "function") copy = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let sorted;
    if (typeof item === "string" || typeof item === "boolean") {
      sorted = item;
    } else if (item === void 0 && !(i in items)) {
      if (copy !== void 0) copy.length = i + 1;
      continue;
    } else {
      sorted = sortedJsonSharing(item) ?? null;
    }
    if (copy === void 0 && sorted !== item) copy = items.slice(0, i);
    if (copy !== void 0) copy[i] = sorted;
  }
  return copy ?? items;
}
function sortedObject(value) {
  const keys = Object.keys(value);
  const order = keyOrder(keys);
  const prototype = Object.getPrototypeOf(value);
  let asItIs = order.asItIs && (prototype === Object.prototype || prototype === null);
  let items = asItIs ? void 0 : [];
  for (let i = 0; i < keys.length; i++) {
    const item = value[keys[i]];
    const sorted = typeof item === "string" || typeof item === "boolean" ? item : sortedJsonSharing(item);
    if (asItIs && sorted !== item) {
      asItIs = false;
      items = [];
      for (let j = 0; j < i; j++) items.push(value[keys[j]]);
    }
    items?.push(sorted);
  }
  if (items === void 0) return value;
  const copy = {};
  for (const index of order.listed) {
    const item = items[index];
    if (item !== void 0) copy[keys[index]] = item;
  }
  return copy;
}
var keyOrders = /* @__PURE__ */ new Map();
function keyOrder(keys) {
  let known = keyOrders.get(keys[0]);
  if (known === void 0) {
    if (keyOrders.size > 1e4) keyOrders.clear();
    known = [];
    keyOrders.set(keys[0], known);
  }
  for (const order2 of known) if (sameKeys(order2.keys, keys)) return order2;
  const probe = {};
  for (const key of [...keys].sort()) probe[key] = true;
  const listed = Object.keys(probe).map((key) => keys.indexOf(key));
  const order = {
    keys: [...keys],
    listed,
    asItIs: listed.length === keys.length && listed.every((index, position) => index === position)
  };
  if (known.length < 64) known.push(order);
  return order;
}
function sameKeys(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// action/report/json.ts
function renderJson(report) {
  return renderJsonParts(report).join("");
}
function renderJsonParts(report) {
  const parts = [];
  let pending = "{";
  let members = 0;
  const member = (key, value, ownPart = false) => {
    const json = nestedJson(value, 1);
    if (json === void 0) return;
    pending += `${members++ === 0 ? "" : ","}
  ${JSON.stringify(key)}: `;
    if (ownPart) {
      parts.push(pending, json);
      pending = "";
    } else {
      pending += json;
    }
  };
  member("version", report.version);
  member(
    "tool",
    object([
      ["name", report.tool.name],
      ["version", report.tool.version]
    ])
  );
  member("scope", report.scope);
  member("inputs", report.inputs.map(jsonInput));
  member("findings", findingsForJson(report.findings), true);
  member("inventory", inventoryForJson(report.inventory), true);
  member("summary", jsonSummary(report.summary));
  member("controls", report.controls.map(jsonControl));
  parts.push(`${pending}
}
`);
  return parts;
}
function findingsForJson(findings) {
  const frameworks = /* @__PURE__ */ new Map();
  const ordered = (of) => {
    let copy = frameworks.get(of);
    if (copy === void 0) {
      copy = orderedFrameworks(of);
      frameworks.set(of, copy);
    }
    return copy;
  };
  return findings.map((finding2) => ({
    control: finding2.control,
    severity: finding2.severity,
    status: finding2.status,
    address: finding2.address,
    attribute: finding2.attribute,
    server: finding2.server,
    tool: finding2.tool,
    message: finding2.message,
    fix: finding2.fix,
    frameworks: ordered(finding2.frameworks),
    source: finding2.source ? {
      file: finding2.source.file,
      line: finding2.source.line,
      constructPath: finding2.source.constructPath,
      input: finding2.source.input
    } : void 0,
    refs: finding2.refs ? [...finding2.refs] : void 0,
    waiver: finding2.waiver ? { reason: finding2.waiver.reason, owner: finding2.waiver.owner, expires: finding2.waiver.expires } : void 0,
    unchanged: finding2.unchanged
  }));
}
function jsonInput(input) {
  return object([
    ["path", input.path],
    ["format", input.format],
    ["resources", input.resources],
    ["producer", input.producer],
    ["formatVersion", input.formatVersion]
  ]);
}
function jsonSummary(summary) {
  const waiver = (use) => object([
    ["control", use.control],
    ["address", use.address],
    ["owner", use.owner],
    ["expires", use.expires],
    ["reason", use.reason]
  ]);
  return object([
    ["verdict", summary.verdict],
    ["failOn", summary.failOn],
    ["unknownBlocks", summary.unknownBlocks],
    ["blocking", summary.blocking],
    [
      "counts",
      object([
        ["fail", summary.counts.fail],
        ["unknown", summary.counts.unknown],
        ["waived", summary.counts.waived]
      ])
    ],
    [
      "bySeverity",
      object([
        ["critical", summary.bySeverity.critical],
        ["high", summary.bySeverity.high],
        ["medium", summary.bySeverity.medium],
        ["low", summary.bySeverity.low]
      ])
    ],
    ["resources", summary.resources],
    ["servers", summary.servers],
    ["tools", summary.tools],
    ["identities", summary.identities],
    ["notes", [...summary.notes ?? []]],
    [
      "waivers",
      object([
        ["applied", summary.waivers.applied.map(waiver)],
        ["expired", summary.waivers.expired.map(waiver)],
        ["unused", summary.waivers.unused.map(waiver)]
      ])
    ]
  ]);
}
function jsonControl(control) {
  return object([
    ["id", control.id],
    ["title", control.title],
    ["severity", control.severity],
    ["scope", control.scope],
    ["frameworks", orderedFrameworks(control.frameworks)],
    ["description", control.description],
    ["fix", control.fix],
    ["parameters", control.parameters === void 0 ? void 0 : sortedJson(control.parameters)],
    ["origin", control.origin]
  ]);
}
var INVENTORY_KEYS = [
  "version",
  "parameters",
  "servers",
  "tools",
  "identities",
  "credentials",
  "workloads",
  "secrets"
];
function jsonInventory(inventory, sorted = sortedJson) {
  const record = inventory;
  const entries = INVENTORY_KEYS.map((key) => [key, sorted(record[key])]);
  for (const key of Object.keys(record).sort()) {
    if (!INVENTORY_KEYS.includes(key)) entries.push([key, sorted(record[key])]);
  }
  return object(entries);
}
function inventoryForJson(inventory) {
  return jsonInventory(inventory, sortedJsonSharing);
}
function sortedJson(value) {
  if (value === void 0 || typeof value === "function" || typeof value === "symbol") return void 0;
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map((item) => sortedJson(item) ?? null);
  const out = {};
  for (const key of Object.keys(value).sort()) {
    const item = sortedJson(value[key]);
    if (item !== void 0) out[key] = item;
  }
  return out;
}
function object(entries) {
  const out = {};
  for (const [key, value] of entries) {
    if (value === void 0) continue;
    out[key] = value;
  }
  return out;
}

// action/report/sarif.ts
import { createHash } from "node:crypto";
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var DEFAULT_INFORMATION_URI = "https://www.npmjs.com/package/mcp-nhi-guard";
var FINGERPRINT_KEY = "mcpNhiGuardFinding/v1";
var LEVEL = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note"
};
var SECURITY_SEVERITY = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0"
};
function renderSarif(report, options = {}) {
  return renderSarifParts(report, options).join("");
}
function renderSarifParts(report, options = {}) {
  const log = sarifLog(report, options);
  const run = log.runs[0];
  const results = run.results;
  run.results = { toJSON: () => RESULTS_STAND_IN };
  const text = JSON.stringify(log, null, 2);
  const at = text.indexOf(STAND_IN_JSON);
  if (at < 0 || text.includes(STAND_IN_JSON, at + 1)) {
    run.results = results;
    return [`${JSON.stringify(log, null, 2)}
`];
  }
  const line = text.slice(text.lastIndexOf("\n", at) + 1, at);
  const depth = (line.length - line.trimStart().length) / 2;
  const resultsJson = nestedJson(results, depth);
  return [text.slice(0, at), resultsJson, `${text.slice(at + STAND_IN_JSON.length)}
`];
}
var RESULTS_STAND_IN = "\0results\0";
var STAND_IN_JSON = JSON.stringify(RESULTS_STAND_IN);
function sarifLog(report, options = {}) {
  const controls = controlsWithFindings(report.controls, report.findings);
  const ruleIndex = new Map(controls.map((control, index) => [control.id, index]));
  const baseUri = options.baseUri === void 0 ? void 0 : withTrailingSlash(options.baseUri);
  const fallbackFile = report.inputs[0]?.path ?? ".";
  const uris = /* @__PURE__ */ new Map();
  const run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
        rules: controls.map(sarifRule)
      }
    },
    invocations: [invocation(report.summary.notes)]
  };
  if (baseUri !== void 0) run.originalUriBaseIds = { SRCROOT: { uri: baseUri } };
  const ambiguous = addressesInSeveralFiles(report.findings, report.sharedAddresses);
  run.results = report.findings.map(
    (finding2) => sarifResult(finding2, ruleIndex.get(finding2.control) ?? 0, baseUri, fallbackFile, uris, ambiguous)
  );
  run.properties = {
    verdict: report.summary.verdict,
    failOn: report.summary.failOn,
    blocking: report.summary.blocking,
    scope: report.scope,
    notes: [...report.summary.notes ?? []]
  };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}
function sarifRule(control) {
  const tags = frameworkTags(control.frameworks);
  const frameworksText = tags.length > 0 ? tags.join(", ") : "none";
  return {
    id: control.id,
    name: pascalCase(control.title) || pascalCase(control.id),
    shortDescription: { text: control.title },
    fullDescription: { text: control.description || control.title },
    help: {
      text: `${control.description}

Fix: ${control.fix}

Frameworks: ${frameworksText}`,
      markdown: `${mdEscape(control.description)}

**Fix:** ${mdEscape(control.fix)}

**Frameworks:** ${tags.map(mdEscape).join(", ")}`
    },
    defaultConfiguration: { level: LEVEL[control.severity] },
    properties: {
      tags: [...tags, "security"],
      "security-severity": SECURITY_SEVERITY[control.severity],
      precision: "high",
      "problem.severity": LEVEL[control.severity] === "note" ? "recommendation" : LEVEL[control.severity]
    }
  };
}
function sarifResult(finding2, ruleIndex, baseUri, fallbackFile, uris, ambiguous) {
  let text = finding2.message;
  if (finding2.status === "unknown") {
    const refs = finding2.refs && finding2.refs.length > 0 ? finding2.refs.join(", ") : "not known";
    text += ` Decided at apply time by: ${refs}.`;
  }
  text += ` Fix: ${finding2.fix}`;
  const artifactLocation = {
    uri: memoArtifactUri(finding2.source?.file ?? fallbackFile, baseUri, uris)
  };
  if (baseUri !== void 0 && !isAbsoluteUri(artifactLocation.uri)) {
    artifactLocation.uriBaseId = "SRCROOT";
  }
  const result = {
    ruleId: finding2.control,
    ruleIndex,
    level: finding2.status === "unknown" ? "note" : LEVEL[finding2.severity],
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: { startLine: finding2.source?.line && finding2.source.line > 0 ? finding2.source.line : 1 }
        },
        logicalLocations: [
          finding2.attribute ? { name: finding2.attribute, fullyQualifiedName: finding2.address, kind: "resource" } : { fullyQualifiedName: finding2.address, kind: "resource" }
        ]
      }
    ],
    // Beside an address two inputs share, the file tells the two results apart.
    partialFingerprints: {
      [FINGERPRINT_KEY]: fingerprint(
        finding2,
        ambiguous.has(finding2.address) && finding2.source ? inputOf(finding2.source) : void 0
      )
    }
  };
  if (finding2.status === "waived") {
    result.suppressions = [
      {
        kind: "external",
        status: "accepted",
        justification: finding2.waiver ? `${finding2.waiver.reason} (owner ${finding2.waiver.owner}, expires ${finding2.waiver.expires})` : "waived by policy"
      }
    ];
  }
  const properties = {
    status: finding2.status,
    severity: finding2.severity,
    ...finding2.unchanged ? { unchanged: true } : {},
    address: finding2.address
  };
  if (finding2.attribute !== void 0) properties.attribute = finding2.attribute;
  if (finding2.server !== void 0) properties.server = finding2.server;
  if (finding2.tool !== void 0) properties.tool = finding2.tool;
  if (finding2.refs && finding2.refs.length > 0) properties.refs = [...finding2.refs];
  if (finding2.source?.constructPath) properties.constructPath = finding2.source.constructPath;
  result.properties = properties;
  return result;
}
function fingerprint(finding2, file) {
  return createHash("sha256").update(
    `${finding2.control}\0${finding2.address}\0${finding2.attribute ?? ""}${file === void 0 ? "" : `\0${file}`}`
  ).digest("hex");
}
function pascalCase(text) {
  return text.split(/[^A-Za-z0-9]+/).filter((word) => word !== "").map((word) => word[0]?.toUpperCase() + word.slice(1)).join("");
}
function withTrailingSlash(uri) {
  return uri.endsWith("/") ? uri : `${uri}/`;
}
function memoArtifactUri(file, baseUri, uris) {
  return getOrMake(uris, file, () => artifactUri(file, baseUri));
}
function isAbsoluteUri(uri) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri);
}
function artifactUri(file, baseUri) {
  let path = file.replace(/\\/g, "/");
  const windowsDrive = /^[A-Za-z]:\//.test(path);
  if (path.startsWith("/") || windowsDrive) {
    const fileUri = `file://${windowsDrive ? "/" : ""}${encodePath(path)}`;
    if (baseUri?.startsWith("file://") && fileUri.startsWith(baseUri)) return fileUri.slice(baseUri.length);
    return fileUri;
  }
  while (path.startsWith("./")) path = path.slice(2);
  return encodePath(path) || ".";
}
function encodePath(path) {
  return path.split("/").map((segment) => /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)).join("/");
}
function mdEscape(text) {
  return text.replace(/[\\`*_[\]|]/g, (char) => `\\${char}`).replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function invocation(notes2) {
  if (notes2.length === 0) return { executionSuccessful: true };
  return {
    executionSuccessful: true,
    toolExecutionNotifications: notes2.map((text) => ({ level: "note", message: { text } }))
  };
}

export {
  SEVERITIES,
  isBlocking,
  oneLine,
  plural,
  location,
  sortFindings,
  renderJunit,
  md,
  renderMarkdown,
  createRedactor,
  VERSION,
  checkPaths,
  renderJson,
  renderJsonParts,
  renderSarif,
  renderSarifParts,
  renderText,
  tuneJitForOneShotRun
};
