/**
 * Evaluates the literal subset of Terraform expressions found in configuration: hcl2json output
 * and Terraform JSON both carry expressions as `"${...}"` template strings. Anything that depends
 * on state, on other resources or on constructs we do not evaluate becomes an UnknownValue that
 * names the resources it refers to, so a check reports it as unknown instead of passing it.
 *
 * Evaluation never throws: a syntax error, a type error or a missing key makes that expression
 * unknown (Terraform would fail the plan; unknown is the conservative reading).
 */
import { isUnknown, type UnknownValue, unknownValue } from './record.js';

/** Deeper than this (expression nesting or value nesting), the value is unknown. */
const MAX_DEPTH = 64;

/** Roots of a traversal that never name a resource. */
const NON_RESOURCE_ROOTS = new Set(['var', 'local', 'each', 'count', 'self', 'path', 'terraform']);

// ---------------------------------------------------------------------------------------------
// Scope

/** A `variable` block: its default, when it has one. */
export interface VariableDeclaration {
  readonly hasDefault: boolean;
  readonly default?: unknown;
  /** The default is already a value (Terraform JSON, module inputs), not an expression to evaluate. */
  readonly literal?: boolean;
  /** Declared `type = set(...)`: Terraform converts the value to a set. */
  readonly set?: boolean;
}

export interface ScopeOptions {
  /** Raw (unevaluated) local values, from every `locals` block of the module. */
  readonly locals?: ReadonlyMap<string, unknown>;
  readonly variables?: ReadonlyMap<string, VariableDeclaration>;
  /** Module path of the configuration (`module.a.module.b`), empty for the root module. */
  readonly module?: string;
  /** The files beside the configuration, for `file()`, `templatefile()` and `path.module`. */
  readonly files?: ConfigFiles;
}

/** What `file()`, `templatefile()` and `path.*` may see of the configuration's folder. */
export interface ConfigFiles {
  /** `path.module`: the module's folder relative to the root module's (`.`, `modules/worker`). */
  readonly moduleDir: string;
  /**
   * The text of a file named relative to the root module's folder, as Terraform resolves it;
   * undefined when it is not a readable text file inside that folder.
   */
  read(path: string): string | undefined;
}

type LocalState = { state: 'pending'; raw: unknown } | { state: 'busy' } | { state: 'done'; value: unknown };

/** What `local.x` and `var.x` mean while evaluating one module's configuration. */
export class EvalScope {
  readonly module: string;
  private readonly locals = new Map<string, LocalState>();
  private readonly variables: ReadonlyMap<string, VariableDeclaration>;
  private readonly variableValues = new Map<string, unknown>();
  /**
   * Names bound by an enclosing construct (`each`, `count`, a `dynamic` block's iterator) that
   * are not resources. Their traversals are unknown unless `boundValues` holds their value.
   */
  readonly bound: ReadonlySet<string>;
  private readonly boundValues: ReadonlyMap<string, unknown>;
  private readonly parent: EvalScope | undefined;
  /** Resources (addresses without a key) that the reader expanded into count/for_each instances. */
  private readonly instanced = new Set<string>();

  readonly files: ConfigFiles | undefined;

  constructor(
    options: ScopeOptions = {},
    bound: ReadonlySet<string> = new Set(),
    parent?: EvalScope,
    boundValues: ReadonlyMap<string, unknown> = new Map(),
  ) {
    this.module = options.module ?? '';
    this.files = options.files ?? parent?.files;
    for (const [name, raw] of options.locals ?? []) this.locals.set(name, { state: 'pending', raw });
    this.variables = options.variables ?? new Map();
    this.bound = bound;
    this.boundValues = boundValues;
    this.parent = parent;
  }

  /**
   * A scope that also binds `names` as iteration symbols: to the value `values` gives (an
   * iterator object such as `{ key, value }`), or else as unknown. Never a resource reference.
   */
  withBound(names: readonly string[], values: ReadonlyMap<string, unknown> = new Map()): EvalScope {
    const known = new Map(this.boundValues);
    for (const name of names) known.delete(name);
    for (const [name, value] of values) known.set(name, value);
    return new EvalScope(
      { module: this.module },
      new Set([...this.bound, ...names, ...values.keys()]),
      this.root(),
      known,
    );
  }

  /** The value bound to `name`, or undefined when it is unknown. */
  boundValue(name: string): unknown {
    return this.boundValues.get(name);
  }

  /** Records that the resource at `address` (no key) has one record per count/for_each instance. */
  markInstanced(address: string): void {
    this.root().instanced.add(address);
  }

  /**
   * What a reference to `address` with the instance key `key` (`aws_iam_role.tool["search"]`)
   * refers to: that instance when the resource was expanded into instances and the key is
   * known, else the resource as a whole (all of its instances, or its one unexpanded record).
   */
  instanceRef(address: string, key: unknown): string {
    if (!this.root().instanced.has(address)) return address;
    if (typeof key === 'string') return `${address}[${JSON.stringify(key)}]`;
    if (typeof key === 'number' && Number.isInteger(key) && key >= 0) return `${address}[${key}]`;
    return address;
  }

  private root(): EvalScope {
    return this.parent ?? this;
  }

  /** The value of `local.<name>`, evaluated once; `undefined` when there is no such local. */
  local(name: string): unknown {
    const root = this.root();
    if (root !== this) return root.local(name);
    const entry = this.locals.get(name);
    if (entry === undefined) return undefined;
    if (entry.state === 'done') return entry.value;
    if (entry.state === 'busy') return unknownValue([], `local.${name}`);
    this.locals.set(name, { state: 'busy' });
    const value = evaluate(entry.raw, this);
    this.locals.set(name, { state: 'done', value });
    return value;
  }

  hasLocal(name: string): boolean {
    return this.root().locals.has(name);
  }

  /** The value of `var.<name>`: its default, or unknown when it has none (or is undeclared). */
  variable(name: string): unknown {
    const root = this.root();
    if (root !== this) return root.variable(name);
    if (this.variableValues.has(name)) return this.variableValues.get(name);
    const declaration = this.variables.get(name);
    let value: unknown;
    if (declaration === undefined || !declaration.hasDefault) value = unknownValue([], `var.${name}`);
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
  address(local: string): string {
    return this.module === '' ? local : `${this.module}.${local}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Public entry points

/**
 * Evaluates every template string (`"${...}"`, `$${`, `%{`) inside a JSON value. Objects and
 * lists keep their shape; only the leaves that cannot be known become UnknownValue markers.
 */
export function evaluate(value: unknown, scope: EvalScope = new EvalScope()): unknown {
  return evaluateValue(value, scope, 0);
}

/** Evaluates one template string as Terraform would (a lone `${x}` keeps x's type). */
export function evaluateTemplate(text: string, scope: EvalScope = new EvalScope()): unknown {
  if (!text.includes('${') && !text.includes('%{')) return text;
  let node: TemplateNode;
  try {
    node = new Parser(text).parseWholeTemplate();
  } catch {
    return unknownValue(scanRefs(text, scope), text);
  }
  const result = evalGuarded(node, scope, text);
  if (isUnknown(result) && /^\s*[[{]/.test(text)) {
    const partial = partialJson(text, scope);
    if (partial !== undefined) return { ...result, partial };
  }
  return result;
}

/**
 * A JSON document written as a template with interpolations inside its string literals, as
 * CDKTF writes policies (`"{\"Principal\":{\"AWS\":\"${aws_iam_role.r.arn}\"}}"`): the parsed
 * document, each interpolated string evaluated on its own (unknown leaves stay markers).
 * Undefined when the text is not JSON once the interpolations are set aside.
 */
function partialJson(text: string, scope: EvalScope): unknown {
  const pieces: string[] = [];
  let masked = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start === -1 || (start > 0 && text[start - 1] === '$')) {
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
      if (text[end] === '{') depth++;
      else if (text[end] === '}') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (end >= text.length) return undefined;
    masked += `${text.slice(i, start)}\uE000${pieces.length}\uE001`;
    pieces.push(text.slice(start, end + 1));
    i = end + 1;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(masked);
  } catch {
    return undefined;
  }
  const restore = (value: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) return unknownValue([]);
    if (typeof value === 'string') {
      if (!value.includes('\uE000')) return value;
      const template = value.replace(/\uE000(\d+)\uE001/g, (_, n: string) => pieces[Number(n)] ?? '');
      return evaluateTemplate(template, scope);
    }
    if (Array.isArray(value)) return value.map((item) => restore(item, depth + 1));
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) defineKey(out, key, restore(item, depth + 1));
      return out;
    }
    return value;
  };
  return restore(parsed, 0);
}

/** Evaluates one expression written without the `${ }` wrapper (`merge(local.a, {b = 1})`). */
export function evaluateExpression(source: string, scope: EvalScope = new EvalScope()): unknown {
  let node: Node;
  try {
    const parser = new Parser(source);
    node = parser.parseExpression();
    parser.expectEnd();
  } catch {
    return unknownValue(scanRefs(source, scope), source.trim());
  }
  return evalGuarded(node, scope, source.trim());
}

/** Evaluation is total: whatever an odd input provokes becomes unknown, never an exception. */
function evalGuarded(node: Node, scope: EvalScope, text: string): unknown {
  try {
    return evalNode(node, { scope, depth: 0, budget: { steps: MAX_STEPS } });
  } catch {
    return unknownValue(scanRefs(text, scope), text);
  }
}

/** Terraform's `jsonencode`: compact, object keys sorted, `<>&` escaped; unknown if any leaf is. */
export function jsonencode(value: unknown, expression?: string): string | UnknownValue {
  const refs = new Set<string>();
  if (collectUnknownRefs(value, refs, 0)) {
    // The text is unknown until apply, but its structure is not: keep it for the readers of
    // policies, so `Principal = { AWS = aws_iam_role.server.arn }` still names the server.
    return { ...unknownValue([...refs], expression), partial: value };
  }
  try {
    const text = JSON.stringify(sortKeys(value, 0));
    if (text === undefined) return unknownValue([], expression);
    return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  } catch {
    return unknownValue([], expression);
  }
}

/** All refs of the unknown leaves in a value; true when there is at least one unknown leaf. */
export function collectUnknownRefs(value: unknown, refs: Set<string>, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (isUnknown(value)) {
    for (const ref of value.refs) refs.add(ref);
    return true;
  }
  let found = false;
  if (Array.isArray(value)) {
    for (const item of value) if (collectUnknownRefs(item, refs, depth + 1)) found = true;
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) if (collectUnknownRefs(item, refs, depth + 1)) found = true;
  }
  return found;
}

/** Sets a key without ever touching a prototype (`__proto__` becomes an ordinary own key). */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// ---------------------------------------------------------------------------------------------
// JSON value walk

function evaluateValue(value: unknown, scope: EvalScope, depth: number): unknown {
  if (depth > MAX_DEPTH) return unknownValue([], '(nested too deeply)');
  if (typeof value === 'string') return evaluateTemplate(value, scope);
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, scope, depth + 1));
  if (typeof value === 'object' && value !== null) {
    if (isUnknown(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [rawKey, item] of Object.entries(value)) {
      const key = rawKey.includes('${') || rawKey.includes('%{') ? evaluateTemplate(rawKey, scope) : rawKey;
      defineKey(out, typeof key === 'string' ? key : rawKey, evaluateValue(item, scope, depth + 1));
    }
    return out;
  }
  return value;
}

function sortKeys(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new EvalFailure('nested too deeply');
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareStrings)) {
      defineKey(out, key, sortKeys((value as Record<string, unknown>)[key], depth + 1));
    }
    return out;
  }
  return value;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Syntax tree

interface Base {
  /** Source text, for messages and UnknownValue.expression. */
  readonly text: string;
}
type TemplateNode = Base & {
  readonly kind: 'template';
  readonly parts: readonly TemplatePart[];
};
/** Literal text, an interpolation (`${x}`), or a directive (`%{ if }`, `%{ for }`) and its parts. */
type TemplatePart = string | Node | TemplateIf | TemplateFor;
interface TemplateIf {
  readonly kind: 'template-if';
  readonly condition: Node;
  readonly whenTrue: readonly TemplatePart[];
  readonly whenFalse: readonly TemplatePart[];
}
interface TemplateFor {
  readonly kind: 'template-for';
  readonly names: readonly string[];
  readonly collection: Node;
  readonly body: readonly TemplatePart[];
}
type Op =
  | { readonly kind: 'attr'; readonly name: string }
  | { readonly kind: 'index'; readonly key: Node }
  | { readonly kind: 'splat'; readonly ops: readonly Op[] };
type Node =
  | (Base & { readonly kind: 'literal'; readonly value: unknown })
  | TemplateNode
  | (Base & { readonly kind: 'traversal'; readonly root: string; readonly ops: readonly Op[] })
  | (Base & { readonly kind: 'postfix'; readonly target: Node; readonly ops: readonly Op[] })
  | (Base & {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Node[];
      readonly expand: boolean;
    })
  | (Base & { readonly kind: 'unary'; readonly op: string; readonly operand: Node })
  | (Base & { readonly kind: 'binary'; readonly op: string; readonly left: Node; readonly right: Node })
  | (Base & { readonly kind: 'conditional'; readonly test: Node; readonly then: Node; readonly else: Node })
  | (Base & { readonly kind: 'tuple'; readonly items: readonly Node[] })
  | (Base & {
      readonly kind: 'object';
      readonly items: readonly { readonly key: Node; readonly value: Node }[];
    })
  | (Base & {
      readonly kind: 'for';
      readonly names: readonly string[];
      readonly collection: Node;
      /** `{ for ... : key => value }`; a tuple `[ for ... : value ]` has none. */
      readonly key: Node | undefined;
      readonly value: Node;
      readonly condition: Node | undefined;
      /** `value...`: values with the same key are grouped into a list. */
      readonly grouped: boolean;
    });

class ParseFailure extends Error {}
class EvalFailure extends Error {}

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

// ---------------------------------------------------------------------------------------------
// Parser: character level, recursive descent, so nested templates and heredocs need no lexer modes.

class Parser {
  private pos = 0;
  private depth = 0;
  /** Inside an object constructor a newline ends an item; inside ( ) and [ ] it does not. */
  private newlineEnds = false;

  constructor(private readonly src: string) {}

  expectEnd(): void {
    this.skipSpace(true);
    if (this.pos < this.src.length) throw new ParseFailure(`unexpected ${this.src[this.pos]}`);
  }

  /** The whole input is a template: no backslash escapes (hcl2json and Terraform JSON already decoded them). */
  parseWholeTemplate(): TemplateNode {
    return this.parseTemplate('raw', this.src.length);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ParseFailure('nested too deeply');
  }

  private leave(): void {
    this.depth--;
  }

  private skipSpace(includeNewlines = !this.newlineEnds): void {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\n' && includeNewlines) this.pos++;
      else if (c === '#' || (c === '/' && src[this.pos + 1] === '/')) {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && src[this.pos + 1] === '*') {
        const end = src.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? src.length : end + 2;
      } else break;
    }
  }

  private peek(s: string): boolean {
    this.skipSpace();
    return this.src.startsWith(s, this.pos);
  }

  private eat(s: string): boolean {
    if (this.peek(s)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }

  private expect(s: string): void {
    if (!this.eat(s)) throw new ParseFailure(`expected ${s}`);
  }

  private withNewlines<T>(newlineEnds: boolean, fn: () => T): T {
    const saved = this.newlineEnds;
    this.newlineEnds = newlineEnds;
    try {
      return fn();
    } finally {
      this.newlineEnds = saved;
    }
  }

  private identifier(): string | undefined {
    this.skipSpace();
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  private peekIdentifier(): string | undefined {
    const saved = this.pos;
    const name = this.identifier();
    this.pos = saved;
    return name;
  }

  parseExpression(): Node {
    this.enter();
    try {
      this.skipSpace();
      const start = this.pos;
      const test = this.parseBinary(1);
      if (!this.eat('?')) return test;
      const then = this.withNewlines(false, () => this.parseExpression());
      this.withNewlines(false, () => this.expect(':'));
      const otherwise = this.parseExpression();
      return { kind: 'conditional', test, then, else: otherwise, text: this.textFrom(start) };
    } finally {
      this.leave();
    }
  }

  private textFrom(start: number): string {
    return this.src.slice(start, this.pos).trim();
  }

  private parseBinary(minPrecedence: number): Node {
    this.skipSpace();
    const start = this.pos;
    let left = this.parseUnary();
    for (;;) {
      const op = this.peekBinaryOperator();
      if (op === undefined) return left;
      const precedence = BINARY_PRECEDENCE[op]!;
      if (precedence < minPrecedence) return left;
      this.pos += op.length;
      this.enter();
      const right = this.parseBinary(precedence + 1);
      this.leave();
      left = { kind: 'binary', op, left, right, text: this.textFrom(start) };
    }
  }

  private peekBinaryOperator(): string | undefined {
    this.skipSpace();
    const two = this.src.slice(this.pos, this.pos + 2);
    if (['||', '&&', '==', '!=', '<=', '>='].includes(two)) return two;
    const one = this.src[this.pos];
    if (one === '=' && this.src[this.pos + 1] === '>') return undefined;
    if (one === '/' && (this.src[this.pos + 1] === '/' || this.src[this.pos + 1] === '*')) return undefined;
    if (one !== undefined && '<>+-*/%'.includes(one)) return one;
    return undefined;
  }

  private parseUnary(): Node {
    this.skipSpace();
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === '!' || c === '-') {
      this.pos++;
      this.enter();
      const operand = this.parseUnary();
      this.leave();
      return { kind: 'unary', op: c, operand, text: this.textFrom(start) };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Node {
    this.skipSpace();
    const start = this.pos;
    const primary = this.parsePrimary();
    const ops = this.parseOps();
    if (ops.length === 0) return primary;
    const text = this.textFrom(start);
    if (primary.kind === 'traversal') return { ...primary, ops: [...primary.ops, ...ops], text };
    return { kind: 'postfix', target: primary, ops, text };
  }

  /** Attribute access, index and splat operators; after a splat, the rest applies per element. */
  private parseOps(): Op[] {
    const ops: Op[] = [];
    for (;;) {
      // Postfix operators never continue on the next line inside an object constructor.
      if (this.src.startsWith('[*]', this.skipSpaceAndPos())) {
        this.pos += 3;
        this.enter();
        ops.push({ kind: 'splat', ops: this.parseOps() });
        this.leave();
        return ops;
      }
      if (this.src.startsWith('.*', this.skipSpaceAndPos())) {
        this.pos += 2;
        this.enter();
        ops.push({ kind: 'splat', ops: this.parseOps() });
        this.leave();
        return ops;
      }
      if (this.src.startsWith('.', this.skipSpaceAndPos()) && !this.src.startsWith('...', this.pos)) {
        this.pos++;
        const name = this.identifier();
        if (name !== undefined) ops.push({ kind: 'attr', name });
        else {
          const number = /^\d+/.exec(this.src.slice(this.pos, this.pos + 32));
          if (!number) throw new ParseFailure('expected attribute name');
          this.pos += number[0].length;
          ops.push({ kind: 'index', key: { kind: 'literal', value: Number(number[0]), text: number[0] } });
        }
        continue;
      }
      if (this.src.startsWith('[', this.skipSpaceAndPos())) {
        this.pos++;
        const key = this.withNewlines(false, () => this.parseExpression());
        this.withNewlines(false, () => this.expect(']'));
        ops.push({ kind: 'index', key });
        continue;
      }
      return ops;
    }
  }

  private skipSpaceAndPos(): number {
    this.skipSpace();
    return this.pos;
  }

  private parsePrimary(): Node {
    this.skipSpace();
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === undefined) throw new ParseFailure('unexpected end of expression');
    if (c === '(') {
      this.pos++;
      const inner = this.withNewlines(false, () => this.parseExpression());
      this.withNewlines(false, () => this.expect(')'));
      return inner;
    }
    if (c === '"') {
      this.pos++;
      return this.parseTemplate('quoted', this.src.length);
    }
    if (c === '<' && this.src.startsWith('<<', this.pos)) return this.parseHeredoc();
    if (c === '[') return this.withNewlines(false, () => this.parseTuple(start));
    if (c === '{') return this.withNewlines(true, () => this.parseObject(start));
    if (/[0-9]/.test(c)) {
      const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos, this.pos + 64))!;
      this.pos += match[0].length;
      return { kind: 'literal', value: Number(match[0]), text: match[0] };
    }
    const name = this.identifier();
    if (name === undefined) throw new ParseFailure(`unexpected ${c}`);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', text: name };
    if (name === 'null') return { kind: 'literal', value: null, text: name };
    if (this.src[this.pos] === '(' || (this.peek('(') && !this.newlineEnds)) {
      this.pos = this.src.indexOf('(', this.pos) + 1;
      return this.withNewlines(false, () => {
        const args: Node[] = [];
        let expand = false;
        while (!this.eat(')')) {
          args.push(this.parseExpression());
          if (this.eat('...')) expand = true;
          if (!this.eat(',')) {
            this.expect(')');
            break;
          }
        }
        return { kind: 'call', name, args, expand, text: this.textFrom(start) } as const;
      });
    }
    return { kind: 'traversal', root: name, ops: [], text: name };
  }

  private parseTuple(start: number): Node {
    this.pos++;
    if (this.isForKeyword()) return this.parseFor(start, ']');
    const items: Node[] = [];
    while (!this.eat(']')) {
      items.push(this.parseExpression());
      if (!this.eat(',')) {
        this.expect(']');
        break;
      }
    }
    return { kind: 'tuple', items, text: this.textFrom(start) };
  }

  private parseObject(start: number): Node {
    this.pos++;
    if (this.isForKeyword()) return this.withNewlines(false, () => this.parseFor(start, '}'));
    const items: { key: Node; value: Node }[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.eat('}')) break;
      const keyStart = this.pos;
      let key: Node;
      const name = this.peekIdentifier();
      const afterName = name === undefined ? -1 : this.pos + name.length;
      if (name !== undefined && /^\s*[=:]/.test(this.src.slice(afterName, afterName + 64))) {
        this.pos = afterName;
        key = { kind: 'literal', value: name, text: name };
      } else {
        key = this.withNewlines(false, () => this.parseBinary(1));
      }
      this.skipSpace(false);
      if (this.src[this.pos] === '=' && this.src[this.pos + 1] !== '=') this.pos++;
      else if (this.src[this.pos] === ':') this.pos++;
      else throw new ParseFailure(`expected = after object key ${this.src.slice(keyStart, this.pos)}`);
      const value = this.parseExpression();
      items.push({ key, value });
      this.skipSpace(false);
      if (this.src[this.pos] === ',' || this.src[this.pos] === '\n') this.pos++;
      else if (this.src[this.pos] !== '}') throw new ParseFailure('expected , or } in object');
    }
    return { kind: 'object', items, text: this.textFrom(start) };
  }

  private isForKeyword(): boolean {
    this.skipSpace(true);
    return /^for\s+[A-Za-z_]/.test(this.src.slice(this.pos, this.pos + 16));
  }

  /** `for k, v in coll : expr [=> expr] [...] [if cond]`, closed by `]` (a tuple) or `}` (an object). */
  private parseFor(start: number, close: string): Node {
    this.identifier();
    const { names, collection } = this.forHeader();
    this.expect(':');
    let key: Node | undefined;
    let value = this.parseExpression();
    if (close === '}') {
      if (!this.eat('=>')) throw new ParseFailure('expected => in for object');
      key = value;
      value = this.parseExpression();
    }
    const grouped = this.eat('...');
    let condition: Node | undefined;
    if (this.peekIdentifier() === 'if') {
      this.identifier();
      condition = this.parseExpression();
    }
    this.expect(close);
    return { kind: 'for', names, collection, key, value, condition, grouped, text: this.textFrom(start) };
  }

  /** `k, v in coll` of a `for` expression or directive. */
  private forHeader(): { names: string[]; collection: Node } {
    const names: string[] = [];
    do {
      const name = this.identifier();
      if (name === undefined) throw new ParseFailure('expected for variable');
      names.push(name);
    } while (this.eat(','));
    if (names.length > 2) throw new ParseFailure('at most two for variables');
    if (this.identifier() !== 'in') throw new ParseFailure('expected in');
    return { names, collection: this.parseExpression() };
  }

  private parseHeredoc(): Node {
    const start = this.pos;
    const match = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(
      this.src.slice(this.pos, this.pos + 300),
    );
    if (!match) throw new ParseFailure('bad heredoc');
    const bodyStart = this.pos + match[0].length;
    const marker = match[2]!;
    const lines: string[] = [];
    let cursor = bodyStart;
    for (;;) {
      if (cursor >= this.src.length) throw new ParseFailure(`heredoc ${marker} not closed`);
      const newline = this.src.indexOf('\n', cursor);
      const end = newline < 0 ? this.src.length : newline;
      const line = this.src.slice(cursor, end).replace(/\r$/, '');
      cursor = newline < 0 ? this.src.length : newline + 1;
      if (line.trim() === marker) {
        this.pos = newline < 0 ? this.src.length : end;
        break;
      }
      lines.push(line);
    }
    if (match[1] === '-') {
      const indents = lines
        .filter((line) => line.trim() !== '')
        .map((line) => /^[ \t]*/.exec(line)![0].length);
      const strip = indents.length === 0 ? 0 : Math.min(...indents);
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.slice(strip);
    }
    const body = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    const inner = new Parser(body);
    inner.depth = this.depth;
    const template = inner.parseWholeTemplate();
    return { ...template, text: this.src.slice(start, this.pos) };
  }

  /**
   * A template: `raw` runs to `end` (no backslash escapes), `quoted` runs to the closing quote
   * and decodes HCL escapes. `$${` and `%%{` are literal `${` and `%{` in both.
   */
  private parseTemplate(mode: 'raw' | 'quoted', end: number): TemplateNode {
    const start = mode === 'quoted' ? this.pos - 1 : this.pos;
    const { parts } = this.templateParts(mode, end, []);
    return { kind: 'template', parts, text: this.src.slice(start, this.pos) };
  }

  /**
   * Template parts up to the template's end or, inside a directive, up to one of `closers`
   * (`%{ else }`, `%{ endif }`, `%{ endfor }`), which is consumed and returned.
   */
  private templateParts(
    mode: 'raw' | 'quoted',
    end: number,
    closers: readonly string[],
  ): { parts: TemplatePart[]; closer?: string } {
    this.enter();
    const parts: TemplatePart[] = [];
    let literal = '';
    const src = this.src;
    const flush = (): void => {
      if (literal !== '') parts.push(literal);
      literal = '';
    };
    // `${~` and `%{~` strip the whitespace before them.
    const openMarker = (): void => {
      this.pos += 2;
      if (src[this.pos] === '~') {
        this.pos++;
        literal = literal.replace(/\s+$/, '');
      }
      flush();
    };
    for (;;) {
      if (this.pos >= end || (mode === 'quoted' && src[this.pos] === '"')) {
        if (closers.length > 0) throw new ParseFailure(`expected %{ ${closers.join(' or ')} }`);
        if (this.pos >= end && mode === 'quoted') throw new ParseFailure('unterminated string');
        if (mode === 'quoted') this.pos++;
        break;
      }
      const c = src[this.pos]!;
      if (src.startsWith('$${', this.pos) || src.startsWith('%%{', this.pos)) {
        literal += `${c}{`;
        this.pos += 3;
      } else if (src.startsWith('${', this.pos)) {
        openMarker();
        parts.push(this.withNewlines(false, () => this.parseExpression()));
        this.closeInterpolation(end);
      } else if (src.startsWith('%{', this.pos)) {
        openMarker();
        const keyword = this.identifier() ?? '';
        if (closers.includes(keyword)) {
          this.closeInterpolation(end);
          this.leave();
          return { parts, closer: keyword };
        }
        parts.push(this.parseDirective(keyword, mode, end));
      } else if (mode === 'quoted' && c === '\\') {
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
  private parseDirective(keyword: string, mode: 'raw' | 'quoted', end: number): TemplateIf | TemplateFor {
    if (keyword === 'if') {
      const condition = this.withNewlines(false, () => this.parseExpression());
      this.closeInterpolation(end);
      const whenTrue = this.templateParts(mode, end, ['else', 'endif']);
      const whenFalse = whenTrue.closer === 'else' ? this.templateParts(mode, end, ['endif']).parts : [];
      return { kind: 'template-if', condition, whenTrue: whenTrue.parts, whenFalse };
    }
    if (keyword === 'for') {
      const { names, collection } = this.withNewlines(false, () => this.forHeader());
      this.closeInterpolation(end);
      const body = this.templateParts(mode, end, ['endfor']).parts;
      return { kind: 'template-for', names, collection, body };
    }
    throw new ParseFailure(`unexpected directive ${keyword}`);
  }

  /** `}` closing `${ … ~}` or `%{ … ~}`; a `~` strips the whitespace after it. */
  private closeInterpolation(end: number): void {
    this.skipSpace(true);
    const strip = this.src[this.pos] === '~';
    if (strip) this.pos++;
    if (this.src[this.pos] !== '}') throw new ParseFailure('expected } to close interpolation');
    this.pos++;
    if (strip) while (this.pos < end && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  private escape(): string {
    const next = this.src[this.pos + 1];
    this.pos += 2;
    switch (next) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U': {
        const length = next === 'u' ? 4 : 8;
        const hex = this.src.slice(this.pos, this.pos + length);
        if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== length)
          throw new ParseFailure('bad unicode escape');
        this.pos += length;
        const code = Number.parseInt(hex, 16);
        if (code > 0x10ffff) throw new ParseFailure('bad unicode escape');
        return String.fromCodePoint(code);
      }
      default:
        throw new ParseFailure(`bad escape \\${next ?? ''}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

interface Context {
  readonly scope: EvalScope;
  readonly depth: number;
  /** Work left for this expression, shared by every node in it (see MAX_STEPS). */
  readonly budget: { steps: number };
}

/**
 * Configuration may come from an untrusted pull request: an expression may not make more than
 * this many `for` iterations, nor a string, list or map larger than MAX_VALUE_SIZE (doubling
 * through chained locals). Past either, the value is unknown.
 */
const MAX_STEPS = 200_000;
const MAX_VALUE_SIZE = 1 << 20;

/** Throws when a computed value is too large to keep (see MAX_VALUE_SIZE). */
function bounded<T>(value: T): T {
  if (typeof value === 'string' || Array.isArray(value)) {
    if (value.length > MAX_VALUE_SIZE) throw new EvalFailure('value too large');
  } else if (typeof value === 'object' && value !== null) {
    let keys = 0;
    for (const key in value)
      if (Object.hasOwn(value, key) && ++keys > MAX_VALUE_SIZE) throw new EvalFailure('value too large');
  }
  return value;
}

function evalNode(node: Node, ctx: Context): unknown {
  if (ctx.depth > MAX_DEPTH) return unknownValue(staticRefs(node, ctx.scope), node.text);
  const inner: Context = { ...ctx, depth: ctx.depth + 1 };
  try {
    return evalNodeUnsafe(node, inner);
  } catch (error) {
    if (error instanceof EvalFailure || error instanceof RangeError) {
      return unknownValue(staticRefs(node, ctx.scope), node.text);
    }
    throw error;
  }
}

/** An unknown result that carries the refs of every unknown among `inputs`. */
function unknownFrom(inputs: readonly unknown[], text: string): UnknownValue {
  const refs = new Set<string>();
  for (const input of inputs) collectUnknownRefs(input, refs);
  return unknownValue([...refs], text);
}

function evalNodeUnsafe(node: Node, ctx: Context): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'template':
      return bounded(evalTemplate(node, ctx));
    case 'traversal':
      return evalTraversal(node.root, node.ops, node.text, ctx);
    case 'postfix':
      return applyOps(evalNode(node.target, ctx), node.ops, node.text, ctx);
    case 'call':
      return bounded(callFunction(node, ctx));
    case 'unary': {
      const operand = evalNode(node.operand, ctx);
      if (isUnknown(operand)) return unknownFrom([operand], node.text);
      if (node.op === '!') return !asBool(operand);
      return -asNumber(operand);
    }
    case 'binary':
      return evalBinary(node.op, node.left, node.right, node.text, ctx);
    case 'conditional': {
      const test = evalNode(node.test, ctx);
      if (isUnknown(test)) {
        return unknownFrom([test, evalNode(node.then, ctx), evalNode(node.else, ctx)], node.text);
      }
      return asBool(test) ? evalNode(node.then, ctx) : evalNode(node.else, ctx);
    }
    case 'tuple':
      return node.items.map((item) => evalNode(item, ctx));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const item of node.items) {
        const key = evalNode(item.key, ctx);
        if (isUnknown(key)) return unknownFrom([key], node.text);
        defineKey(out, toTemplateString(key), evalNode(item.value, ctx));
      }
      return out;
    }
    case 'for':
      return bounded(evalFor(node, ctx));
  }
}

/** A `for` over more elements than this is unknown. */
const MAX_FOR_ITEMS = 10_000;

/**
 * `[for v in coll : value if cond]` and `{for k, v in coll : key => value}`, as Terraform
 * evaluates them: maps in key order, a list's key is its index; an unknown collection, key or
 * condition makes the whole result unknown.
 */
function evalFor(node: Extract<Node, { kind: 'for' }>, ctx: Context): unknown {
  const unknown = () => unknownValue(staticRefs(node, ctx.scope), node.text);
  const collection = evalNode(node.collection, ctx);
  if (isUnknown(collection)) return unknown();
  const entries = forEntries(collection);
  if (entries.length > MAX_FOR_ITEMS) return unknown();

  const tuple: unknown[] = [];
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const inner = iterationContext(node.names, key, value, ctx);
    if (node.condition !== undefined) {
      const keep = evalNode(node.condition, inner);
      if (isUnknown(keep)) return unknown();
      if (!asBool(keep)) continue;
    }
    const item = evalNode(node.value, inner);
    if (node.key === undefined) {
      tuple.push(item);
      continue;
    }
    const itemKey = evalNode(node.key, inner);
    if (isUnknown(itemKey)) return unknown();
    const name = toTemplateString(itemKey);
    const seen = Object.hasOwn(object, name);
    if (node.grouped) defineKey(object, name, [...(seen ? (object[name] as unknown[]) : []), item]);
    else if (seen) throw new EvalFailure('duplicate key in for expression');
    else defineKey(object, name, item);
  }
  return node.key === undefined ? tuple : object;
}

/** The (key, value) pairs a `for` walks: a list's index, a set's element, a map's keys in order. */
function forEntries(collection: unknown): [string | number, unknown][] {
  if (Array.isArray(collection)) {
    // A set's key is its element (Terraform: `for k, v in toset(...)` binds both to it).
    const keyOf = SETS.has(collection)
      ? (item: unknown, index: number) =>
          typeof item === 'string' || typeof item === 'number' ? item : index
      : (_item: unknown, index: number) => index;
    return collection.map((item, index) => [keyOf(item, index), item]);
  }
  if (typeof collection === 'object' && collection !== null) {
    return Object.keys(collection)
      .sort(compareStrings)
      .map((key) => [key, (collection as Record<string, unknown>)[key]]);
  }
  throw new EvalFailure('for over something that is not a collection');
}

/** The context of one `for` iteration: `v` bound to the value, or `k, v` to key and value. */
function iterationContext(names: readonly string[], key: unknown, value: unknown, ctx: Context): Context {
  if (--ctx.budget.steps < 0) throw new EvalFailure('too many iterations');
  const bound = new Map<string, unknown>(
    names.length === 2
      ? [
          [names[0]!, key],
          [names[1]!, value],
        ]
      : [[names[0]!, value]],
  );
  return { ...ctx, scope: ctx.scope.withBound(names, bound), depth: ctx.depth + 1 };
}

function evalTemplate(node: TemplateNode, ctx: Context): unknown {
  const only = node.parts.length === 1 ? node.parts[0] : undefined;
  if (only !== undefined && typeof only !== 'string' && !isDirective(only)) {
    return evalNode(only, ctx);
  }
  const pieces: unknown[] = [];
  templatePieces(node.parts, ctx, pieces, { length: 0 });
  const unknowns = pieces.filter(isUnknown);
  if (unknowns.length > 0) return unknownFrom(unknowns, node.text);
  return pieces.join('');
}

/** A directive that cannot be evaluated, with every reference in it (its bodies too). */
function unknownDirective(part: TemplateIf | TemplateFor, ctx: Context): UnknownValue {
  return unknownValue(staticRefs({ kind: 'template', parts: [part], text: '' }, ctx.scope));
}

function isDirective(part: Node | TemplateIf | TemplateFor): part is TemplateIf | TemplateFor {
  return part.kind === 'template-if' || part.kind === 'template-for';
}

/**
 * Appends the text of `parts` to `pieces`: strings, or the unknown values that make the whole
 * template unknown (an unknown `%{ if }` condition or `%{ for }` collection among them).
 * `size` counts the text so far: a loop may not build more than MAX_VALUE_SIZE of it.
 */
function templatePieces(
  parts: readonly TemplatePart[],
  ctx: Context,
  pieces: unknown[],
  size: { length: number },
): void {
  if (ctx.depth > MAX_DEPTH) throw new EvalFailure('nested too deeply');
  for (const part of parts) {
    if (typeof part === 'string') {
      pieces.push(part);
      size.length += part.length;
    } else if (part.kind === 'template-if') {
      const condition = evalNode(part.condition, ctx);
      if (isUnknown(condition)) pieces.push(unknownDirective(part, ctx));
      else {
        const branch = asBool(condition) ? part.whenTrue : part.whenFalse;
        templatePieces(branch, { ...ctx, depth: ctx.depth + 1 }, pieces, size);
      }
    } else if (part.kind === 'template-for') {
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
      if (typeof text === 'string') size.length += text.length;
    }
    if (size.length > MAX_VALUE_SIZE) throw new EvalFailure('value too large');
  }
}

function toTemplateString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw new EvalFailure('cannot convert to string');
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new EvalFailure('not a finite number');
  return String(value);
}

function evalTraversal(root: string, ops: readonly Op[], text: string, ctx: Context): unknown {
  const scope = ctx.scope;
  if (scope.bound.has(root)) {
    const value = scope.boundValue(root);
    return value === undefined ? unknownValue([], text) : applyOps(value, ops, text, ctx);
  }
  const first = ops[0];
  const firstName = first?.kind === 'attr' ? first.name : undefined;
  switch (root) {
    case 'local': {
      if (firstName === undefined || !scope.hasLocal(firstName)) throw new EvalFailure('no such local');
      return applyOps(scope.local(firstName), ops.slice(1), text, ctx);
    }
    case 'var':
      if (firstName === undefined) throw new EvalFailure('bad variable reference');
      return applyOps(scope.variable(firstName), ops.slice(1), text, ctx);
    case 'module':
      return unknownValue(firstName === undefined ? [] : [scope.address(`module.${firstName}`)], text);
    case 'path': {
      // path.module is the module's folder; path.root and path.cwd the root module's.
      const dir = firstName === 'module' ? scope.files?.moduleDir : scope.files && '.';
      if (dir === undefined || ops.length !== 1 || !['module', 'root', 'cwd'].includes(firstName!)) {
        return unknownValue([], text);
      }
      return dir;
    }
    case 'data': {
      const second = ops[1];
      if (firstName === undefined || second?.kind !== 'attr') return unknownValue([], text);
      const address = scope.address(`data.${firstName}.${second.name}`);
      return unknownValue([scope.instanceRef(address, instanceKey(ops[2], ctx))], text);
    }
    default:
      if (NON_RESOURCE_ROOTS.has(root) || firstName === undefined) return unknownValue([], text);
      return unknownValue(
        [scope.instanceRef(scope.address(`${root}.${firstName}`), instanceKey(ops[1], ctx))],
        text,
      );
  }
}

/** The key of an index step (`[0]`, `["search"]`, `[each.key]`) when it is known. */
function instanceKey(op: Op | undefined, ctx: Context): unknown {
  if (op?.kind !== 'index') return undefined;
  try {
    return evalNode(op.key, ctx);
  } catch {
    return undefined;
  }
}

function applyOps(value: unknown, ops: readonly Op[], text: string, ctx: Context): unknown {
  let current = value;
  for (let i = 0; i < ops.length; i++) {
    if (isUnknown(current)) return unknownFrom([current], text);
    const op = ops[i]!;
    if (op.kind === 'splat') {
      if (current === null) return [];
      const list = Array.isArray(current) ? current : [current];
      return list.map((item) => applyOps(item, op.ops, text, ctx));
    }
    const key = op.kind === 'attr' ? op.name : evalNode(op.key, ctx);
    if (isUnknown(key)) return unknownFrom([key], text);
    current = lookup(current, key);
  }
  return current;
}

function lookup(container: unknown, key: unknown): unknown {
  if (Array.isArray(container)) {
    const index = typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : key;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= container.length) {
      throw new EvalFailure('index out of range');
    }
    return container[index];
  }
  if (typeof container === 'object' && container !== null) {
    const name = typeof key === 'number' ? String(key) : key;
    if (typeof name !== 'string' || !Object.hasOwn(container, name)) throw new EvalFailure('no such key');
    return (container as Record<string, unknown>)[name];
  }
  throw new EvalFailure('not a collection');
}

function evalBinary(op: string, leftNode: Node, rightNode: Node, text: string, ctx: Context): unknown {
  const left = evalNode(leftNode, ctx);
  // Terraform short-circuits neither && nor ||, but a known deciding side decides.
  if (op === '&&' && left === false) return false;
  if (op === '||' && left === true) return true;
  const right = evalNode(rightNode, ctx);
  if (op === '&&' && right === false && !isUnknown(left)) return false;
  if (op === '||' && right === true && !isUnknown(left)) return true;
  if (isUnknown(left) || isUnknown(right)) return unknownFrom([left, right], text);
  switch (op) {
    case '==':
      return deepEqual(left, right);
    case '!=':
      return !deepEqual(left, right);
    case '&&':
      return asBool(left) && asBool(right);
    case '||':
      return asBool(left) || asBool(right);
  }
  const a = asNumber(left);
  const b = asNumber(right);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new EvalFailure('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new EvalFailure('division by zero');
      return a % b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
  throw new EvalFailure(`unsupported operator ${op}`);
}

function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) throw new EvalFailure('nested too deeply');
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i], depth + 1));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key], depth + 1))
    );
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

function asBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new EvalFailure('not a bool');
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  throw new EvalFailure('not a number');
}

function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return toTemplateString(value);
  throw new EvalFailure('not a string');
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw new EvalFailure('not a list');
}

// ---------------------------------------------------------------------------------------------
// Functions

type Fn = (args: unknown[], text: string) => unknown;

/** Functions that need every argument fully known (no unknown leaf anywhere). */
const STRICT_FUNCTIONS: Readonly<Record<string, Fn>> = {
  jsondecode: ([text]) => {
    try {
      return JSON.parse(asString(text));
    } catch {
      throw new EvalFailure('invalid JSON');
    }
  },
  lower: ([s]) => asString(s).toLowerCase(),
  upper: ([s]) => asString(s).toUpperCase(),
  trimspace: ([s]) => asString(s).trim(),
  chomp: ([s]) => asString(s).replace(/(\r?\n)+$/, ''),
  trimprefix: ([s, p]) => {
    const str = asString(s);
    const prefix = asString(p);
    return str.startsWith(prefix) ? str.slice(prefix.length) : str;
  },
  trimsuffix: ([s, p]) => {
    const str = asString(s);
    const suffix = asString(p);
    return suffix !== '' && str.endsWith(suffix) ? str.slice(0, -suffix.length) : str;
  },
  startswith: ([s, p]) => asString(s).startsWith(asString(p)),
  endswith: ([s, p]) => asString(s).endsWith(asString(p)),
  split: ([sep, s]) => asString(s).split(asString(sep)),
  replace: ([s, from, to]) => {
    const search = asString(from);
    if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
      throw new EvalFailure('regular expression replace is not evaluated');
    }
    return asString(s).split(search).join(asString(to));
  },
  join: ([sep, ...lists]) => lists.flatMap((list) => asList(list).map(asString)).join(asString(sep)),
  format: ([spec, ...rest]) => format(asString(spec), rest),
  tostring: ([v]) => (v === null ? null : asString(v)),
  tonumber: ([v]) => (v === null ? null : asNumber(v)),
  tobool: ([v]) => (v === null ? null : asBool(v)),
  length: ([v]) => {
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isRecord(v)) return Object.keys(v).length;
    throw new EvalFailure('no length');
  },
  keys: ([v]) => {
    if (!isRecord(v)) throw new EvalFailure('not a map');
    return Object.keys(v).sort(compareStrings);
  },
  values: ([v]) => {
    if (!isRecord(v)) throw new EvalFailure('not a map');
    return Object.keys(v)
      .sort(compareStrings)
      .map((key) => v[key]);
  },
  contains: ([list, v]) => asList(list).some((item) => deepEqual(item, v)),
  distinct: ([list]) => distinct(asList(list)),
  toset: ([list]) => toSet(asList(list)),
  sort: ([list]) => asList(list).map(asString).sort(compareStrings),
  flatten: ([list]) => flatten(asList(list), 0),
  compact: ([list]) => asList(list).filter((item) => item !== null && item !== ''),
  element: ([list, index]) => {
    const items = asList(list);
    if (items.length === 0) throw new EvalFailure('empty list');
    const i = asNumber(index);
    return items[((Math.floor(i) % items.length) + items.length) % items.length];
  },
  zipmap: ([keys, vals]) => {
    const out: Record<string, unknown> = {};
    const values = asList(vals);
    asList(keys).forEach((key, i) => {
      defineKey(out, asString(key), values[i]);
    });
    return out;
  },
  min: (args) => Math.min(...args.map(asNumber)),
  max: (args) => Math.max(...args.map(asNumber)),
  abs: ([n]) => Math.abs(asNumber(n)),
};

/** Functions that keep unknown leaves of their arguments in place (or decide from known parts). */
const SHAPE_FUNCTIONS: Readonly<Record<string, Fn>> = {
  merge: (args) => {
    const out: Record<string, unknown> = {};
    for (const arg of args) {
      if (arg === null) continue;
      if (!isRecord(arg)) throw new EvalFailure('merge needs objects');
      for (const [key, value] of Object.entries(arg)) defineKey(out, key, value);
    }
    return out;
  },
  concat: (args) => args.flatMap((arg) => asList(arg)),
  tolist: ([v]) => asList(v),
  tomap: ([v]) => {
    if (!isRecord(v)) throw new EvalFailure('not a map');
    return v;
  },
  lookup: ([map, key, ...fallback]) => {
    if (!isRecord(map)) throw new EvalFailure('not a map');
    const name = asString(key);
    if (Object.hasOwn(map, name)) return map[name];
    if (fallback.length > 0) return fallback[0];
    throw new EvalFailure('no such key');
  },
  coalesce: (args) => {
    for (const arg of args) {
      if (isUnknown(arg)) throw new UnknownArgument();
      if (arg !== null && arg !== '') return arg;
    }
    throw new EvalFailure('no non-null argument');
  },
  try: () => {
    throw new UnknownArgument();
  },
};

/** Raised by a shape function when a top-level argument it must inspect is unknown. */
class UnknownArgument extends Error {}

function callFunction(node: Extract<Node, { kind: 'call' }>, ctx: Context): unknown {
  let args = node.args.map((arg) => evalNode(arg, ctx));
  if (node.expand && args.length > 0) {
    const last = args[args.length - 1];
    if (isUnknown(last)) return unknownFrom(args, node.text);
    args = [...args.slice(0, -1), ...asList(last)];
  }
  const name = node.name;
  if (name === 'jsonencode') {
    return jsonencode(args[0], node.text);
  }
  if (name === 'file' || name === 'templatefile') return readConfigFile(name, args, node.text, ctx.scope);
  const strict = Object.hasOwn(STRICT_FUNCTIONS, name) ? STRICT_FUNCTIONS[name] : undefined;
  if (strict !== undefined) {
    const refs = new Set<string>();
    if (args.some((arg) => collectUnknownRefs(arg, refs))) return unknownValue([...refs], node.text);
    return strict(args, node.text);
  }
  const shape = Object.hasOwn(SHAPE_FUNCTIONS, name) ? SHAPE_FUNCTIONS[name] : undefined;
  if (shape !== undefined) {
    if (name !== 'coalesce' && name !== 'try' && args.some(isUnknown)) {
      return unknownFrom(args.filter(isUnknown), node.text);
    }
    try {
      return shape(args, node.text);
    } catch (error) {
      if (error instanceof UnknownArgument) return unknownFrom(args, node.text);
      throw error;
    }
  }
  // file(), templatefile(), timestamp(), provider functions, ...: not evaluated.
  return unknownFrom(args, node.text);
}

/**
 * `file(path)` and `templatefile(path, vars)`, reading files beside the configuration (see
 * ConfigFiles). A template sees only its `vars`, as in Terraform, and no files of its own.
 */
function readConfigFile(
  name: 'file' | 'templatefile',
  args: unknown[],
  text: string,
  scope: EvalScope,
): unknown {
  const [path, vars] = args;
  if (typeof path !== 'string' || scope.files === undefined) return unknownFrom(args, text);
  const content = scope.files.read(path);
  if (content === undefined) return unknownValue([], text);
  if (name === 'file') return content;
  if (typeof vars !== 'object' || vars === null || Array.isArray(vars) || isUnknown(vars)) {
    return unknownFrom([vars], text);
  }
  const values = new Map(Object.entries(vars));
  return evaluateTemplate(
    content,
    new EvalScope({ module: scope.module }).withBound([...values.keys()], values),
  );
}

function distinct(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of list) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
  return out;
}

/**
 * Sets evaluate to lists (strings and numbers sorted, as Terraform orders them); the lists that are
 * sets are remembered, since a `for` over a set keys each element by itself, not by its index.
 */
const SETS = new WeakSet<unknown[]>();

function toSet(list: unknown[]): unknown[] {
  const items = distinct(list);
  let set = items;
  if (items.every((item) => typeof item === 'string')) set = (items as string[]).sort(compareStrings);
  else if (items.every((item) => typeof item === 'number')) set = (items as number[]).sort((a, b) => a - b);
  SETS.add(set);
  return set;
}

function flatten(list: unknown[], depth: number): unknown[] {
  if (depth > MAX_DEPTH) throw new EvalFailure('nested too deeply');
  return list.flatMap((item) => (Array.isArray(item) ? flatten(item, depth + 1) : [item]));
}

function format(spec: string, args: unknown[]): string {
  let next = 0;
  return spec.replace(/%(%|[-+ #0]*\d*(?:\.\d+)?[sdvqftb])/g, (whole, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) throw new EvalFailure('not enough arguments for format');
    const arg = args[next++];
    switch (verb.at(-1)) {
      case 's':
      case 'v':
        return asString(arg);
      case 'q':
        return JSON.stringify(asString(arg));
      case 'd':
        return String(Math.trunc(asNumber(arg)));
      case 't':
        return String(asBool(arg));
      default:
        throw new EvalFailure(`unsupported format verb ${whole}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// References, for expressions we do not evaluate

/** Addresses of the resources an expression names, without evaluating it. */
function staticRefs(node: Node, scope: EvalScope): string[] {
  const refs = new Set<string>();
  visitRefs(node, scope, new Set(scope.bound), refs, 0);
  return [...refs];
}

function visitRefs(node: Node, scope: EvalScope, bound: Set<string>, refs: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const visit = (child: Node, names: Set<string> = bound): void =>
    visitRefs(child, scope, names, refs, depth + 1);
  const visitOps = (ops: readonly Op[]): void => {
    for (const op of ops) {
      if (op.kind === 'index') visit(op.key);
      else if (op.kind === 'splat') visitOps(op.ops);
    }
  };
  const visitTemplateRefs = (parts: readonly TemplatePart[], names: Set<string>): void => {
    for (const part of parts) {
      if (typeof part === 'string') continue;
      if (part.kind === 'template-if') {
        visit(part.condition, names);
        visitTemplateRefs(part.whenTrue, names);
        visitTemplateRefs(part.whenFalse, names);
      } else if (part.kind === 'template-for') {
        visit(part.collection, names);
        // A directive's own names are not references (as in `for` expressions).
        visitTemplateRefs(part.body, new Set([...names, ...part.names]));
      } else visit(part, names);
    }
  };
  switch (node.kind) {
    case 'literal':
      return;
    case 'template':
      visitTemplateRefs(node.parts, bound);
      return;
    case 'traversal': {
      visitOps(node.ops);
      if (bound.has(node.root)) return;
      const needed = node.root === 'data' ? 2 : 1;
      try {
        const value = evalTraversal(node.root, node.ops.slice(0, needed), node.text, {
          scope,
          depth: depth + 1,
          budget: { steps: MAX_STEPS },
        });
        collectUnknownRefs(value, refs);
      } catch {
        // A reference to a missing local names no resource.
      }
      return;
    }
    case 'postfix':
      visit(node.target);
      visitOps(node.ops);
      return;
    case 'call':
      for (const arg of node.args) visit(arg);
      return;
    case 'unary':
      visit(node.operand);
      return;
    case 'binary':
      visit(node.left);
      visit(node.right);
      return;
    case 'conditional':
      visit(node.test);
      visit(node.then);
      visit(node.else);
      return;
    case 'tuple':
      for (const item of node.items) visit(item);
      return;
    case 'object':
      for (const item of node.items) {
        visit(item.key);
        visit(item.value);
      }
      return;
    case 'for': {
      visit(node.collection);
      const inner = new Set([...bound, ...node.names]);
      for (const part of [node.key, node.value, node.condition]) if (part) visit(part, inner);
      return;
    }
  }
}

/** Fallback for text we could not parse: traversal-shaped words that name resources. */
function scanRefs(text: string, scope: EvalScope): string[] {
  const refs = new Set<string>();
  const pattern = /(?<![\w.-])([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g;
  for (const match of text.matchAll(pattern)) {
    const [, root, first, second] = match;
    if (root === undefined || first === undefined || NON_RESOURCE_ROOTS.has(root) || scope.bound.has(root)) {
      continue;
    }
    if (root === 'module') refs.add(scope.address(`module.${first}`));
    else if (root === 'data') {
      if (second !== undefined) refs.add(scope.address(`data.${first}.${second}`));
    } else if (/^[a-z][a-z0-9]*_[\w-]+$/.test(root)) refs.add(scope.address(`${root}.${first}`));
  }
  return [...refs];
}
