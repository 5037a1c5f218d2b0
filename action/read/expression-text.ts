/**
 * The text of an expression as written (`UnknownValue.expression`), split into what may be
 * shown and what may not. Reports name an unknown value by its expression, but an expression
 * can hold literal secrets (`"pw-${var.env}"`, `merge(var.extra, { DB_PASSWORD = "..." })`):
 * only a plain reference is shown as it is; of anything else, only the inputs it reads.
 */
import type { UnknownValue } from './record.js';

/**
 * `aws_iam_role.r.arn`, `var.name`, `module.m.out`, `data.x.y.z`, `aws_iam_role.r["search"].arn`:
 * a root Terraform knows (a resource type has an underscore) and at least one attribute. A
 * bare word (`DB_PASSWORD = Hunter2`, an unquoted value Terraform would reject) is no reference.
 */
const PLAIN_REFERENCE =
  /^(?:var|local|module|data|each|count|path|self|terraform|[a-z][a-z0-9]*_[a-z0-9_]+)(?:\.[A-Za-z_][\w-]*|\.\*|\[(?:\d+|\*|"[\w.:/-]{0,64}")\])+$/;

/** Whether an expression is a plain reference, which names inputs and holds no literal text. */
export function isPlainReference(expression: string): boolean {
  return expression.length <= MAX_SHOWN && PLAIN_REFERENCE.test(expression);
}
const MAX_SHOWN = 200;
/** Inputs named in code (never inside a string's literal text). */
const NAMED_INPUT = /\b(?:var|local|each|count)\.[A-Za-z_][\w-]*|\bmodule\.[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*/g;

/** Words for an unknown value in a finding: a plain reference as written, else what it reads. */
export function describeUnknown(value: UnknownValue): string {
  const { expression } = value;
  if (expression !== undefined && isPlainReference(expression)) return expression;
  const inputs = new Set(value.refs);
  if (expression !== undefined) {
    for (const match of splitExpression(expression).code.matchAll(NAMED_INPUT)) inputs.add(match[0]);
  }
  if (inputs.size > 0) return `an expression of ${[...inputs].join(', ')}`;
  return 'a value known only after apply';
}

export interface ExpressionParts {
  /** The expression with the literal text of every string blanked out; interpolations stay. */
  readonly code: string;
  /** The literal text of its strings and heredocs, as written (escapes undecoded), split at interpolations. */
  readonly literals: readonly Literal[];
}

export interface Literal {
  readonly text: string;
  /** The key the string is the value of (`DB_PASSWORD = "..."`, `"DB_PASSWORD": "..."`), when it is one. */
  readonly key?: string;
}

/** The key a value about to start is assigned to: `name =` or `name:` just before it. */
const KEY_BEFORE = /([A-Za-z_][\w-]*)\s*[=:]\s*$/;
/** A quoted key: the string just closed, then `=` or `:`. */
const ASSIGNED = /^"\s*[=:]\s*$/;

/**
 * Splits HCL expression text into code and literal text. Strings (`"..."`, with `\` escapes)
 * and heredocs (`<<EOT` … `EOT`) are literal text, except inside `${ }` and `%{ }`, which are
 * code again, to any depth. A lexer of its own rather than the expression parser: it must
 * split any text, including text the parser rejects.
 *
 * The text of an unknown value is an expression (`merge(var.a, { K = "v" })`,
 * `aws_iam_role.r.arn`) or, from HCL and CDKTF attributes that mix text and interpolations, a
 * template (`v-${var.env}`); the text does not say which. Text with an interpolation or a
 * directive outside any string is read as a template: its literal text is then literal.
 */
export function splitExpression(text: string): ExpressionParts {
  const asExpression = lex(text, 'expression');
  return asExpression.interpolatesOutsideStrings ? lex(text, 'template') : asExpression;
}

function lex(
  text: string,
  mode: 'expression' | 'template',
): ExpressionParts & { interpolatesOutsideStrings: boolean } {
  let interpolatesOutsideStrings = false;
  const literals: Literal[] = [];
  let code = '';
  let literal = '';
  // The whole text of the last string closed, and where the code was then: a quoted key.
  let closed: { text: string; at: number } | undefined;
  let stringText = '';
  // Each entry is what the text is inside of: a string, a heredoc (its closing marker) or an
  // interpolation (its open brace count).
  const stack: (
    | { kind: 'string'; key: string | undefined }
    | { kind: 'template'; key: undefined }
    | { kind: 'heredoc'; key: string | undefined; marker: RegExp }
    | { kind: 'code'; braces: number }
  )[] = mode === 'template' ? [{ kind: 'template', key: undefined }] : [];
  const endLiteral = (): void => {
    const top = stack[stack.length - 1];
    const key = top !== undefined && top.kind !== 'code' ? top.key : undefined;
    if (literal !== '') literals.push(key === undefined ? { text: literal } : { text: literal, key });
    stringText += literal;
    literal = '';
  };
  const keyBefore = (): string | undefined => {
    const tail = code.slice(-200);
    const named = KEY_BEFORE.exec(tail);
    if (named !== null) return named[1];
    if (closed !== undefined && ASSIGNED.test(code.slice(closed.at - 1))) return closed.text;
    return undefined;
  };
  let i = 0;
  while (i < text.length) {
    const top = stack[stack.length - 1];
    const c = text[i]!;
    if (top === undefined || top.kind === 'code') {
      if (c === '"') {
        stack.push({ kind: 'string', key: keyBefore() });
        stringText = '';
        code += c;
        i++;
        continue;
      }
      const heredoc = c === '<' ? /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 300)) : null;
      if (heredoc !== null) {
        stack.push({
          kind: 'heredoc',
          key: keyBefore(),
          marker: new RegExp(`^[ \\t]*${heredoc[1]}[ \\t]*(?:\\r?\\n|$)`),
        });
        code += heredoc[0];
        i += heredoc[0].length;
        continue;
      }
      if (top === undefined && (c === '$' || c === '%') && text[i + 1] === '{')
        interpolatesOutsideStrings = true;
      if (top !== undefined && c === '{') top.braces++;
      if (top !== undefined && c === '}' && top.braces-- === 0) stack.pop();
      code += c;
      i++;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      if (text[i - 1] === c) {
        // `$${` and `%%{` are literal text.
        literal += '{';
        i += 2;
        continue;
      }
      endLiteral();
      stack.push({ kind: 'code', braces: 0 });
      code += `${c}{`;
      i += 2;
      continue;
    }
    if (top.kind === 'string') {
      if (c === '\\' && i + 1 < text.length) {
        literal += text.slice(i, i + 2);
        code += '  ';
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
    } else if (
      top.kind === 'heredoc' &&
      (i === 0 || text[i - 1] === '\n') &&
      top.marker.test(text.slice(i, i + 300))
    ) {
      endLiteral();
      stack.pop();
      continue;
    }
    literal += c;
    code += c === '\n' ? c : ' ';
    i++;
  }
  endLiteral();
  return { code, literals, interpolatesOutsideStrings };
}
