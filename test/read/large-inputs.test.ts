/** Readers take configurations and plans past the size where spreading an array into push() throws. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readInputs } from '../../action/read/read-inputs.js';

it('reads a CDKTF stack of 130,000 resources', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nhi-large-'));
  const users: Record<string, unknown> = {};
  for (let i = 0; i < 130_000; i++) users[`u${i}`] = { name: `u${i}` };
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { aws_iam_user: users } }));
  const { records, inputs } = await readInputs([dir]);
  expect(records).toHaveLength(130_000);
  expect(records.at(-1)?.values).toEqual({ name: 'u129999' });
  expect(inputs).toEqual([expect.objectContaining({ format: 'cdktf', resources: 130_000 })]);
});
