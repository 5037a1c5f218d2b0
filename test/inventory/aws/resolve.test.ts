import { describe, expect, it } from 'vitest';
import { addressType } from '../../../action/inventory/aws/resolve.js';

// Edge cases pin what the original split-and-regex version returned, odd ones included.
describe('addressType', () => {
  it.each([
    ['aws_iam_role.r', 'aws_iam_role'],
    ['aws_iam_role.r[0]', 'aws_iam_role'],
    ['data.aws_iam_policy_document.d', 'aws_iam_policy_document'],
    ['module.a.aws_iam_role.r', 'aws_iam_role'],
    ['module.a["x"].aws_iam_role.r["k"]', 'aws_iam_role'],
    ['module.a["x.y"].module.b[1].data.aws_iam_policy_document.d', 'aws_iam_policy_document'],
    ['module.a["]"].b.c', '"]'],
    ['module.module.a.x', 'a'],
    ['module.a', ''],
    ['module.a[', '['],
    ['data', undefined],
    ['data.x', 'x'],
    ['', ''],
  ])('%s → %s', (address, type) => {
    expect(addressType(address)).toBe(type);
  });
});
