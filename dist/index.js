import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);
import {
  SEVERITIES,
  VERSION,
  checkPaths,
  createRedactor,
  isBlocking,
  location,
  md,
  oneLine,
  plural,
  renderJsonParts,
  renderMarkdown,
  renderSarifParts,
  renderText,
  sortFindings,
  tuneJitForOneShotRun
} from "./chunks/chunk-ALG6Q6WJ.js";
import "./chunks/chunk-WBPMNH5K.js";
import "./chunks/chunk-7QLOZEXX.js";
import {
  UsageError,
  describeError,
  refuseOverwritingInput
} from "./chunks/chunk-CZZV5DTD.js";
import {
  ApiUnavailable,
  Deadline,
  budgetFromEnv,
  require_tunnel,
  require_undici
} from "./chunks/chunk-VM2DHV24.js";
import {
  __toESM
} from "./chunks/chunk-COG2Z3BJ.js";

// action/main.ts
import { statSync as statSync2 } from "node:fs";
import path4 from "node:path";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input2) {
  if (input2 === null || input2 === void 0) {
    return "";
  } else if (typeof input2 === "string" || input2 instanceof String) {
    return input2;
  }
  return JSON.stringify(input2);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties2, message2) {
  const cmd = new Command(command, properties2, message2);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message2 = "") {
  issueCommand(name, {}, message2);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties2, message2) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties2;
    this.message = message2;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message2) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message2)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text2, addEOL = false) {
    this._buffer += text2;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text2, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text2);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text2, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text2, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text2, href) {
    const element = this.wrap("a", text2, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message2) {
  process.exitCode = ExitCode.Failure;
  error(message2);
}
function error(message2, properties2 = {}) {
  issueCommand("error", toCommandProperties(properties2), message2 instanceof Error ? message2.toString() : message2);
}
function warning(message2, properties2 = {}) {
  issueCommand("warning", toCommandProperties(properties2), message2 instanceof Error ? message2.toString() : message2);
}
function info(message2) {
  process.stdout.write(message2 + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}

// action/github/annotations.ts
import path from "node:path";
var GITHUB_ANNOTATION_LIMIT = 10;
var ANNOTATION_LIMIT = GITHUB_ANNOTATION_LIMIT - 1;
function planAnnotations(report2, root, cwd = process.cwd()) {
  const annotations = [];
  const omitted = { error: 0, warning: 0 };
  const counts = { error: 0, warning: 0 };
  for (const finding of sortFindings(report2.findings, report2.summary)) {
    if (finding.status === "waived") continue;
    const level = isBlocking(finding, report2.summary) ? "error" : "warning";
    if (counts[level] >= ANNOTATION_LIMIT) {
      omitted[level] += 1;
      continue;
    }
    counts[level] += 1;
    annotations.push({ level, message: message(finding), properties: properties(finding, root, cwd) });
  }
  return { annotations, omitted };
}
function message(finding) {
  const parts = [`${location(finding)}: ${finding.message}`];
  if (finding.source?.constructPath) parts.push(`construct: ${finding.source.constructPath}`);
  if (finding.status === "unknown") parts.push("decided at apply time");
  if (finding.fix) parts.push(`fix: ${finding.fix}`);
  return oneLine(parts.join(" \xB7 "));
}
function properties(finding, root, cwd) {
  const title = oneLine(`${finding.control} (${finding.severity})`);
  const source = finding.source;
  if (source?.line === void 0) return { title };
  const relative = path.relative(root, path.resolve(cwd, source.file));
  if (relative.startsWith("..") || path.isAbsolute(relative)) return { title };
  return { title, file: relative.split(path.sep).join("/"), startLine: source.line };
}
function emitAnnotations(plan, scrub) {
  for (const annotation of plan.annotations) {
    const properties2 = {
      ...annotation.properties,
      ...annotation.properties.title ? { title: scrub(annotation.properties.title) } : {}
    };
    if (annotation.level === "error") error(scrub(annotation.message), properties2);
    else warning(scrub(annotation.message), properties2);
  }
}

// action/github/comment.ts
import { createHash } from "node:crypto";
var COMMENT_LIMIT = 65536;
var MAX_PAGES = 50;
var MARKER_PREFIX = "<!-- mcp-nhi-guard:sticky ";
function commentMarker(identity) {
  const parts = [
    identity.workflow,
    identity.job,
    identity.workingDirectory,
    [...identity.plans].sort()
  ];
  if (identity.key !== void 0) parts.push(identity.key);
  const key = createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
  return `${MARKER_PREFIX}${key} -->`;
}
function commentBody(report2, options) {
  const limit = options.limit ?? COMMENT_LIMIT;
  const head = `${options.marker}
${allClear(report2, options.previousBody)}`;
  const foot = options.footer ? `

${options.footer}
` : "\n";
  let room = limit - head.length - foot.length;
  for (let tries = 0; tries < 6 && room > 0; tries++) {
    const text2 = options.scrub(
      `${head}${renderMarkdown(report2, { maxLength: room, detailsUrl: options.detailsUrl })}${foot}`
    );
    if (text2.length <= limit) return text2;
    room -= text2.length - limit + 256;
  }
  return options.scrub(`${head}Report too large for a comment; see the job summary.${foot}`).slice(0, limit);
}
function allClear(report2, previousBody) {
  if (report2.summary.verdict !== "pass") return "";
  const wasFailing = previousBody !== void 0 && /^## ❌ mcp-nhi-guard: FAIL$/m.test(previousBody);
  return wasFailing ? "> [!TIP]\n> **All clear.** The blocking findings this comment reported earlier are fixed.\n\n" : "";
}
async function upsertComment(api, marker, body, create) {
  for (let round = 0; ; round++) {
    const existing = await findComment(api, marker);
    if (existing !== void 0) {
      const text2 = body(existing);
      if (text2 === existing.body) return { action: "unchanged", id: existing.id };
      try {
        return { action: "updated", id: (await api.updateComment(existing.id, text2)).id };
      } catch (error2) {
        if (!(error2 instanceof ApiUnavailable) || error2.status !== 404 || round >= 2) throw error2;
        continue;
      }
    }
    if (!create) return { action: "skipped" };
    try {
      return { action: "created", id: (await api.createComment(body(void 0))).id };
    } catch (error2) {
      if (!(error2 instanceof ApiUnavailable) || !error2.transient || round >= 2) throw error2;
      if (!await api.pause(error2, round)) throw error2;
    }
  }
}
var TRUSTED_ASSOCIATIONS = /* @__PURE__ */ new Set(["OWNER", "MEMBER", "COLLABORATOR"]);
function isStickyComment(comment, marker) {
  if (!comment.body.startsWith(marker)) return false;
  return comment.userType === "Bot" || TRUSTED_ASSOCIATIONS.has(comment.authorAssociation ?? "");
}
async function findComment(api, marker) {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await api.listComments(page);
    const found = comments.find((comment) => isStickyComment(comment, marker));
    if (found !== void 0) return found;
    if (comments.length < 100) return void 0;
  }
  return void 0;
}

// action/github/context.ts
import { readFileSync } from "node:fs";
var PR_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function runContext(env = process.env) {
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const repository = env.GITHUB_REPOSITORY ?? "";
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const runUrl = repository && env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : void 0;
  const payload = PR_EVENTS.has(eventName) ? readEvent(env.GITHUB_EVENT_PATH) : void 0;
  const pr = payload?.pull_request;
  const [owner = "", repo = ""] = (payload?.repository?.full_name ?? repository).split("/");
  const headSha = pr?.head?.sha;
  return {
    eventName,
    workflow: env.GITHUB_WORKFLOW ?? "",
    job: env.GITHUB_JOB ?? "",
    ...headSha ?? env.GITHUB_SHA ? { sha: headSha ?? env.GITHUB_SHA } : {},
    ...pr && typeof pr.number === "number" && owner && repo ? {
      pullRequest: {
        owner,
        repo,
        number: pr.number,
        // A deleted fork leaves head.repo null; it was a fork all the same.
        fromFork: pr.head?.repo === null || pr.head?.repo?.full_name !== void 0 && pr.head.repo.full_name !== pr.base?.repo?.full_name
      }
    } : {},
    ...runUrl ? { runUrl } : {}
  };
}
function readEvent(file) {
  if (!file) return void 0;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return void 0;
  }
}

// action/github/expand-paths.ts
import { readdirSync, statSync } from "node:fs";
import path2 from "node:path";
var GLOB_CHARS = /[*?]/;
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
function expandPaths(patterns, base, root) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    const absolute = path2.resolve(base, pattern);
    const matches = GLOB_CHARS.test(pattern) ? expandGlob(pattern, base) : [absolute];
    if (matches.length === 0) {
      throw new UsageError(`input "plan": no file or folder matches "${pattern}"`);
    }
    for (const match of matches) {
      const shown = display(match, root);
      if (seen.has(shown)) continue;
      seen.add(shown);
      out.push(shown);
    }
  }
  return out;
}
function display(absolute, root) {
  const relative = path2.relative(root, absolute);
  if (relative === "") return ".";
  if (relative.startsWith("..") || path2.isAbsolute(relative)) return absolute;
  return relative.split(path2.sep).join("/");
}
function expandGlob(pattern, base) {
  const normalized = pattern.replace(/\\/g, "/");
  const isAbsolute = path2.isAbsolute(normalized);
  const segments = normalized.split("/").filter((segment, index) => segment !== "" || index === 0);
  let start = isAbsolute ? path2.parse(path2.resolve(normalized)).root : base;
  if (isAbsolute) segments.shift();
  while (segments.length > 0 && !GLOB_CHARS.test(segments[0] ?? "")) {
    start = path2.join(start, segments.shift() ?? "");
  }
  const found = /* @__PURE__ */ new Set();
  walk(start, segments, found);
  return [...found].sort();
}
function walk(dir, segments, found) {
  if (segments.length === 0) {
    if (exists2(dir)) found.add(dir);
    return;
  }
  const [head = "", ...rest] = segments;
  if (head === "**") {
    walk(dir, rest, found);
    for (const child of children(dir)) {
      if (child.isDirectory && !child.isLink && !child.name.startsWith(".") && !SKIP_DIRS.has(child.name)) {
        walk(path2.join(dir, child.name), segments, found);
      }
    }
    return;
  }
  if (!GLOB_CHARS.test(head)) {
    walk(path2.join(dir, head), rest, found);
    return;
  }
  const matcher = segmentRegExp(head);
  for (const child of children(dir)) {
    if (child.name.startsWith(".") && !head.startsWith(".")) continue;
    if (!matcher.test(child.name)) continue;
    if (rest.length > 0 && !child.isDirectory) continue;
    walk(path2.join(dir, child.name), rest, found);
  }
}
function children(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isDirectory: entry.isDirectory() || entry.isSymbolicLink() && isDirectory2(path2.join(dir, entry.name)),
      isLink: entry.isSymbolicLink()
    }));
  } catch {
    return [];
  }
}
function isDirectory2(file) {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
function exists2(file) {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}
function segmentRegExp(segment) {
  let source = "";
  for (const char of segment) {
    if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[\\^$.+()[\]{}|]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "u");
}

// action/github/inputs.ts
function input(name) {
  return getInput(name);
}
function readActionInputs() {
  const plan = input("plan").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
  if (plan.length === 0) {
    throw new UsageError(
      'input "plan" is empty: give one or more plan JSON files, binary plans, cdktf.out folders or .tf folders (globs allowed, one per line)'
    );
  }
  const token = input("github-token");
  if (token !== "") setSecret(token);
  const scope = optional("scope");
  const failOn = optional("fail-on");
  const policy = optional("policy");
  const sarifFile = optional("sarif-file");
  const commentKey = optional("comment-key");
  return {
    plan,
    ...policy ? { policy } : {},
    ...scope ? { scope: oneOf("scope", scope, ["mcp", "all"]) } : {},
    ...failOn ? { failOn: oneOf("fail-on", failOn, [...SEVERITIES, "never"]) } : {},
    token,
    comment: bool("comment", true),
    // `toJSON(matrix)` outside a matrix is `null`: no key, so the marker is the one earlier
    // versions wrote and an existing comment is still found.
    ...commentKey && commentKey !== "null" ? { commentKey } : {},
    annotations: bool("annotations", true),
    ...sarifFile ? { sarifFile } : {},
    workingDirectory: optional("working-directory") ?? "."
  };
}
function optional(name) {
  const value = input(name).trim();
  return value === "" ? void 0 : value;
}
function bool(name, fallback) {
  const value = optional(name);
  if (value === void 0) return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new UsageError(`input "${name}" must be true or false (got "${value}")`);
}
function oneOf(name, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new UsageError(`input "${name}" must be one of ${allowed.join(", ")} (got "${value}")`);
}

// action/github/outputs.ts
function outputsFor(report2, files) {
  const { counts, verdict, blocking } = report2.summary;
  return {
    result: verdict,
    // Waived findings are accepted risk, not work to do: they are not counted.
    findings: String(counts.fail + counts.unknown),
    blocking: String(blocking),
    report: files.report,
    sarif: files.sarif ?? ""
  };
}
function setOutputs(outputs) {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}

// action/github/report-files.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import path3 from "node:path";
import { pathToFileURL } from "node:url";
async function writeReportFiles(report2, redactor, options, env = process.env) {
  const dir = path3.join(env.RUNNER_TEMP || tmpdir(), "mcp-nhi-guard");
  const step = (env.GITHUB_ACTION || `run-${process.pid}`).replace(/[^\w.-]/g, "_");
  const reportFile = path3.join(dir, `${step}.report.json`);
  await write(reportFile, redactor.scrubParts(renderJsonParts(report2)));
  if (options.sarifFile === void 0) return { report: reportFile };
  const sarifFile = path3.resolve(options.workingDirectory, options.sarifFile);
  const baseUri = `${pathToFileURL(options.root).href.replace(/\/?$/, "/")}`;
  await write(sarifFile, redactor.scrubParts(renderSarifParts(report2, { baseUri })));
  return { report: reportFile, sarif: sarifFile };
}
async function write(file, parts) {
  try {
    await mkdir2(path3.dirname(file), { recursive: true });
    await writeFile2(file, parts, "utf8");
  } catch (error2) {
    throw new UsageError(`${file}: cannot write (${error2.code ?? String(error2)})`);
  }
}

// action/github/summary.ts
import { appendFile as appendFile2 } from "node:fs/promises";

// action/report/mermaid.ts
var FAIL_STROKE = "stroke:#d1242f,stroke-width:3px,color:#d1242f";
function renderBlastRadius(report2, options = {}) {
  const servers = report2.inventory.servers;
  if (servers.length === 0) return "";
  const parts = [
    "### Blast radius",
    "",
    "Each server \u2192 its tools \u2192 the identities they run as \u2192 what those identities may reach. Red marks a blocking finding.",
    ""
  ];
  const scrub = options.scrub ?? ((text2) => text2);
  for (const server of servers) {
    parts.push(
      `#### Server ${inlineName(scrub(server.name))}`,
      "",
      serverGraph(report2, server, options.maxNodes ?? 40, scrub),
      ""
    );
  }
  return parts.join("\n");
}
function serverGraph(report2, server, maxNodes = 40, scrub = (text2) => text2) {
  const graph = new Graph(maxNodes, scrub);
  const inventory = report2.inventory;
  const s = graph.node(
    `server:${server.name}`,
    `server ${server.name}${server.multiTenant ? "\nmulti-tenant" : ""}`,
    {
      owner: { server: server.name }
    }
  );
  const identityNode = (address) => {
    const identity = inventory.identities.find((candidate) => candidate.address === address);
    const id = graph.node(`identity:${address}`, identityLabel(address, identity), { address });
    if (id !== void 0 && identity !== void 0) reach(graph, identity, id, inventory.credentials);
    return id;
  };
  for (const workload of inventory.workloads.filter(
    (w) => w.server === server.name && w.tool === void 0
  )) {
    const w = graph.node(`workload:${workload.address}`, workload.address, { address: workload.address });
    graph.edge(s, w, "runs on");
    for (const identity of workload.identities) graph.edge(w, identityNode(identity), "as");
  }
  for (const identity of server.identities) graph.edge(s, identityNode(identity), "runs as");
  for (const tool of inventory.tools.filter((t) => t.server === server.name)) {
    const t = graph.node(`tool:${tool.name}`, `tool ${tool.name}`, {
      owner: { server: server.name, tool: tool.name }
    });
    graph.edge(s, t, "brokers");
    for (const identity of tool.identities) graph.edge(t, identityNode(identity), "assumes");
  }
  for (const evidence of server.endpointIssues) {
    const e = graph.node(
      `endpoint:${evidence.address}`,
      `endpoint ${evidence.address}
${graph.short(evidence.detail)}`,
      {
        address: evidence.address
      }
    );
    graph.edge(e, s, "calls", "from");
  }
  for (const secret of inventory.secrets.filter((x) => x.server === server.name)) {
    graph.edge(
      s,
      graph.node(`secret:${secret.address}`, `secret ${secret.address}`, { address: secret.address }),
      "reads"
    );
  }
  return graph.render(report2, server.name);
}
function reach(graph, identity, from, credentials) {
  const grants = [...identity.broadGrants, ...identity.escalationGrants];
  for (const grant of grants) {
    const key = `grant:${grant.address}:${grant.attribute ?? ""}:${grant.detail}`;
    const id = graph.node(key, `${grant.address}
${graph.short(grant.detail)}`, {
      address: grant.address,
      ...grant.attribute ? { attribute: grant.attribute } : {}
    });
    graph.edge(from, id, "may");
  }
  for (const credential of credentials.filter((c) => c.identity === identity.address)) {
    const id = graph.node(`credential:${credential.address}`, `static key ${credential.address}`, {
      address: credential.address
    });
    graph.edge(id, from, "signs in as", "from");
  }
}
function identityLabel(address, identity) {
  const session = identity?.maxSessionSeconds;
  if (session === void 0 || session === null) return address;
  if (typeof session !== "number") return `${address}
session known after apply`;
  return `${address}
session ${duration(session)}`;
}
function duration(seconds) {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
function shortened(text2, max = 60) {
  const chars = Array.from(text2);
  return chars.length <= max ? text2 : `${chars.slice(0, max - 1).join("")}\u2026`;
}
function clipLines(label) {
  return label.split("\n").map((line) => shortened(line, 80)).join("\n");
}
var Graph = class {
  constructor(maxNodes, scrub) {
    this.maxNodes = maxNodes;
    this.scrub = scrub;
  }
  maxNodes;
  scrub;
  nodes = /* @__PURE__ */ new Map();
  edges = [];
  edgeKeys = /* @__PURE__ */ new Set();
  skipped = 0;
  /** A detail for a label: scrubbed while whole, then cut short. */
  short(text2) {
    return shortened(this.scrub(text2));
  }
  /** The node's id, or undefined when over the limit (its edges are then dropped). */
  node(key, label, fields = {}) {
    const existing = this.nodes.get(key);
    if (existing !== void 0) return existing.id;
    if (this.nodes.size >= this.maxNodes) {
      this.skipped += 1;
      return void 0;
    }
    const node = { id: `n${this.nodes.size}`, label, ...fields };
    this.nodes.set(key, node);
    return node.id;
  }
  edge(from, to, label, risk = "to") {
    if (from === void 0 || to === void 0) return;
    const key = `${from}>${to}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, label, risk });
  }
  render(report2, server) {
    const onNode = this.assignFindings(report2, server);
    const lines = ["```mermaid", "flowchart LR", `  classDef fail fill:#ffebe9,${FAIL_STROKE}`];
    for (const node of this.nodes.values()) {
      const failing = (onNode.get(node.id)?.length ?? 0) > 0;
      lines.push(`  ${node.id}["${text(clipLines(this.scrub(node.label)))}"]${failing ? ":::fail" : ""}`);
    }
    if (this.skipped > 0) lines.push(`  more["\u2026and ${plural(this.skipped, "more node")}"]`);
    const failingEdges = [];
    this.edges.forEach((edge, index) => {
      const risky = edge.risk === "to" ? edge.to : edge.from;
      const controls = [...new Set((onNode.get(risky) ?? []).map((finding) => finding.control))].sort();
      const label = controls.length > 0 ? `${edge.label}: \u274C ${controls.join(", ")}` : edge.label;
      if (controls.length > 0) failingEdges.push(index);
      lines.push(`  ${edge.from} -->|"${text(this.scrub(label))}"| ${edge.to}`);
    });
    if (failingEdges.length > 0) lines.push(`  linkStyle ${failingEdges.join(",")} ${FAIL_STROKE}`);
    lines.push("```");
    return lines.join("\n");
  }
  /** Blocking findings per node id: exact address matches first, then tool and server owners. */
  assignFindings(report2, server) {
    const out = /* @__PURE__ */ new Map();
    const add = (id, finding) => out.set(id, [...out.get(id) ?? [], finding]);
    const nodes = [...this.nodes.values()];
    for (const finding of report2.findings) {
      if (!isBlocking(finding, report2.summary)) continue;
      const exact = nodes.filter(
        (node) => node.address === finding.address && (node.attribute === void 0 || node.attribute === finding.attribute)
      );
      if (exact.length > 0) {
        for (const node of exact) add(node.id, finding);
        continue;
      }
      if (finding.server !== server) continue;
      const owner = nodes.find((node) => node.owner?.tool !== void 0 && node.owner.tool === finding.tool) ?? (finding.tool === void 0 ? nodes.find((node) => node.owner !== void 0 && node.owner.tool === void 0) : void 0);
      if (owner !== void 0) add(owner.id, finding);
    }
    return out;
  }
};
function text(value) {
  let out = "";
  for (const char of value) {
    if (char === "\n") out += "<br/>";
    else if (/[A-Za-z0-9 _.,:/*=+\-()[\]{}'!?…→❌]/u.test(char)) out += char;
    else out += `#${char.codePointAt(0)};`;
  }
  return out;
}
function inlineName(name) {
  return `<code>${name.replace(/[^A-Za-z0-9 _.:/=+-]/g, (char) => `&#${char.codePointAt(0)};`)}</code>`;
}

// action/github/summary.ts
var SUMMARY_LIMIT_BYTES = 1e6;
var GRAPH_LIMIT_CHARS = 2e5;
function jobSummary(report2, options) {
  let graphs = renderBlastRadius(report2, { scrub: options.scrub });
  if (graphs.length > GRAPH_LIMIT_CHARS) {
    graphs = `### Blast radius

The graphs of ${plural(report2.inventory.servers.length, "server")} are too large to show here.
`;
  }
  const tail = [graphs, runSection(options)].filter((part) => part !== "").join("\n");
  let room = SUMMARY_LIMIT_BYTES - Buffer.byteLength(tail) - 2;
  for (let tries = 0; tries < 6 && room > 0; tries++) {
    const markdown = renderMarkdown(report2, { maxLength: room, detailsUrl: options.detailsUrl });
    const text2 = options.scrub(`${markdown}
${tail}`);
    const bytes = Buffer.byteLength(text2);
    if (bytes <= SUMMARY_LIMIT_BYTES) return text2;
    room -= bytes - SUMMARY_LIMIT_BYTES + 4096;
  }
  return options.scrub(renderMarkdown(report2, { maxLength: 5e4, detailsUrl: options.detailsUrl }));
}
function runSection(options) {
  const lines = [];
  const omitted = options.annotations?.omitted;
  if (omitted && omitted.error + omitted.warning > 0) {
    lines.push(
      `- Annotations: GitHub shows at most 10 errors and 10 warnings per step; ${plural(
        omitted.error,
        "blocking finding"
      )} and ${plural(omitted.warning, "other finding")} are listed above but not annotated.`
    );
  }
  for (const note of options.runNotes ?? []) lines.push(`- ${note}`);
  return lines.length === 0 ? "" : ["### This run", "", ...lines, ""].join("\n");
}
function failureSummary(message2) {
  return `## \u274C mcp-nhi-guard: could not check

${md(message2)}
`;
}
async function writeJobSummary(text2, env = process.env) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  await appendFile2(file, text2.endsWith("\n") ? text2 : `${text2}
`, "utf8");
  return true;
}

// action/main.ts
async function run() {
  let redactor = createRedactor([]);
  try {
    const inputs = readActionInputs();
    const cwd = process.cwd();
    const workspace = process.env.GITHUB_WORKSPACE || cwd;
    const workingDirectory = path4.resolve(cwd, inputs.workingDirectory);
    if (!isDirectory3(workingDirectory)) {
      throw new UsageError(`input "working-directory": ${inputs.workingDirectory} is not a directory`);
    }
    const paths = expandPaths(inputs.plan, workingDirectory, cwd);
    if (inputs.sarifFile) {
      refuseOverwritingInput(path4.resolve(workingDirectory, inputs.sarifFile), paths, 'input "sarif-file":');
    }
    const policy = inputs.policy ? await (await import("./chunks/load-policy-GXQC46HP.js")).loadPolicy(
      path4.relative(cwd, path4.resolve(workingDirectory, inputs.policy)) || "."
    ) : void 0;
    const checked = await checkPaths(paths, {
      ...policy ? { policy } : {},
      ...inputs.scope ? { scope: inputs.scope } : {},
      ...inputs.failOn ? { failOn: inputs.failOn } : {}
    });
    redactor = checked.redactor;
    maskSecrets(redactor);
    await report(checked.report, redactor, inputs, { cwd, workspace, workingDirectory });
  } catch (error2) {
    const message2 = redactor.scrub(describeError(error2));
    await writeJobSummary(failureSummary(message2)).catch(() => false);
    setFailed(message2);
  }
}
async function report(result, redactor, inputs, places) {
  const scrub = (text2) => redactor.scrub(text2);
  const context = runContext();
  const { summary: summary2 } = result;
  startGroup(
    scrub(
      `mcp-nhi-guard: ${summary2.verdict.toUpperCase()} (${summary2.blocking} blocking, ${result.findings.length} findings)`
    )
  );
  info(scrub(renderText(result, { color: false })));
  endGroup();
  const files = await writeReportFiles(result, redactor, {
    ...inputs.sarifFile ? { sarifFile: inputs.sarifFile } : {},
    workingDirectory: places.workingDirectory,
    root: places.cwd
  });
  setOutputs(outputsFor(result, files));
  const annotations = inputs.annotations ? planAnnotations(result, places.workspace, places.cwd) : void 0;
  if (annotations) emitAnnotations(annotations, scrub);
  const runNotes = await postComment(result, scrub, inputs, context);
  await writeJobSummary(
    jobSummary(result, {
      scrub,
      ...annotations ? { annotations } : {},
      runNotes,
      ...context.runUrl ? { detailsUrl: context.runUrl } : {}
    })
  );
  if (summary2.verdict === "fail") {
    setFailed(
      `${summary2.blocking} blocking finding${summary2.blocking === 1 ? "" : "s"} at or above ${summary2.failOn}; see the job summary`
    );
  } else {
    info(`mcp-nhi-guard: PASS (nothing at or above ${summary2.failOn})`);
  }
}
async function postComment(result, scrub, inputs, context) {
  const pr = context.pullRequest;
  if (!inputs.comment) return [];
  if (pr === void 0) {
    if (!PR_EVENTS.has(context.eventName)) return [];
    warning(
      "The pull request event payload (GITHUB_EVENT_PATH) could not be read, so no comment was posted; the job summary has the report."
    );
    return ["No pull request comment: the event payload (`GITHUB_EVENT_PATH`) could not be read."];
  }
  if (context.eventName === "pull_request" && pr.fromFork) {
    info(
      "Pull request from a fork: the workflow token is read-only, so no comment; the job summary has the report."
    );
    return ["Pull request from a fork: the token is read-only, so the report is here and not in a comment."];
  }
  if (inputs.token === "") {
    warning("No github-token: the pull request comment was not posted; the job summary has the report.");
    return ["No `github-token`: no pull request comment."];
  }
  const deadline = new Deadline(budgetFromEnv());
  const marker = commentMarker({
    workflow: context.workflow,
    job: context.job,
    plans: inputs.plan,
    workingDirectory: inputs.workingDirectory,
    ...inputs.commentKey !== void 0 ? { key: inputs.commentKey } : {}
  });
  const footer = [
    `<sub>mcp-nhi-guard ${VERSION}`,
    context.sha ? ` \xB7 commit ${context.sha.slice(0, 7)}` : "",
    context.runUrl ? ` \xB7 [blast-radius graphs and full report in the job summary](${context.runUrl})` : "",
    "</sub>"
  ].join("");
  const create = result.summary.verdict === "fail" || result.findings.length > 0;
  try {
    const { createCommentApi } = await import("./chunks/client-4VIOUFM4.js");
    const api = createCommentApi(inputs.token, pr, deadline);
    const upsert = upsertComment(
      api,
      marker,
      (previous) => commentBody(result, {
        marker,
        footer,
        scrub,
        ...context.runUrl ? { detailsUrl: context.runUrl } : {},
        ...previous ? { previousBody: previous.body } : {}
      }),
      create
    );
    const outcome = await withHardStop(upsert, deadline.budgetMs + 5e3);
    info(
      outcome.action === "skipped" ? "No findings and no earlier comment: nothing to post." : `Pull request comment ${outcome.action} (id ${outcome.id}).`
    );
    return [];
  } catch (error2) {
    const reason = scrub(error2 instanceof Error ? error2.message.split("\n")[0] ?? "" : String(error2));
    warning(
      `The pull request comment was not posted (${reason}); the verdict is unaffected and the job summary has the report.`
    );
    return [`The pull request comment was not posted: ${reason}.`];
  }
}
function withHardStop(promise, ms) {
  let timer;
  const stop = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the GitHub API within ${Math.round(ms / 1e3)} s`)),
      ms
    );
    timer.unref();
  });
  return Promise.race([promise, stop]).finally(() => clearTimeout(timer));
}
function maskSecrets(redactor) {
  for (const value of redactor.values()) {
    setSecret(value);
    if (value.includes("\n")) {
      for (const line of value.split(/\r?\n/)) if (line.trim().length >= 6) setSecret(line.trim());
    }
  }
}
function isDirectory3(dir) {
  try {
    return statSync2(dir).isDirectory();
  } catch {
    return false;
  }
}

// action/index.ts
tuneJitForOneShotRun();
await run();
