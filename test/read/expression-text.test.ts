// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform template strings are the data under test.
import { describe, expect, it } from 'vitest';
import { describeUnknown, splitExpression } from '../../action/read/expression-text.js';
import { unknownValue } from '../../action/read/record.js';

describe('describeUnknown', () => {
  it('shows a plain reference as written', () => {
    for (const expression of [
      'aws_iam_role.r.arn',
      'var.name',
      'module.m.role_arn',
      'aws_iam_role.tool["search"].arn',
      'data.aws_iam_policy_document.d.json',
      'aws_iam_role.r[0].arn',
    ]) {
      expect(describeUnknown(unknownValue([], expression))).toBe(expression);
    }
  });

  it('never shows the literal text of anything else, only what it reads', () => {
    expect(describeUnknown(unknownValue([], 'Zebra-Velvet-9931-${var.env}'))).toBe(
      'an expression of var.env',
    );
    expect(describeUnknown(unknownValue([], 'merge(var.extra, { DB_PASSWORD = "Lantern-Fig-3390" })'))).toBe(
      'an expression of var.extra',
    );
    expect(
      describeUnknown(
        unknownValue(['aws_db_instance.db'], '"pw=RiverStone8812;host=${aws_db_instance.db.address}"'),
      ),
    ).toBe('an expression of aws_db_instance.db');
    // A name-shaped run inside a string's text is not an input.
    expect(describeUnknown(unknownValue([], 'format("%s", "var.Hunter2secret")'))).toBe(
      'a value known only after apply',
    );
    expect(describeUnknown(unknownValue([]))).toBe('a value known only after apply');
  });
});

describe('splitExpression', () => {
  it('separates code from the literal text of strings and heredocs, keyed by what they are assigned to', () => {
    const parts = splitExpression(
      'merge(var.a, { DB_PASSWORD = "s3cr3t-${var.env}-x", "API_KEY": "k\\"ey" })',
    );
    expect(parts.literals).toEqual([
      { text: 's3cr3t-', key: 'DB_PASSWORD' },
      { text: '-x', key: 'DB_PASSWORD' },
      { text: 'API_KEY' },
      { text: 'k\\"ey', key: 'API_KEY' },
    ]);
    expect(parts.code).toContain('var.a');
    expect(parts.code).toContain('${var.env}');
    expect(parts.code).not.toContain('s3cr3t');

    const heredoc = splitExpression('{ TOKEN = <<-EOT\n  abc-${var.x}-def\n  EOT\n}');
    expect(heredoc.literals.map((l) => [l.text.trim(), l.key])).toEqual([
      ['abc-', 'TOKEN'],
      ['-def', 'TOKEN'],
    ]);
  });

  it('reads text with an interpolation outside strings as a template: literal text around it, $${ included', () => {
    const parts = splitExpression('pre-${var.a}-mid-%{ if var.b }x%{ endif }$${not}');
    expect(parts.literals.map((l) => l.text)).toEqual(['pre-', '-mid-', 'x', '${not}']);
    // A reference, or an expression whose interpolations are all inside its strings, is code.
    expect(splitExpression('aws_security_group.lambda_sg.id').literals).toEqual([]);
    expect(splitExpression('format("%s", "a-${var.b}")').literals.map((l) => l.text)).toEqual(['%s', 'a-']);
  });

  it('never throws on unbalanced text', () => {
    for (const text of ['"', '"${', '${"', '<<EOT\nx', '}}}', '"\\', '%{', 'a = "b']) {
      expect(() => splitExpression(text)).not.toThrow();
    }
  });
});
