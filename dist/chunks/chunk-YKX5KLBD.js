import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);
import {
  isUnknown,
  unknownValue
} from "./chunk-WBPMNH5K.js";

// action/read/expressions.ts
var MAX_DEPTH = 64;
var NON_RESOURCE_ROOTS = /* @__PURE__ */ new Set(["var", "local", "each", "count", "self", "path", "terraform"]);
var EvalScope = class _EvalScope {
  module;
  locals = /* @__PURE__ */ new Map();
  variables;
  variableValues = /* @__PURE__ */ new Map();
  /**
   * Names bound by an enclosing construct (`each`, `count`, a `dynamic` block's iterator) that
   * are not resources. Their traversals are unknown unless `boundValues` holds their value.
   */
  bound;
  boundValues;
  parent;
  /** Resources (addresses without a key) that the reader expanded into count/for_each instances. */
  instanced = /* @__PURE__ */ new Set();
  files;
  constructor(options = {}, bound = /* @__PURE__ */ new Set(), parent, boundValues = /* @__PURE__ */ new Map()) {
    this.module = options.module ?? "";
    this.files = options.files ?? parent?.files;
    for (const [name, raw] of options.locals ?? []) this.locals.set(name, { state: "pending", raw });
    this.variables = options.variables ?? /* @__PURE__ */ new Map();
    this.bound = bound;
    this.boundValues = boundValues;
    this.parent = parent;
  }
  /**
   * A scope that also binds `names` as iteration symbols: to the value `values` gives (an
   * iterator object such as `{ key, value }`), or else as unknown. Never a resource reference.
   */
  withBound(names, values = /* @__PURE__ */ new Map()) {
    const known = new Map(this.boundValues);
    for (const name of names) known.delete(name);
    for (const [name, value] of values) known.set(name, value);
    return new _EvalScope(
      { module: this.module },
      /* @__PURE__ */ new Set([...this.bound, ...names, ...values.keys()]),
      this.root(),
      known
    );
  }
  /** The value bound to `name`, or undefined when it is unknown. */
  boundValue(name) {
    return this.boundValues.get(name);
  }
  /** Records that the resource at `address` (no key) has one record per count/for_each instance. */
  markInstanced(address) {
    this.root().instanced.add(address);
  }
  /**
   * What a reference to `address` with the instance key `key` (`aws_iam_role.tool["search"]`)
   * refers to: that instance when the resource was expanded into instances and the key is
   * known, else the resource as a whole (all of its instances, or its one unexpanded record).
   */
  instanceRef(address, key) {
    if (!this.root().instanced.has(address)) return address;
    if (typeof key === "string") return `${address}[${JSON.stringify(key)}]`;
    if (typeof key === "number" && Number.isInteger(key) && key >= 0) return `${address}[${key}]`;
    return address;
  }
  root() {
    return this.parent ?? this;
  }
  /** The value of `local.<name>`, evaluated once; `undefined` when there is no such local. */
  local(name) {
    const root = this.root();
    if (root !== this) return root.local(name);
    const entry = this.locals.get(name);
    if (entry === void 0) return void 0;
    if (entry.state === "done") return entry.value;
    if (entry.state === "busy") return unknownValue([], `local.${name}`);
    this.locals.set(name, { state: "busy" });
    const value = evaluate(entry.raw, this);
    this.locals.set(name, { state: "done", value });
    return value;
  }
  hasLocal(name) {
    return this.root().locals.has(name);
  }
  /** The value of `var.<name>`: its default, or unknown when it has none (or is undeclared). */
  variable(name) {
    const root = this.root();
    if (root !== this) return root.variable(name);
    if (this.variableValues.has(name)) return this.variableValues.get(name);
    const declaration = this.variables.get(name);
    let value;
    if (declaration === void 0 || !declaration.hasDefault) value = unknownValue([], `var.${name}`);
    else if (declaration.literal) value = declaration.default;
    else {
      this.variableValues.set(name, unknownValue([], `var.${name}`));
      value = evaluate(declaration.default, this);
    }
    if (declaration?.set === true && Array.isArray(value)) value = toSet(value);
    this.variableValues.set(name, value);
    return value;
  }
  /** Prefixes an address with this scope's module path. */
  address(local) {
    return this.module === "" ? local : `${this.module}.${local}`;
  }
};
function evaluate(value, scope = new EvalScope()) {
  return evaluateValue(value, scope, 0);
}
function evaluateTemplate(text, scope = new EvalScope()) {
  if (!text.includes("${") && !text.includes("%{")) return text;
  let node;
  try {
    node = new Parser(text).parseWholeTemplate();
  } catch {
    return unknownValue(scanRefs(text, scope), text);
  }
  const result = evalGuarded(node, scope, text);
  if (isUnknown(result) && /^\s*[[{]/.test(text)) {
    const partial = partialJson(text, scope);
    if (partial !== void 0) return { ...result, partial };
  }
  return result;
}
function partialJson(text, scope) {
  const pieces = [];
  let masked = "";
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf("${", i);
    if (start === -1 || start > 0 && text[start - 1] === "$") {
      if (start === -1) {
        masked += text.slice(i);
        break;
      }
      masked += text.slice(i, start + 2);
      i = start + 2;
      continue;
    }
    let depth = 0;
    let end = start + 2;
    for (; end < text.length; end++) {
      if (text[end] === "{") depth++;
      else if (text[end] === "}") {
        if (depth === 0) break;
        depth--;
      }
    }
    if (end >= text.length) return void 0;
    masked += `${text.slice(i, start)}\uE000${pieces.length}\uE001`;
    pieces.push(text.slice(start, end + 1));
    i = end + 1;
  }
  let parsed;
  try {
    parsed = JSON.parse(masked);
  } catch {
    return void 0;
  }
  const restore = (value, depth) => {
    if (depth > MAX_DEPTH) return unknownValue([]);
    if (typeof value === "string") {
      if (!value.includes("\uE000")) return value;
      const template = value.replace(/\uE000(\d+)\uE001/g, (_, n) => pieces[Number(n)] ?? "");
      return evaluateTemplate(template, scope);
    }
    if (Array.isArray(value)) return value.map((item) => restore(item, depth + 1));
    if (typeof value === "object" && value !== null) {
      const out = {};
      for (const [key, item] of Object.entries(value)) defineKey(out, key, restore(item, depth + 1));
      return out;
    }
    return value;
  };
  return restore(parsed, 0);
}
function evalGuarded(node, scope, text) {
  try {
    return evalNode(node, { scope, depth: 0, budget: { steps: MAX_STEPS } });
  } catch {
    return unknownValue(scanRefs(text, scope), text);
  }
}
function jsonencode(value, expression) {
  const refs = /* @__PURE__ */ new Set();
  if (collectUnknownRefs(value, refs, 0)) {
    return { ...unknownValue([...refs], expression), partial: value };
  }
  try {
    const text = JSON.stringify(sortKeys(value, 0));
    if (text === void 0) return unknownValue([], expression);
    return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  } catch {
    return unknownValue([], expression);
  }
}
function collectUnknownRefs(value, refs, depth = 0) {
  if (depth > MAX_DEPTH) return true;
  if (isUnknown(value)) {
    for (const ref of value.refs) refs.add(ref);
    return true;
  }
  let found = false;
  if (Array.isArray(value)) {
    for (const item of value) if (collectUnknownRefs(item, refs, depth + 1)) found = true;
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) if (collectUnknownRefs(item, refs, depth + 1)) found = true;
  }
  return found;
}
function defineKey(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
function evaluateValue(value, scope, depth) {
  if (depth > MAX_DEPTH) return unknownValue([], "(nested too deeply)");
  if (typeof value === "string") return evaluateTemplate(value, scope);
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, scope, depth + 1));
  if (typeof value === "object" && value !== null) {
    if (isUnknown(value)) return value;
    const out = {};
    for (const [rawKey, item] of Object.entries(value)) {
      const key = rawKey.includes("${") || rawKey.includes("%{") ? evaluateTemplate(rawKey, scope) : rawKey;
      defineKey(out, typeof key === "string" ? key : rawKey, evaluateValue(item, scope, depth + 1));
    }
    return out;
  }
  return value;
}
function sortKeys(value, depth) {
  if (depth > MAX_DEPTH) throw new EvalFailure("nested too deeply");
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, depth + 1));
  if (typeof value === "object" && value !== null) {
    const out = {};
    for (const key of Object.keys(value).sort(compareStrings)) {
      defineKey(out, key, sortKeys(value[key], depth + 1));
    }
    return out;
  }
  return value;
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var ParseFailure = class extends Error {
};
var EvalFailure = class extends Error {
};
var BINARY_PRECEDENCE = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "%": 6
};
var Parser = class _Parser {
  constructor(src) {
    this.src = src;
  }
  src;
  pos = 0;
  depth = 0;
  /** Inside an object constructor a newline ends an item; inside ( ) and [ ] it does not. */
  newlineEnds = false;
  expectEnd() {
    this.skipSpace(true);
    if (this.pos < this.src.length) throw new ParseFailure(`unexpected ${this.src[this.pos]}`);
  }
  /** The whole input is a template: no backslash escapes (hcl2json and Terraform JSON already decoded them). */
  parseWholeTemplate() {
    return this.parseTemplate("raw", this.src.length);
  }
  enter() {
    if (++this.depth > MAX_DEPTH) throw new ParseFailure("nested too deeply");
  }
  leave() {
    this.depth--;
  }
  skipSpace(includeNewlines = !this.newlineEnds) {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === " " || c === "	" || c === "\r") this.pos++;
      else if (c === "\n" && includeNewlines) this.pos++;
      else if (c === "#" || c === "/" && src[this.pos + 1] === "/") {
        while (this.pos < src.length && src[this.pos] !== "\n") this.pos++;
      } else if (c === "/" && src[this.pos + 1] === "*") {
        const end = src.indexOf("*/", this.pos + 2);
        this.pos = end < 0 ? src.length : end + 2;
      } else break;
    }
  }
  peek(s) {
    this.skipSpace();
    return this.src.startsWith(s, this.pos);
  }
  eat(s) {
    if (this.peek(s)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }
  expect(s) {
    if (!this.eat(s)) throw new ParseFailure(`expected ${s}`);
  }
  withNewlines(newlineEnds, fn) {
    const saved = this.newlineEnds;
    this.newlineEnds = newlineEnds;
    try {
      return fn();
    } finally {
      this.newlineEnds = saved;
    }
  }
  identifier() {
    this.skipSpace();
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!match) return void 0;
    this.pos += match[0].length;
    return match[0];
  }
  peekIdentifier() {
    const saved = this.pos;
    const name = this.identifier();
    this.pos = saved;
    return name;
  }
  parseExpression() {
    this.enter();
    try {
      this.skipSpace();
      const start = this.pos;
      const test = this.parseBinary(1);
      if (!this.eat("?")) return test;
      const then = this.withNewlines(false, () => this.parseExpression());
      this.withNewlines(false, () => this.expect(":"));
      const otherwise = this.parseExpression();
      return { kind: "conditional", test, then, else: otherwise, text: this.textFrom(start) };
    } finally {
      this.leave();
    }
  }
  textFrom(start) {
    return this.src.slice(start, this.pos).trim();
  }
  parseBinary(minPrecedence) {
    this.skipSpace();
    const start = this.pos;
    let left = this.parseUnary();
    for (; ; ) {
      const op = this.peekBinaryOperator();
      if (op === void 0) return left;
      const precedence = BINARY_PRECEDENCE[op];
      if (precedence < minPrecedence) return left;
      this.pos += op.length;
      this.enter();
      const right = this.parseBinary(precedence + 1);
      this.leave();
      left = { kind: "binary", op, left, right, text: this.textFrom(start) };
    }
  }
  peekBinaryOperator() {
    this.skipSpace();
    const two = this.src.slice(this.pos, this.pos + 2);
    if (["||", "&&", "==", "!=", "<=", ">="].includes(two)) return two;
    const one = this.src[this.pos];
    if (one === "=" && this.src[this.pos + 1] === ">") return void 0;
    if (one === "/" && (this.src[this.pos + 1] === "/" || this.src[this.pos + 1] === "*")) return void 0;
    if (one !== void 0 && "<>+-*/%".includes(one)) return one;
    return void 0;
  }
  parseUnary() {
    this.skipSpace();
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === "!" || c === "-") {
      this.pos++;
      this.enter();
      const operand = this.parseUnary();
      this.leave();
      return { kind: "unary", op: c, operand, text: this.textFrom(start) };
    }
    return this.parsePostfix();
  }
  parsePostfix() {
    this.skipSpace();
    const start = this.pos;
    const primary = this.parsePrimary();
    const ops = this.parseOps();
    if (ops.length === 0) return primary;
    const text = this.textFrom(start);
    if (primary.kind === "traversal") return { ...primary, ops: [...primary.ops, ...ops], text };
    return { kind: "postfix", target: primary, ops, text };
  }
  /** Attribute access, index and splat operators; after a splat, the rest applies per element. */
  parseOps() {
    const ops = [];
    for (; ; ) {
      if (this.src.startsWith("[*]", this.skipSpaceAndPos())) {
        this.pos += 3;
        this.enter();
        ops.push({ kind: "splat", ops: this.parseOps() });
        this.leave();
        return ops;
      }
      if (this.src.startsWith(".*", this.skipSpaceAndPos())) {
        this.pos += 2;
        this.enter();
        ops.push({ kind: "splat", ops: this.parseOps() });
        this.leave();
        return ops;
      }
      if (this.src.startsWith(".", this.skipSpaceAndPos()) && !this.src.startsWith("...", this.pos)) {
        this.pos++;
        const name = this.identifier();
        if (name !== void 0) ops.push({ kind: "attr", name });
        else {
          const number = /^\d+/.exec(this.src.slice(this.pos, this.pos + 32));
          if (!number) throw new ParseFailure("expected attribute name");
          this.pos += number[0].length;
          ops.push({ kind: "index", key: { kind: "literal", value: Number(number[0]), text: number[0] } });
        }
        continue;
      }
      if (this.src.startsWith("[", this.skipSpaceAndPos())) {
        this.pos++;
        const key = this.withNewlines(false, () => this.parseExpression());
        this.withNewlines(false, () => this.expect("]"));
        ops.push({ kind: "index", key });
        continue;
      }
      return ops;
    }
  }
  skipSpaceAndPos() {
    this.skipSpace();
    return this.pos;
  }
  parsePrimary() {
    this.skipSpace();
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === void 0) throw new ParseFailure("unexpected end of expression");
    if (c === "(") {
      this.pos++;
      const inner = this.withNewlines(false, () => this.parseExpression());
      this.withNewlines(false, () => this.expect(")"));
      return inner;
    }
    if (c === '"') {
      this.pos++;
      return this.parseTemplate("quoted", this.src.length);
    }
    if (c === "<" && this.src.startsWith("<<", this.pos)) return this.parseHeredoc();
    if (c === "[") return this.withNewlines(false, () => this.parseTuple(start));
    if (c === "{") return this.withNewlines(true, () => this.parseObject(start));
    if (/[0-9]/.test(c)) {
      const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos, this.pos + 64));
      this.pos += match[0].length;
      return { kind: "literal", value: Number(match[0]), text: match[0] };
    }
    const name = this.identifier();
    if (name === void 0) throw new ParseFailure(`unexpected ${c}`);
    if (name === "true" || name === "false") return { kind: "literal", value: name === "true", text: name };
    if (name === "null") return { kind: "literal", value: null, text: name };
    if (this.src[this.pos] === "(" || this.peek("(") && !this.newlineEnds) {
      this.pos = this.src.indexOf("(", this.pos) + 1;
      return this.withNewlines(false, () => {
        const args = [];
        let expand = false;
        while (!this.eat(")")) {
          args.push(this.parseExpression());
          if (this.eat("...")) expand = true;
          if (!this.eat(",")) {
            this.expect(")");
            break;
          }
        }
        return { kind: "call", name, args, expand, text: this.textFrom(start) };
      });
    }
    return { kind: "traversal", root: name, ops: [], text: name };
  }
  parseTuple(start) {
    this.pos++;
    if (this.isForKeyword()) return this.parseFor(start, "]");
    const items = [];
    while (!this.eat("]")) {
      items.push(this.parseExpression());
      if (!this.eat(",")) {
        this.expect("]");
        break;
      }
    }
    return { kind: "tuple", items, text: this.textFrom(start) };
  }
  parseObject(start) {
    this.pos++;
    if (this.isForKeyword()) return this.withNewlines(false, () => this.parseFor(start, "}"));
    const items = [];
    for (; ; ) {
      this.skipSpace(true);
      if (this.eat("}")) break;
      const keyStart = this.pos;
      let key;
      const name = this.peekIdentifier();
      const afterName = name === void 0 ? -1 : this.pos + name.length;
      if (name !== void 0 && /^\s*[=:]/.test(this.src.slice(afterName, afterName + 64))) {
        this.pos = afterName;
        key = { kind: "literal", value: name, text: name };
      } else {
        key = this.withNewlines(false, () => this.parseBinary(1));
      }
      this.skipSpace(false);
      if (this.src[this.pos] === "=" && this.src[this.pos + 1] !== "=") this.pos++;
      else if (this.src[this.pos] === ":") this.pos++;
      else throw new ParseFailure(`expected = after object key ${this.src.slice(keyStart, this.pos)}`);
      const value = this.parseExpression();
      items.push({ key, value });
      this.skipSpace(false);
      if (this.src[this.pos] === "," || this.src[this.pos] === "\n") this.pos++;
      else if (this.src[this.pos] !== "}") throw new ParseFailure("expected , or } in object");
    }
    return { kind: "object", items, text: this.textFrom(start) };
  }
  isForKeyword() {
    this.skipSpace(true);
    return /^for\s+[A-Za-z_]/.test(this.src.slice(this.pos, this.pos + 16));
  }
  /** `for k, v in coll : expr [=> expr] [...] [if cond]`, closed by `]` (a tuple) or `}` (an object). */
  parseFor(start, close) {
    this.identifier();
    const { names, collection } = this.forHeader();
    this.expect(":");
    let key;
    let value = this.parseExpression();
    if (close === "}") {
      if (!this.eat("=>")) throw new ParseFailure("expected => in for object");
      key = value;
      value = this.parseExpression();
    }
    const grouped = this.eat("...");
    let condition;
    if (this.peekIdentifier() === "if") {
      this.identifier();
      condition = this.parseExpression();
    }
    this.expect(close);
    return { kind: "for", names, collection, key, value, condition, grouped, text: this.textFrom(start) };
  }
  /** `k, v in coll` of a `for` expression or directive. */
  forHeader() {
    const names = [];
    do {
      const name = this.identifier();
      if (name === void 0) throw new ParseFailure("expected for variable");
      names.push(name);
    } while (this.eat(","));
    if (names.length > 2) throw new ParseFailure("at most two for variables");
    if (this.identifier() !== "in") throw new ParseFailure("expected in");
    return { names, collection: this.parseExpression() };
  }
  parseHeredoc() {
    const start = this.pos;
    const match = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(
      this.src.slice(this.pos, this.pos + 300)
    );
    if (!match) throw new ParseFailure("bad heredoc");
    const bodyStart = this.pos + match[0].length;
    const marker = match[2];
    const lines = [];
    let cursor = bodyStart;
    for (; ; ) {
      if (cursor >= this.src.length) throw new ParseFailure(`heredoc ${marker} not closed`);
      const newline = this.src.indexOf("\n", cursor);
      const end = newline < 0 ? this.src.length : newline;
      const line = this.src.slice(cursor, end).replace(/\r$/, "");
      cursor = newline < 0 ? this.src.length : newline + 1;
      if (line.trim() === marker) {
        this.pos = newline < 0 ? this.src.length : end;
        break;
      }
      lines.push(line);
    }
    if (match[1] === "-") {
      const indents = lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)[0].length);
      const strip = indents.length === 0 ? 0 : Math.min(...indents);
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i].slice(strip);
    }
    const body = lines.length === 0 ? "" : `${lines.join("\n")}
`;
    const inner = new _Parser(body);
    inner.depth = this.depth;
    const template = inner.parseWholeTemplate();
    return { ...template, text: this.src.slice(start, this.pos) };
  }
  /**
   * A template: `raw` runs to `end` (no backslash escapes), `quoted` runs to the closing quote
   * and decodes HCL escapes. `$${` and `%%{` are literal `${` and `%{` in both.
   */
  parseTemplate(mode, end) {
    const start = mode === "quoted" ? this.pos - 1 : this.pos;
    const { parts } = this.templateParts(mode, end, []);
    return { kind: "template", parts, text: this.src.slice(start, this.pos) };
  }
  /**
   * Template parts up to the template's end or, inside a directive, up to one of `closers`
   * (`%{ else }`, `%{ endif }`, `%{ endfor }`), which is consumed and returned.
   */
  templateParts(mode, end, closers) {
    this.enter();
    const parts = [];
    let literal = "";
    const src = this.src;
    const flush = () => {
      if (literal !== "") parts.push(literal);
      literal = "";
    };
    const openMarker = () => {
      this.pos += 2;
      if (src[this.pos] === "~") {
        this.pos++;
        literal = literal.replace(/\s+$/, "");
      }
      flush();
    };
    for (; ; ) {
      if (this.pos >= end || mode === "quoted" && src[this.pos] === '"') {
        if (closers.length > 0) throw new ParseFailure(`expected %{ ${closers.join(" or ")} }`);
        if (this.pos >= end && mode === "quoted") throw new ParseFailure("unterminated string");
        if (mode === "quoted") this.pos++;
        break;
      }
      const c = src[this.pos];
      if (src.startsWith("$${", this.pos) || src.startsWith("%%{", this.pos)) {
        literal += `${c}{`;
        this.pos += 3;
      } else if (src.startsWith("${", this.pos)) {
        openMarker();
        parts.push(this.withNewlines(false, () => this.parseExpression()));
        this.closeInterpolation(end);
      } else if (src.startsWith("%{", this.pos)) {
        openMarker();
        const keyword = this.identifier() ?? "";
        if (closers.includes(keyword)) {
          this.closeInterpolation(end);
          this.leave();
          return { parts, closer: keyword };
        }
        parts.push(this.parseDirective(keyword, mode, end));
      } else if (mode === "quoted" && c === "\\") {
        literal += this.escape();
      } else {
        literal += c;
        this.pos++;
      }
    }
    flush();
    this.leave();
    return { parts };
  }
  /** `%{ if cond }…[%{ else }…]%{ endif }` or `%{ for [k,] v in coll }…%{ endfor }`, after its keyword. */
  parseDirective(keyword, mode, end) {
    if (keyword === "if") {
      const condition = this.withNewlines(false, () => this.parseExpression());
      this.closeInterpolation(end);
      const whenTrue = this.templateParts(mode, end, ["else", "endif"]);
      const whenFalse = whenTrue.closer === "else" ? this.templateParts(mode, end, ["endif"]).parts : [];
      return { kind: "template-if", condition, whenTrue: whenTrue.parts, whenFalse };
    }
    if (keyword === "for") {
      const { names, collection } = this.withNewlines(false, () => this.forHeader());
      this.closeInterpolation(end);
      const body = this.templateParts(mode, end, ["endfor"]).parts;
      return { kind: "template-for", names, collection, body };
    }
    throw new ParseFailure(`unexpected directive ${keyword}`);
  }
  /** `}` closing `${ … ~}` or `%{ … ~}`; a `~` strips the whitespace after it. */
  closeInterpolation(end) {
    this.skipSpace(true);
    const strip = this.src[this.pos] === "~";
    if (strip) this.pos++;
    if (this.src[this.pos] !== "}") throw new ParseFailure("expected } to close interpolation");
    this.pos++;
    if (strip) while (this.pos < end && /\s/.test(this.src[this.pos])) this.pos++;
  }
  escape() {
    const next = this.src[this.pos + 1];
    this.pos += 2;
    switch (next) {
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "	";
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "u":
      case "U": {
        const length = next === "u" ? 4 : 8;
        const hex = this.src.slice(this.pos, this.pos + length);
        if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== length)
          throw new ParseFailure("bad unicode escape");
        this.pos += length;
        const code = Number.parseInt(hex, 16);
        if (code > 1114111) throw new ParseFailure("bad unicode escape");
        return String.fromCodePoint(code);
      }
      default:
        throw new ParseFailure(`bad escape \\${next ?? ""}`);
    }
  }
};
var MAX_STEPS = 2e5;
var MAX_VALUE_SIZE = 1 << 20;
function bounded(value) {
  if (typeof value === "string" || Array.isArray(value)) {
    if (value.length > MAX_VALUE_SIZE) throw new EvalFailure("value too large");
  } else if (typeof value === "object" && value !== null) {
    let keys = 0;
    for (const key in value)
      if (Object.hasOwn(value, key) && ++keys > MAX_VALUE_SIZE) throw new EvalFailure("value too large");
  }
  return value;
}
function evalNode(node, ctx) {
  if (ctx.depth > MAX_DEPTH) return unknownValue(staticRefs(node, ctx.scope), node.text);
  const inner = { ...ctx, depth: ctx.depth + 1 };
  try {
    return evalNodeUnsafe(node, inner);
  } catch (error) {
    if (error instanceof EvalFailure || error instanceof RangeError) {
      return unknownValue(staticRefs(node, ctx.scope), node.text);
    }
    throw error;
  }
}
function unknownFrom(inputs, text) {
  const refs = /* @__PURE__ */ new Set();
  for (const input of inputs) collectUnknownRefs(input, refs);
  return unknownValue([...refs], text);
}
function evalNodeUnsafe(node, ctx) {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "template":
      return bounded(evalTemplate(node, ctx));
    case "traversal":
      return evalTraversal(node.root, node.ops, node.text, ctx);
    case "postfix":
      return applyOps(evalNode(node.target, ctx), node.ops, node.text, ctx);
    case "call":
      return bounded(callFunction(node, ctx));
    case "unary": {
      const operand = evalNode(node.operand, ctx);
      if (isUnknown(operand)) return unknownFrom([operand], node.text);
      if (node.op === "!") return !asBool(operand);
      return -asNumber(operand);
    }
    case "binary":
      return evalBinary(node.op, node.left, node.right, node.text, ctx);
    case "conditional": {
      const test = evalNode(node.test, ctx);
      if (isUnknown(test)) {
        return unknownFrom([test, evalNode(node.then, ctx), evalNode(node.else, ctx)], node.text);
      }
      return asBool(test) ? evalNode(node.then, ctx) : evalNode(node.else, ctx);
    }
    case "tuple":
      return node.items.map((item) => evalNode(item, ctx));
    case "object": {
      const out = {};
      for (const item of node.items) {
        const key = evalNode(item.key, ctx);
        if (isUnknown(key)) return unknownFrom([key], node.text);
        defineKey(out, toTemplateString(key), evalNode(item.value, ctx));
      }
      return out;
    }
    case "for":
      return bounded(evalFor(node, ctx));
  }
}
var MAX_FOR_ITEMS = 1e4;
function evalFor(node, ctx) {
  const unknown = () => unknownValue(staticRefs(node, ctx.scope), node.text);
  const collection = evalNode(node.collection, ctx);
  if (isUnknown(collection)) return unknown();
  const entries = forEntries(collection);
  if (entries.length > MAX_FOR_ITEMS) return unknown();
  const tuple = [];
  const object = {};
  for (const [key, value] of entries) {
    const inner = iterationContext(node.names, key, value, ctx);
    if (node.condition !== void 0) {
      const keep = evalNode(node.condition, inner);
      if (isUnknown(keep)) return unknown();
      if (!asBool(keep)) continue;
    }
    const item = evalNode(node.value, inner);
    if (node.key === void 0) {
      tuple.push(item);
      continue;
    }
    const itemKey = evalNode(node.key, inner);
    if (isUnknown(itemKey)) return unknown();
    const name = toTemplateString(itemKey);
    const seen = Object.hasOwn(object, name);
    if (node.grouped) defineKey(object, name, [...seen ? object[name] : [], item]);
    else if (seen) throw new EvalFailure("duplicate key in for expression");
    else defineKey(object, name, item);
  }
  return node.key === void 0 ? tuple : object;
}
function forEntries(collection) {
  if (Array.isArray(collection)) {
    const keyOf = SETS.has(collection) ? (item, index) => typeof item === "string" || typeof item === "number" ? item : index : (_item, index) => index;
    return collection.map((item, index) => [keyOf(item, index), item]);
  }
  if (typeof collection === "object" && collection !== null) {
    return Object.keys(collection).sort(compareStrings).map((key) => [key, collection[key]]);
  }
  throw new EvalFailure("for over something that is not a collection");
}
function iterationContext(names, key, value, ctx) {
  if (--ctx.budget.steps < 0) throw new EvalFailure("too many iterations");
  const bound = new Map(
    names.length === 2 ? [
      [names[0], key],
      [names[1], value]
    ] : [[names[0], value]]
  );
  return { ...ctx, scope: ctx.scope.withBound(names, bound), depth: ctx.depth + 1 };
}
function evalTemplate(node, ctx) {
  const only = node.parts.length === 1 ? node.parts[0] : void 0;
  if (only !== void 0 && typeof only !== "string" && !isDirective(only)) {
    return evalNode(only, ctx);
  }
  const pieces = [];
  templatePieces(node.parts, ctx, pieces, { length: 0 });
  const unknowns = pieces.filter(isUnknown);
  if (unknowns.length > 0) return unknownFrom(unknowns, node.text);
  return pieces.join("");
}
function unknownDirective(part, ctx) {
  return unknownValue(staticRefs({ kind: "template", parts: [part], text: "" }, ctx.scope));
}
function isDirective(part) {
  return part.kind === "template-if" || part.kind === "template-for";
}
function templatePieces(parts, ctx, pieces, size) {
  if (ctx.depth > MAX_DEPTH) throw new EvalFailure("nested too deeply");
  for (const part of parts) {
    if (typeof part === "string") {
      pieces.push(part);
      size.length += part.length;
    } else if (part.kind === "template-if") {
      const condition = evalNode(part.condition, ctx);
      if (isUnknown(condition)) pieces.push(unknownDirective(part, ctx));
      else {
        const branch = asBool(condition) ? part.whenTrue : part.whenFalse;
        templatePieces(branch, { ...ctx, depth: ctx.depth + 1 }, pieces, size);
      }
    } else if (part.kind === "template-for") {
      const collection = evalNode(part.collection, ctx);
      if (isUnknown(collection)) {
        pieces.push(unknownDirective(part, ctx));
        continue;
      }
      for (const [key, value] of forEntries(collection)) {
        templatePieces(part.body, iterationContext(part.names, key, value, ctx), pieces, size);
      }
    } else {
      const value = evalNode(part, ctx);
      const text = isUnknown(value) ? value : toTemplateString(value);
      pieces.push(text);
      if (typeof text === "string") size.length += text.length;
    }
    if (size.length > MAX_VALUE_SIZE) throw new EvalFailure("value too large");
  }
}
function toTemplateString(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  throw new EvalFailure("cannot convert to string");
}
function formatNumber(value) {
  if (!Number.isFinite(value)) throw new EvalFailure("not a finite number");
  return String(value);
}
function evalTraversal(root, ops, text, ctx) {
  const scope = ctx.scope;
  if (scope.bound.has(root)) {
    const value = scope.boundValue(root);
    return value === void 0 ? unknownValue([], text) : applyOps(value, ops, text, ctx);
  }
  const first = ops[0];
  const firstName = first?.kind === "attr" ? first.name : void 0;
  switch (root) {
    case "local": {
      if (firstName === void 0 || !scope.hasLocal(firstName)) throw new EvalFailure("no such local");
      return applyOps(scope.local(firstName), ops.slice(1), text, ctx);
    }
    case "var":
      if (firstName === void 0) throw new EvalFailure("bad variable reference");
      return applyOps(scope.variable(firstName), ops.slice(1), text, ctx);
    case "module":
      return unknownValue(firstName === void 0 ? [] : [scope.address(`module.${firstName}`)], text);
    case "path": {
      const dir = firstName === "module" ? scope.files?.moduleDir : scope.files && ".";
      if (dir === void 0 || ops.length !== 1 || !["module", "root", "cwd"].includes(firstName)) {
        return unknownValue([], text);
      }
      return dir;
    }
    case "data": {
      const second = ops[1];
      if (firstName === void 0 || second?.kind !== "attr") return unknownValue([], text);
      const address = scope.address(`data.${firstName}.${second.name}`);
      return unknownValue([scope.instanceRef(address, instanceKey(ops[2], ctx))], text);
    }
    default:
      if (NON_RESOURCE_ROOTS.has(root) || firstName === void 0) return unknownValue([], text);
      return unknownValue(
        [scope.instanceRef(scope.address(`${root}.${firstName}`), instanceKey(ops[1], ctx))],
        text
      );
  }
}
function instanceKey(op, ctx) {
  if (op?.kind !== "index") return void 0;
  try {
    return evalNode(op.key, ctx);
  } catch {
    return void 0;
  }
}
function applyOps(value, ops, text, ctx) {
  let current = value;
  for (let i = 0; i < ops.length; i++) {
    if (isUnknown(current)) return unknownFrom([current], text);
    const op = ops[i];
    if (op.kind === "splat") {
      if (current === null) return [];
      const list = Array.isArray(current) ? current : [current];
      return list.map((item) => applyOps(item, op.ops, text, ctx));
    }
    const key = op.kind === "attr" ? op.name : evalNode(op.key, ctx);
    if (isUnknown(key)) return unknownFrom([key], text);
    current = lookup(current, key);
  }
  return current;
}
function lookup(container, key) {
  if (Array.isArray(container)) {
    const index = typeof key === "string" && /^\d+$/.test(key) ? Number(key) : key;
    if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= container.length) {
      throw new EvalFailure("index out of range");
    }
    return container[index];
  }
  if (typeof container === "object" && container !== null) {
    const name = typeof key === "number" ? String(key) : key;
    if (typeof name !== "string" || !Object.hasOwn(container, name)) throw new EvalFailure("no such key");
    return container[name];
  }
  throw new EvalFailure("not a collection");
}
function evalBinary(op, leftNode, rightNode, text, ctx) {
  const left = evalNode(leftNode, ctx);
  if (op === "&&" && left === false) return false;
  if (op === "||" && left === true) return true;
  const right = evalNode(rightNode, ctx);
  if (op === "&&" && right === false && !isUnknown(left)) return false;
  if (op === "||" && right === true && !isUnknown(left)) return true;
  if (isUnknown(left) || isUnknown(right)) return unknownFrom([left, right], text);
  switch (op) {
    case "==":
      return deepEqual(left, right);
    case "!=":
      return !deepEqual(left, right);
    case "&&":
      return asBool(left) && asBool(right);
    case "||":
      return asBool(left) || asBool(right);
  }
  const a = asNumber(left);
  const b = asNumber(right);
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) throw new EvalFailure("division by zero");
      return a / b;
    case "%":
      if (b === 0) throw new EvalFailure("division by zero");
      return a % b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
  throw new EvalFailure(`unsupported operator ${op}`);
}
function deepEqual(a, b, depth = 0) {
  if (depth > MAX_DEPTH) throw new EvalFailure("nested too deeply");
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i], depth + 1));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key], depth + 1));
  }
  return false;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value);
}
function asBool(value) {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw new EvalFailure("not a bool");
}
function asNumber(value) {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  throw new EvalFailure("not a number");
}
function asString(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return toTemplateString(value);
  throw new EvalFailure("not a string");
}
function asList(value) {
  if (Array.isArray(value)) return value;
  throw new EvalFailure("not a list");
}
var STRICT_FUNCTIONS = {
  jsondecode: ([text]) => {
    try {
      return JSON.parse(asString(text));
    } catch {
      throw new EvalFailure("invalid JSON");
    }
  },
  lower: ([s]) => asString(s).toLowerCase(),
  upper: ([s]) => asString(s).toUpperCase(),
  trimspace: ([s]) => asString(s).trim(),
  chomp: ([s]) => asString(s).replace(/(\r?\n)+$/, ""),
  trimprefix: ([s, p]) => {
    const str = asString(s);
    const prefix = asString(p);
    return str.startsWith(prefix) ? str.slice(prefix.length) : str;
  },
  trimsuffix: ([s, p]) => {
    const str = asString(s);
    const suffix = asString(p);
    return suffix !== "" && str.endsWith(suffix) ? str.slice(0, -suffix.length) : str;
  },
  startswith: ([s, p]) => asString(s).startsWith(asString(p)),
  endswith: ([s, p]) => asString(s).endsWith(asString(p)),
  split: ([sep2, s]) => asString(s).split(asString(sep2)),
  replace: ([s, from, to]) => {
    const search = asString(from);
    if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) {
      throw new EvalFailure("regular expression replace is not evaluated");
    }
    return asString(s).split(search).join(asString(to));
  },
  join: ([sep2, ...lists]) => lists.flatMap((list) => asList(list).map(asString)).join(asString(sep2)),
  format: ([spec, ...rest]) => format(asString(spec), rest),
  tostring: ([v]) => v === null ? null : asString(v),
  tonumber: ([v]) => v === null ? null : asNumber(v),
  tobool: ([v]) => v === null ? null : asBool(v),
  length: ([v]) => {
    if (typeof v === "string") return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isRecord(v)) return Object.keys(v).length;
    throw new EvalFailure("no length");
  },
  keys: ([v]) => {
    if (!isRecord(v)) throw new EvalFailure("not a map");
    return Object.keys(v).sort(compareStrings);
  },
  values: ([v]) => {
    if (!isRecord(v)) throw new EvalFailure("not a map");
    return Object.keys(v).sort(compareStrings).map((key) => v[key]);
  },
  contains: ([list, v]) => asList(list).some((item) => deepEqual(item, v)),
  distinct: ([list]) => distinct(asList(list)),
  toset: ([list]) => toSet(asList(list)),
  sort: ([list]) => asList(list).map(asString).sort(compareStrings),
  flatten: ([list]) => flatten(asList(list), 0),
  compact: ([list]) => asList(list).filter((item) => item !== null && item !== ""),
  element: ([list, index]) => {
    const items = asList(list);
    if (items.length === 0) throw new EvalFailure("empty list");
    const i = asNumber(index);
    return items[(Math.floor(i) % items.length + items.length) % items.length];
  },
  zipmap: ([keys, vals]) => {
    const out = {};
    const values = asList(vals);
    asList(keys).forEach((key, i) => {
      defineKey(out, asString(key), values[i]);
    });
    return out;
  },
  min: (args) => Math.min(...args.map(asNumber)),
  max: (args) => Math.max(...args.map(asNumber)),
  abs: ([n]) => Math.abs(asNumber(n))
};
var SHAPE_FUNCTIONS = {
  merge: (args) => {
    const out = {};
    for (const arg of args) {
      if (arg === null) continue;
      if (!isRecord(arg)) throw new EvalFailure("merge needs objects");
      for (const [key, value] of Object.entries(arg)) defineKey(out, key, value);
    }
    return out;
  },
  concat: (args) => args.flatMap((arg) => asList(arg)),
  tolist: ([v]) => asList(v),
  tomap: ([v]) => {
    if (!isRecord(v)) throw new EvalFailure("not a map");
    return v;
  },
  lookup: ([map, key, ...fallback]) => {
    if (!isRecord(map)) throw new EvalFailure("not a map");
    const name = asString(key);
    if (Object.hasOwn(map, name)) return map[name];
    if (fallback.length > 0) return fallback[0];
    throw new EvalFailure("no such key");
  },
  coalesce: (args) => {
    for (const arg of args) {
      if (isUnknown(arg)) throw new UnknownArgument();
      if (arg !== null && arg !== "") return arg;
    }
    throw new EvalFailure("no non-null argument");
  },
  try: () => {
    throw new UnknownArgument();
  }
};
var UnknownArgument = class extends Error {
};
function callFunction(node, ctx) {
  let args = node.args.map((arg) => evalNode(arg, ctx));
  if (node.expand && args.length > 0) {
    const last = args[args.length - 1];
    if (isUnknown(last)) return unknownFrom(args, node.text);
    args = [...args.slice(0, -1), ...asList(last)];
  }
  const name = node.name;
  if (name === "jsonencode") {
    return jsonencode(args[0], node.text);
  }
  if (name === "file" || name === "templatefile") return readConfigFile(name, args, node.text, ctx.scope);
  const strict = Object.hasOwn(STRICT_FUNCTIONS, name) ? STRICT_FUNCTIONS[name] : void 0;
  if (strict !== void 0) {
    const refs = /* @__PURE__ */ new Set();
    if (args.some((arg) => collectUnknownRefs(arg, refs))) return unknownValue([...refs], node.text);
    return strict(args, node.text);
  }
  const shape = Object.hasOwn(SHAPE_FUNCTIONS, name) ? SHAPE_FUNCTIONS[name] : void 0;
  if (shape !== void 0) {
    if (name !== "coalesce" && name !== "try" && args.some(isUnknown)) {
      return unknownFrom(args.filter(isUnknown), node.text);
    }
    try {
      return shape(args, node.text);
    } catch (error) {
      if (error instanceof UnknownArgument) return unknownFrom(args, node.text);
      throw error;
    }
  }
  return unknownFrom(args, node.text);
}
function readConfigFile(name, args, text, scope) {
  const [path, vars] = args;
  if (typeof path !== "string" || scope.files === void 0) return unknownFrom(args, text);
  const content = scope.files.read(path);
  if (content === void 0) return unknownValue([], text);
  if (name === "file") return content;
  if (typeof vars !== "object" || vars === null || Array.isArray(vars) || isUnknown(vars)) {
    return unknownFrom([vars], text);
  }
  const values = new Map(Object.entries(vars));
  return evaluateTemplate(
    content,
    new EvalScope({ module: scope.module }).withBound([...values.keys()], values)
  );
}
function distinct(list) {
  const out = [];
  for (const item of list) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
  return out;
}
var SETS = /* @__PURE__ */ new WeakSet();
function toSet(list) {
  const items = distinct(list);
  let set = items;
  if (items.every((item) => typeof item === "string")) set = items.sort(compareStrings);
  else if (items.every((item) => typeof item === "number")) set = items.sort((a, b) => a - b);
  SETS.add(set);
  return set;
}
function flatten(list, depth) {
  if (depth > MAX_DEPTH) throw new EvalFailure("nested too deeply");
  return list.flatMap((item) => Array.isArray(item) ? flatten(item, depth + 1) : [item]);
}
function format(spec, args) {
  let next = 0;
  return spec.replace(/%(%|[-+ #0]*\d*(?:\.\d+)?[sdvqftb])/g, (whole, verb) => {
    if (verb === "%") return "%";
    if (next >= args.length) throw new EvalFailure("not enough arguments for format");
    const arg = args[next++];
    switch (verb.at(-1)) {
      case "s":
      case "v":
        return asString(arg);
      case "q":
        return JSON.stringify(asString(arg));
      case "d":
        return String(Math.trunc(asNumber(arg)));
      case "t":
        return String(asBool(arg));
      default:
        throw new EvalFailure(`unsupported format verb ${whole}`);
    }
  });
}
function staticRefs(node, scope) {
  const refs = /* @__PURE__ */ new Set();
  visitRefs(node, scope, new Set(scope.bound), refs, 0);
  return [...refs];
}
function visitRefs(node, scope, bound, refs, depth) {
  if (depth > MAX_DEPTH) return;
  const visit = (child, names = bound) => visitRefs(child, scope, names, refs, depth + 1);
  const visitOps = (ops) => {
    for (const op of ops) {
      if (op.kind === "index") visit(op.key);
      else if (op.kind === "splat") visitOps(op.ops);
    }
  };
  const visitTemplateRefs = (parts, names) => {
    for (const part of parts) {
      if (typeof part === "string") continue;
      if (part.kind === "template-if") {
        visit(part.condition, names);
        visitTemplateRefs(part.whenTrue, names);
        visitTemplateRefs(part.whenFalse, names);
      } else if (part.kind === "template-for") {
        visit(part.collection, names);
        visitTemplateRefs(part.body, /* @__PURE__ */ new Set([...names, ...part.names]));
      } else visit(part, names);
    }
  };
  switch (node.kind) {
    case "literal":
      return;
    case "template":
      visitTemplateRefs(node.parts, bound);
      return;
    case "traversal": {
      visitOps(node.ops);
      if (bound.has(node.root)) return;
      const needed = node.root === "data" ? 2 : 1;
      try {
        const value = evalTraversal(node.root, node.ops.slice(0, needed), node.text, {
          scope,
          depth: depth + 1,
          budget: { steps: MAX_STEPS }
        });
        collectUnknownRefs(value, refs);
      } catch {
      }
      return;
    }
    case "postfix":
      visit(node.target);
      visitOps(node.ops);
      return;
    case "call":
      for (const arg of node.args) visit(arg);
      return;
    case "unary":
      visit(node.operand);
      return;
    case "binary":
      visit(node.left);
      visit(node.right);
      return;
    case "conditional":
      visit(node.test);
      visit(node.then);
      visit(node.else);
      return;
    case "tuple":
      for (const item of node.items) visit(item);
      return;
    case "object":
      for (const item of node.items) {
        visit(item.key);
        visit(item.value);
      }
      return;
    case "for": {
      visit(node.collection);
      const inner = /* @__PURE__ */ new Set([...bound, ...node.names]);
      for (const part of [node.key, node.value, node.condition]) if (part) visit(part, inner);
      return;
    }
  }
}
function scanRefs(text, scope) {
  const refs = /* @__PURE__ */ new Set();
  const pattern = /(?<![\w.-])([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g;
  for (const match of text.matchAll(pattern)) {
    const [, root, first, second] = match;
    if (root === void 0 || first === void 0 || NON_RESOURCE_ROOTS.has(root) || scope.bound.has(root)) {
      continue;
    }
    if (root === "module") refs.add(scope.address(`module.${first}`));
    else if (root === "data") {
      if (second !== void 0) refs.add(scope.address(`data.${first}.${second}`));
    } else if (/^[a-z][a-z0-9]*_[\w-]+$/.test(root)) refs.add(scope.address(`${root}.${first}`));
  }
  return [...refs];
}

// action/read/hcl/bodies.ts
function withoutComment(body) {
  const out = {};
  for (const [key, value] of Object.entries(body)) if (key !== "//") defineKey(out, key, value);
  return out;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value);
}
function bodies(value) {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}
function labeled(value) {
  const out = [];
  for (const group of bodies(value)) {
    for (const [name, items] of Object.entries(group)) {
      for (const body of bodies(items)) out.push([name, body]);
    }
  }
  return out;
}
function labeled2(value) {
  const out = [];
  for (const [type, group] of labeled(value)) {
    for (const [name, body] of labeled(group)) out.push([type, name, body]);
  }
  return out;
}

// action/read/hcl/instances.ts
var MAX_INSTANCES = 1e3;
function instanceBudget() {
  return { left: 2e4 };
}
function blockInstances(body, scope, budget) {
  const instances = knownInstances(body, scope);
  if (instances === void 0 || instances.length > budget.left) return void 0;
  if (instances.length === 0 && !literallyNone(body.count ?? body.for_each)) return void 0;
  budget.left -= instances.length;
  return instances;
}
function literallyNone(written) {
  if (written === 0) return true;
  if (Array.isArray(written)) return written.length === 0;
  return typeof written === "object" && written !== null && Object.keys(written).length === 0;
}
function knownInstances(body, scope) {
  if (body.count !== void 0) {
    const count = evaluate(body.count, scope);
    if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > MAX_INSTANCES) {
      return void 0;
    }
    return Array.from({ length: count }, (_, index) => ({
      key: index,
      scope: scope.withBound(["count"], /* @__PURE__ */ new Map([["count", { index }]]))
    }));
  }
  if (body.for_each !== void 0) {
    const entries = forEachEntries(evaluate(body.for_each, scope));
    if (entries === void 0 || entries.length > MAX_INSTANCES) return void 0;
    return entries.map(([key, value]) => ({
      key,
      scope: scope.withBound(["each"], /* @__PURE__ */ new Map([["each", { key, value }]]))
    }));
  }
  return void 0;
}
function instanceAddress(address, key) {
  return `${address}[${typeof key === "number" ? key : JSON.stringify(key)}]`;
}
function forEachEntries(value) {
  if (isUnknown(value)) return void 0;
  let entries;
  if (Array.isArray(value)) {
    if (!value.every((item) => typeof item === "string")) return void 0;
    entries = [...new Set(value)].map((item) => [item, item]);
  } else if (typeof value === "object" && value !== null) {
    entries = Object.entries(value);
  } else {
    return void 0;
  }
  return entries.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
}

// action/read/hcl/policy-document.ts
function renderPolicyDocument(values) {
  const refs = /* @__PURE__ */ new Set();
  const merged = ["source_policy_documents", "override_policy_documents", "source_json", "override_json"];
  for (const key of merged) {
    const value = values[key];
    if (value === void 0 || value === null || Array.isArray(value) && value.length === 0) continue;
    collectUnknownRefs(value, refs);
    return unknownValue([...refs], `data.aws_iam_policy_document (${key})`);
  }
  const inputs = [values.statement, values.version, values.policy_id];
  if (inputs.some((input) => collectUnknownRefs(input, refs))) {
    return unknownValue([...refs], "data.aws_iam_policy_document");
  }
  const document = {
    Version: typeof values.version === "string" && values.version !== "" ? values.version : "2012-10-17"
  };
  if (typeof values.policy_id === "string" && values.policy_id !== "") document.Id = values.policy_id;
  document.Statement = bodies(values.statement).map(renderStatement);
  return JSON.stringify(document, null, 2);
}
function renderStatement(statement) {
  const out = {};
  if (typeof statement.sid === "string" && statement.sid !== "") out.Sid = statement.sid;
  out.Effect = typeof statement.effect === "string" && statement.effect !== "" ? statement.effect : "Allow";
  const lists = [
    ["actions", "Action"],
    ["not_actions", "NotAction"],
    ["resources", "Resource"],
    ["not_resources", "NotResource"]
  ];
  for (const [from, to] of lists) {
    const list = stringsOf(statement[from]);
    if (list.length > 0) out[to] = oneOrMany(list);
  }
  for (const [from, to] of [
    ["principals", "Principal"],
    ["not_principals", "NotPrincipal"]
  ]) {
    const principal = renderPrincipals(bodies(statement[from]));
    if (principal !== void 0) out[to] = principal;
  }
  const condition = {};
  for (const block of bodies(statement.condition)) {
    if (typeof block.test !== "string" || typeof block.variable !== "string") continue;
    const byVariable = Object.hasOwn(condition, block.test) ? condition[block.test] : {};
    defineKey(condition, block.test, byVariable);
    const existing = Object.hasOwn(byVariable, block.variable) ? byVariable[block.variable] : [];
    const values = [...Array.isArray(existing) ? existing : [existing], ...stringsOf(block.values)];
    defineKey(byVariable, block.variable, oneOrMany(values));
  }
  if (Object.keys(condition).length > 0) out.Condition = condition;
  return out;
}
function renderPrincipals(blocks) {
  if (blocks.length === 0) return void 0;
  const byType = {};
  for (const block of blocks) {
    if (typeof block.type !== "string") continue;
    const identifiers = stringsOf(block.identifiers);
    if (block.type === "*" && identifiers.length === 1 && identifiers[0] === "*") return "*";
    const existing = Object.hasOwn(byType, block.type) ? byType[block.type] : [];
    defineKey(byType, block.type, [...existing, ...identifiers]);
  }
  const out = {};
  for (const [type, identifiers] of Object.entries(byType)) defineKey(out, type, oneOrMany(identifiers));
  return out;
}
function stringsOf(value) {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item) => typeof item === "string");
}
function oneOrMany(list) {
  return list.length === 1 ? list[0] : [...list];
}

// action/read/hcl/blocks.ts
var META_ARGUMENTS = /* @__PURE__ */ new Set([
  "count",
  "for_each",
  "depends_on",
  "provider",
  "lifecycle",
  "provisioner",
  "connection",
  "dynamic"
]);
function blockRecords(block, module, source, scope) {
  const { address, mode, type, name, body, instances } = block;
  const record = (values, key) => ({
    address: key === void 0 ? address : instanceAddress(address, key),
    mode,
    type,
    name,
    module,
    ...key === void 0 ? {} : { index: key },
    values,
    sensitivePaths: [],
    actions: ["create"],
    source
  });
  if (instances === void 0) return [record(configValues(type, mode, body, scope))];
  return instances.map((instance) => record(configValues(type, mode, body, instance.scope), instance.key));
}
function configValues(type, mode, body, scope) {
  const values = blockValues(body, scope, META_ARGUMENTS, 0, { left: MAX_GENERATED_BLOCKS });
  if (mode === "data" && type === "aws_iam_policy_document") {
    defineKey(values, "json", renderPolicyDocument(values));
  }
  return values;
}
var MAX_DYNAMIC_BLOCKS = 1e3;
var MAX_GENERATED_BLOCKS = 1e4;
function blockValues(body, scope, skipped, depth, budget) {
  const values = {};
  for (const [key, value] of Object.entries(body)) {
    if (skipped.has(key)) continue;
    defineKey(
      values,
      key,
      holdsDynamicBlock(value, 0) ? nestedBlocks(value, scope, depth + 1, budget) : evaluate(value, scope)
    );
  }
  for (const [blockName, dynamic] of labeled(body.dynamic)) {
    const iterator = iteratorName(dynamic.iterator) ?? blockName;
    const content = bodies(dynamic.content)[0];
    const forEach = evaluate(dynamic.for_each, scope);
    const items = content === void 0 ? void 0 : iterationItems(forEach, iterator);
    const existing = values[blockName];
    const countable = items !== void 0 && (items.length > 0 || literallyNone(dynamic.for_each)) && items.length <= budget.left;
    if (countable && content !== void 0 && !isUnknown(existing)) {
      budget.left -= items.length;
      const generated = items.map(
        (item) => blockValues(
          content,
          scope.withBound([iterator], /* @__PURE__ */ new Map([[iterator, item]])),
          DYNAMIC_ONLY,
          depth + 1,
          budget
        )
      );
      defineKey(values, blockName, [...bodies(existing), ...generated]);
      continue;
    }
    const refs = /* @__PURE__ */ new Set();
    collectUnknownRefs(forEach, refs);
    if (content !== void 0) {
      collectUnknownRefs(
        blockValues(content, scope.withBound([iterator]), DYNAMIC_ONLY, depth + 1, budget),
        refs
      );
    }
    if (existing !== void 0) collectUnknownRefs(existing, refs);
    defineKey(values, blockName, unknownValue([...refs], `dynamic "${blockName}"`));
  }
  return values;
}
var DYNAMIC_ONLY = /* @__PURE__ */ new Set(["dynamic"]);
function iteratorName(value) {
  if (typeof value !== "string") return void 0;
  return /^(?:\$\{\s*)?([A-Za-z_][\w-]*)(?:\s*\})?$/.exec(value.trim())?.[1];
}
var MAX_BLOCK_NESTING = 32;
function nestedBlocks(value, scope, depth, budget) {
  if (depth > MAX_BLOCK_NESTING) return unknownValue([], "blocks nested too deeply");
  const read = (item) => isObject(item) ? blockValues(item, scope, DYNAMIC_ONLY, depth, budget) : evaluate(item, scope);
  return Array.isArray(value) ? value.map(read) : read(value);
}
function holdsDynamicBlock(value, depth) {
  if (depth > 2 * MAX_BLOCK_NESTING) return true;
  if (Array.isArray(value)) return value.some((item) => holdsDynamicBlock(item, depth + 1));
  if (!isObject(value)) return false;
  if (isObject(value.dynamic) || Array.isArray(value.dynamic)) return true;
  return Object.values(value).some((item) => holdsDynamicBlock(item, depth + 1));
}
function iterationItems(forEach, iterator) {
  if (isUnknown(forEach)) return void 0;
  if (Array.isArray(forEach)) {
    if (forEach.length > MAX_DYNAMIC_BLOCKS) return void 0;
    return forEach.map((value) => ({ key: unknownValue([], `${iterator}.key`), value }));
  }
  if (isObject(forEach)) {
    const entries = Object.entries(forEach);
    if (entries.length > MAX_DYNAMIC_BLOCKS) return void 0;
    return entries.map(([key, value]) => ({ key, value }));
  }
  return void 0;
}

// action/read/hcl/config-files.ts
import { readFileSync, realpathSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
var MAX_CONFIG_FILE_BYTES = 1 << 20;
function realRoot(root) {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}
function configFiles(root, dir) {
  const moduleDir = relative(root, realRoot(dir)).split(sep).join("/") || ".";
  return {
    moduleDir,
    read(path) {
      try {
        const real = realpathSync(resolve(root, path));
        if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) return void 0;
        const info = statSync(real);
        if (!info.isFile() || info.size > MAX_CONFIG_FILE_BYTES) return void 0;
        const text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(real));
        return text.replace(/^\uFEFF/, "");
      } catch {
        return void 0;
      }
    }
  };
}

// action/read/hcl/default-tags.ts
function defaultTagsOf(providers, scope) {
  const out = /* @__PURE__ */ new Map();
  for (const config of providers) {
    for (const [name, body] of labeled(config)) {
      if (name !== "aws") continue;
      const tags = bodies(body.default_tags).map((block) => evaluate(block.tags, scope));
      if (tags.length === 0) continue;
      const alias = evaluate(body.alias, scope);
      out.set(typeof alias === "string" ? `aws.${alias}` : "aws", tags[0]);
    }
  }
  return out;
}
function withDefaultTags(record, provider, defaults) {
  if (defaults.size === 0 || record.mode !== "managed" || !record.type.startsWith("aws_")) return record;
  if (record.values.tags_all !== void 0) return record;
  const key = typeof provider === "string" ? provider.replace(/^\$\{\s*|\s*\}$/g, "") : "aws";
  if (!defaults.has(key)) return record;
  const inherited = defaults.get(key);
  const own = record.values.tags ?? {};
  let all;
  if (isUnknown(inherited)) all = inherited;
  else if (isUnknown(own)) all = own;
  else if (isObject(inherited) && isObject(own)) all = { ...inherited, ...own };
  else all = unknownValue([], "default_tags");
  return { ...record, values: { ...record.values, tags_all: all } };
}

export {
  EvalScope,
  evaluate,
  withoutComment,
  isObject,
  bodies,
  labeled,
  labeled2,
  instanceBudget,
  blockInstances,
  instanceAddress,
  blockRecords,
  realRoot,
  configFiles,
  defaultTagsOf,
  withDefaultTags
};
