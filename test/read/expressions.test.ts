// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform template strings are the data under test.
import { describe, expect, it } from 'vitest';
import {
  EvalScope,
  evaluate,
  evaluateExpression,
  evaluateTemplate,
  jsonencode,
} from '../../action/read/expressions.js';
import { isUnknown, unknownValue } from '../../action/read/record.js';

function scope(options: { module?: string } = {}): EvalScope {
  return new EvalScope({
    module: options.module ?? '',
    locals: new Map<string, unknown>([
      ['bucket', 'mcp-artifacts'],
      ['tags', { team: 'search', 'mcp-nhi:server': 'search' }],
      ['prefix', '${var.prefix}-x'],
      ['nested', { list: [{ name: 'first' }, { name: 'second' }] }],
      ['loop_a', '${local.loop_b}'],
      ['loop_b', '${local.loop_a}'],
      ['role_arn', '${aws_iam_role.r.arn}'],
      ['partial', { known: 'yes', arn: '${aws_iam_role.r.arn}' }],
    ]),
    variables: new Map([
      ['prefix', { hasDefault: true, default: 'mcp' }],
      ['flag', { hasDefault: true, default: true }],
      ['required', { hasDefault: false }],
      ['nullable', { hasDefault: true, default: null }],
    ]),
  });
}

const t = (text: string, s: EvalScope = scope()): unknown => evaluateTemplate(text, s);

describe('literals and templates', () => {
  it('keeps strings without templates as they are', () => {
    expect(t('plain $x and 100%')).toBe('plain $x and 100%');
  });

  it('interpolates locals and variable defaults', () => {
    expect(t('arn:aws:s3:::${local.bucket}/*')).toBe('arn:aws:s3:::mcp-artifacts/*');
    expect(t('${var.prefix}-tool')).toBe('mcp-tool');
    expect(t('${local.prefix}')).toBe('mcp-x');
  });

  it('keeps the type of a lone interpolation', () => {
    expect(t('${var.flag}')).toBe(true);
    expect(t('${local.tags}')).toEqual({ team: 'search', 'mcp-nhi:server': 'search' });
    expect(t('${1 + 2 * 3}')).toBe(7);
    expect(t('n=${1 + 1}')).toBe('n=2');
  });

  it('turns $${ and %%{ escapes into literal text', () => {
    expect(t('$${not_interpolated}')).toBe('${not_interpolated}');
    expect(t('a $${b} ${local.bucket} %%{c}')).toBe('a ${b} mcp-artifacts %{c}');
  });

  it('decodes escapes in quoted strings inside expressions', () => {
    expect(t('${jsonencode({ a = "x\\n\\"y\\"", b = "$${z}" })}')).toBe('{"a":"x\\n\\"y\\"","b":"${z}"}');
  });

  it('reads heredocs written inside expressions', () => {
    const text =
      '${jsonencode({\n  a = <<-EOT\n    bucket=${local.bucket}\n      indented\n    EOT\n  b = 2 # comment\n})}';
    expect(t(text)).toBe('{"a":"bucket=mcp-artifacts\\n  indented\\n","b":2}');
  });

  it('strips whitespace around ~ markers', () => {
    expect(t('a  ${~ local.bucket ~}  b')).toBe('amcp-artifactsb');
  });

  it('evaluates %{ if } and %{ for } directives as Terraform does', () => {
    // Each expected value is what `terraform console` (1.11) printed for the same template.
    const vars = new EvalScope({
      variables: new Map([
        ['arns', { hasDefault: true, default: ['arn:a', 'arn:b'], literal: true }],
        ['names', { hasDefault: true, default: ['beta', 'alpha'], literal: true, set: true }],
        ['on', { hasDefault: true, default: true, literal: true }],
      ]),
    });
    expect(
      t('[%{ for i, a in var.arns ~}"${a}"%{ if i < length(var.arns) - 1 },%{ endif }%{ endfor ~}]', vars),
    ).toBe('["arn:a","arn:b"]');
    expect(t('x %{~ if var.on ~}  yes  %{~ else ~} no %{~ endif ~} y', vars)).toBe('xyesy');
    expect(t('%{ for k, v in var.names }${k}=${v};%{ endfor }', vars)).toBe('alpha=alpha;beta=beta;');
    expect(t('a %{ if !var.on }T%{ else }F%{ endif } b', vars)).toBe('a F b');
    expect(t('%{for a in var.arns}%{for b in var.arns}${a}${b},%{endfor}%{endfor}', vars)).toBe(
      'arn:aarn:a,arn:aarn:b,arn:barn:a,arn:barn:b,',
    );
  });

  it('a directive over a value known only after apply makes the template unknown, with its references', () => {
    const condition = t('%{ if aws_iam_role.r.name != "" }x%{ endif }');
    expect(isUnknown(condition)).toBe(true);
    expect(condition).toMatchObject({ refs: ['aws_iam_role.r'] });
    const loop = t('%{ for a in aws_iam_role.all[*].arn }${a}%{ endfor }');
    expect(loop).toMatchObject({ $unknown: true, refs: ['aws_iam_role.all'] });
    // The loop's own name is not a reference; what the body reads is.
    const body = t('%{ for a in aws_iam_role.all }${a.arn}${aws_iam_policy.p.arn}%{ endfor }');
    expect(body).toMatchObject({ $unknown: true, refs: ['aws_iam_role.all', 'aws_iam_policy.p'] });
  });

  it('a directive left open, closed twice or unknown is unknown, never a partial string', () => {
    for (const text of [
      '%{ if true }x',
      'x%{ endif }',
      '%{ for a in ["x"] }${a}',
      '%{ if true }x%{ endfor }',
      '%{ while true }x%{ endwhile }',
      '%{ for a, b, c in [] }%{ endfor }',
    ]) {
      expect(t(text), text).toMatchObject({ $unknown: true });
    }
  });
});

describe('functions', () => {
  it('jsonencode is compact with sorted keys, like Terraform', () => {
    expect(
      t('${jsonencode({ Version = "2012-10-17", Statement = [{ Resource = "*", Action = "*" }] })}'),
    ).toBe('{"Statement":[{"Action":"*","Resource":"*"}],"Version":"2012-10-17"}');
    expect(jsonencode({ a: '<b>&' })).toBe('{"a":"\\u003cb\\u003e\\u0026"}');
  });

  it('jsonencode of a value with an unknown leaf is unknown as a whole, with the refs', () => {
    const value = t('${jsonencode({ Resource = aws_s3_bucket.b.arn, Action = "*" })}');
    expect(value).toEqual({
      ...unknownValue(['aws_s3_bucket.b'], 'jsonencode({ Resource = aws_s3_bucket.b.arn, Action = "*" })'),
      partial: { Action: '*', Resource: unknownValue(['aws_s3_bucket.b'], 'aws_s3_bucket.b.arn') },
    });
  });

  it('jsondecode, merge, concat, conversions, strings', () => {
    expect(t('${jsondecode("{\\"a\\":[1,2]}")}')).toEqual({ a: [1, 2] });
    expect(t('${merge(local.tags, { team = "other", extra = 1 })}')).toEqual({
      team: 'other',
      'mcp-nhi:server': 'search',
      extra: 1,
    });
    expect(t('${concat(["a"], ["b", "c"])}')).toEqual(['a', 'b', 'c']);
    expect(t('${tolist(["a"])}')).toEqual(['a']);
    expect(t('${toset(["b", "a", "b"])}')).toEqual(['a', 'b']);
    expect(t('${tomap({ a = 1 })}')).toEqual({ a: 1 });
    expect(t('${lower("ABC")}-${upper(local.bucket)}')).toBe('abc-MCP-ARTIFACTS');
    expect(t('${format("%s-%d-%%", "role", 7)}')).toBe('role-7-%');
    expect(t('${join(",", ["a", "b"])}')).toBe('a,b');
    expect(t('${lookup(local.tags, "missing", "fallback")}')).toBe('fallback');
  });

  it('an unknown function is unknown, with the references of its arguments', () => {
    const value = t('${file("${path.module}/policy.json")}');
    expect(value).toMatchObject({ $unknown: true, refs: [] });
    expect(t('${templatefile("p.tpl", { arn = aws_iam_role.r.arn })}')).toMatchObject({
      refs: ['aws_iam_role.r'],
    });
  });

  it('merge keeps unknown leaves in place, but an unknown argument makes it unknown', () => {
    expect(t('${merge(local.tags, { arn = aws_iam_role.r.arn })}')).toEqual({
      team: 'search',
      'mcp-nhi:server': 'search',
      arn: unknownValue(['aws_iam_role.r'], 'aws_iam_role.r.arn'),
    });
    expect(t('${merge(local.tags, module.labels.tags)}')).toEqual(
      unknownValue(['module.labels'], 'merge(local.tags, module.labels.tags)'),
    );
  });
});

describe('references and access', () => {
  it('resource references are unknown with the resource address', () => {
    expect(t('${aws_iam_role.r.arn}')).toEqual(unknownValue(['aws_iam_role.r'], 'aws_iam_role.r.arn'));
    expect(t('${aws_iam_role.r[0].arn}')).toMatchObject({ refs: ['aws_iam_role.r'] });
    expect(t('${data.aws_iam_policy_document.d.json}')).toMatchObject({
      refs: ['data.aws_iam_policy_document.d'],
    });
    expect(t('${module.m.out}')).toMatchObject({ refs: ['module.m'] });
  });

  it('prefixes references with the module path', () => {
    expect(t('${aws_iam_role.r.arn}', scope({ module: 'module.a' }))).toMatchObject({
      refs: ['module.a.aws_iam_role.r'],
    });
  });

  it('a string mixing text and an unknown part is unknown as a whole', () => {
    expect(t('arn:${aws_s3_bucket.b.arn}/*')).toEqual(
      unknownValue(['aws_s3_bucket.b'], 'arn:${aws_s3_bucket.b.arn}/*'),
    );
  });

  it('each, count, path, unset variables and missing locals are unknown without refs', () => {
    for (const text of [
      '${each.value}',
      '${count.index}',
      '${var.required}',
      '${local.nope}',
      '${path.module}',
    ]) {
      expect(t(text)).toMatchObject({ $unknown: true, refs: [] });
    }
    expect(t('${var.nullable}')).toBeNull();
  });

  it('unknown locals carry their refs to every use', () => {
    expect(t('${local.role_arn}')).toMatchObject({ refs: ['aws_iam_role.r'] });
    expect(t('${local.partial.known}')).toBe('yes');
  });

  it('detects cycles between locals', () => {
    expect(t('${local.loop_a}')).toMatchObject({ $unknown: true });
  });

  it('supports attribute and index access, and splats', () => {
    expect(t('${local.tags["team"]}')).toBe('search');
    expect(t('${local.tags.team}')).toBe('search');
    expect(t('${local.nested.list[1].name}')).toBe('second');
    expect(t('${local.nested.list[*].name}')).toEqual(['first', 'second']);
    expect(t('${local.tags["missing"]}')).toMatchObject({ $unknown: true });
  });

  it('evaluates conditionals whose condition is known', () => {
    expect(t('${var.prefix == "mcp" ? "yes" : aws_x.y.id}')).toBe('yes');
    expect(t('${!var.flag ? "a" : "b"}')).toBe('b');
    expect(t('${var.required ? aws_a.b.id : "x"}')).toMatchObject({ refs: ['aws_a.b'] });
  });

  it('a for expression over a collection known only after apply is unknown, with the references it reads', () => {
    const value = t('${[for r in aws_iam_role.all : r.arn if r.name != ""]}');
    expect(value).toEqual(
      unknownValue(['aws_iam_role.all'], '[for r in aws_iam_role.all : r.arn if r.name != ""]'),
    );
  });

  it('evaluates for expressions over known collections, as Terraform does', () => {
    expect(t('${{ for k, v in local.tags : k => upper(v) }}')).toEqual({
      'mcp-nhi:server': 'SEARCH',
      team: 'SEARCH',
    });
    // A list's key is its index; `if` filters.
    expect(t('${[for i, n in ["a", "b", "c"] : "${i}-${n}" if n != "b"]}')).toEqual(['0-a', '2-c']);
    // Maps in key order; `...` groups values with the same key.
    expect(t('${{ for k, v in { b = "x", a = "y", c = "x" } : v => k... }}')).toEqual({
      x: ['b', 'c'],
      y: ['a'],
    });
    expect(t('${[for n in local.nested.list : "arn:aws:s3:::${n.name}/*"]}')).toEqual([
      'arn:aws:s3:::first/*',
      'arn:aws:s3:::second/*',
    ]);
  });

  it('a for expression over a set keys each element by itself, as Terraform does', () => {
    // terraform console: [for k, v in toset(["b","a"]) : k] is ["a", "b"]; numbers sort as numbers.
    expect(t('${[for k, v in toset(["b", "a", "b"]) : k]}')).toEqual(['a', 'b']);
    expect(t('${{ for k, v in toset([10, 9]) : k => v }}')).toEqual({ '9': 9, '10': 10 });
    // A list keeps its index, also when it holds the same strings.
    expect(t('${[for k, v in ["b", "a"] : k]}')).toEqual([0, 1]);
    const typed = new EvalScope({
      variables: new Map([
        ['names', { hasDefault: true, default: ['beta', 'alpha', 'beta'], literal: true, set: true }],
      ]),
    });
    expect(t('${{ for k, v in var.names : k => upper(v) }}', typed)).toEqual({
      alpha: 'ALPHA',
      beta: 'BETA',
    });
  });

  it('a for expression with an unknown key or condition, a duplicate key or no collection is unknown', () => {
    expect(t('${{ for v in ["a"] : aws_iam_role.r.name => v }}')).toMatchObject({ $unknown: true });
    expect(t('${[for v in ["a"] : v if var.required]}')).toMatchObject({ $unknown: true });
    expect(t('${{ for v in ["a", "a"] : v => v }}')).toMatchObject({ $unknown: true });
    expect(t('${[for v in "text" : v]}')).toMatchObject({ $unknown: true });
    // Unknown values inside stay unknown leaves.
    expect(t('${[for v in ["a"] : aws_iam_role.r.arn]}')).toEqual([
      unknownValue(['aws_iam_role.r'], 'aws_iam_role.r.arn'),
    ]);
  });

  it('identifiers may contain dashes, as CDKTF names do', () => {
    expect(t('${aws_s3_bucket.site_web-config_53A7.arn}')).toMatchObject({
      refs: ['aws_s3_bucket.site_web-config_53A7'],
    });
  });
});

describe('robustness', () => {
  it('syntax errors become unknown, still naming resources found in the text', () => {
    expect(t('${aws_iam_role.r.arn +}')).toMatchObject({ $unknown: true, refs: ['aws_iam_role.r'] });
    expect(t('${provider::aws::arn_parse(aws_iam_role.r.arn)}')).toMatchObject({ refs: ['aws_iam_role.r'] });
  });

  it('work and sizes are bounded: nested loops, doubling lists and strings become unknown', () => {
    const big = `[${Array.from({ length: 2000 }, (_, i) => i).join(', ')}]`;
    const doubling = (make: (previous: string) => string, seed: string) =>
      new EvalScope({
        locals: new Map<string, unknown>([
          ['l0', seed],
          ...Array.from({ length: 40 }, (_, i): [string, unknown] => [`l${i + 1}`, make(`local.l${i}`)]),
        ]),
      });
    // 4,000,000 iterations.
    expect(t(`\${[for a in ${big} : [for b in ${big} : a]]}`)).toMatchObject({ $unknown: true });
    expect(t(`\${[for a in ${big} : a]}`)).toHaveLength(2000);
    const lists = doubling((previous) => `\${concat(${previous}, ${previous})}`, '${["x"]}');
    expect(evaluateTemplate('${local.l40}', lists)).toMatchObject({ $unknown: true });
    const strings = doubling((previous) => `\${${previous}}\${${previous}}`, 'xy');
    expect(evaluateTemplate('${local.l40}', strings)).toMatchObject({ $unknown: true });
    // Template loops share the iteration budget and may not build more than the size limit.
    expect(t(`%{ for a in ${big} }%{ for b in ${big} }x%{ endfor }%{ endfor }`)).toMatchObject({
      $unknown: true,
    });
    const long = new EvalScope({ locals: new Map([['s', 'x'.repeat(100_000)]]) });
    expect(t(`%{ for a in ${big} }\${local.s}%{ endfor }`, long)).toMatchObject({ $unknown: true });
    expect(t(`%{ for a in ${big} }x%{ endfor }`)).toBe('x'.repeat(2000));
  });

  it('deep nesting is unknown, never a stack overflow', () => {
    const deep = `\${${'['.repeat(5000)}1${']'.repeat(5000)}}`;
    expect(t(deep)).toMatchObject({ $unknown: true });
    let value: unknown = 'leaf';
    for (let i = 0; i < 5000; i++) value = { a: value };
    expect(() => evaluate(value)).not.toThrow();
    expect(() => jsonencode(value)).not.toThrow();
  });

  it('never pollutes prototypes', () => {
    const value = evaluate(JSON.parse('{"__proto__": {"polluted": "${local.bucket}"}}'), scope()) as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const merged = t('${merge(jsondecode("{\\"__proto__\\": {\\"polluted\\": 1}}"), { constructor = 1 })}');
    expect(Object.keys(merged as object).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on token soup', () => {
    const pieces = [
      '${',
      '}',
      '%{',
      '$${',
      '"',
      '\\',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      ',',
      '=',
      ':',
      '?',
      '.',
      '*',
      '[*]',
      '<<EOT\n',
      '\nEOT\n',
      '<<-X\n',
      'for',
      ' in ',
      'local.tags',
      'var.prefix',
      'aws_a.b',
      'data.x.y.z',
      'jsonencode(',
      'merge(',
      'format(',
      '"%d"',
      '1',
      '-',
      '!',
      '&&',
      '==',
      'null',
      'true',
      '~',
      '\n',
      '#',
      '/*',
      '...',
    ];
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let text = '${';
      const length = 1 + random(25);
      for (let j = 0; j < length; j++) text += pieces[random(pieces.length)];
      expect(() => t(text)).not.toThrow();
      expect(() => evaluateExpression(text.slice(2))).not.toThrow();
    }
  });

  it('evaluates objects and lists leaf by leaf', () => {
    expect(evaluate({ a: ['${local.bucket}', { b: '${aws_x.y.id}' }], n: 1, z: null }, scope())).toEqual({
      a: ['mcp-artifacts', { b: unknownValue(['aws_x.y'], 'aws_x.y.id') }],
      n: 1,
      z: null,
    });
  });

  it('evaluateExpression takes an expression without the ${ } wrapper', () => {
    expect(evaluateExpression('merge({ a = 1 }, { b = 2 })')).toEqual({ a: 1, b: 2 });
    expect(evaluateExpression('{\n  a = 1\n  b = [\n    2,\n    3,\n  ]\n}')).toEqual({ a: 1, b: [2, 3] });
  });
});

describe('partly known JSON documents', () => {
  it('jsonencode with a reference keeps the structure as `partial`', () => {
    const value = evaluate(
      '${jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = aws_iam_role.server.arn } }] })}',
    );
    expect(value).toMatchObject({
      $unknown: true,
      refs: ['aws_iam_role.server'],
      partial: {
        Statement: [
          { Effect: 'Allow', Principal: { AWS: { $unknown: true, refs: ['aws_iam_role.server'] } } },
        ],
      },
    });
  });

  it('a JSON template with interpolations in its strings (as CDKTF writes policies) keeps the structure', () => {
    const value = evaluate(
      '{"Statement":[{"Principal":{"AWS":"${aws_iam_role.server.arn}"},"Resource":"arn:aws:s3:::${local.bucket}/*"}]}',
      new EvalScope({ locals: new Map([['bucket', 'reports']]) }),
    );
    expect(value).toMatchObject({
      $unknown: true,
      partial: {
        Statement: [
          {
            Principal: { AWS: { $unknown: true, refs: ['aws_iam_role.server'] } },
            Resource: 'arn:aws:s3:::reports/*',
          },
        ],
      },
    });
  });

  it('gives no partial when the template is not JSON', () => {
    expect(evaluate('{not json ${aws_iam_role.r.arn}')).not.toHaveProperty('partial');
  });
});
