/** ARNs the constructs write themselves carry the region's partition (China, GovCloud, ...). */
import { describe, expect, it } from 'vitest';
import { McpServer } from '../../cdktf/index.js';
import { serverProps, synthServer, testStack } from './helpers.js';

const CN_IMAGE = `111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/issues-mcp@sha256:${'ab'.repeat(32)}`;

/** Every literal ARN in the synthesized JSON (policies are JSON strings inside it). */
function arns(json: unknown): string[] {
  return [
    ...JSON.stringify(json)
      .replaceAll('\\"', '"')
      .matchAll(/arn:[a-z0-9-]+:[^"]*/g),
  ].map((m) => m[0]);
}

describe('partitions', () => {
  it('cn-north-1 (Lambda and ECS) writes only arn:aws-cn: ARNs', () => {
    const base = { region: 'cn-north-1', tools: [{ name: 'search' }] };
    for (const runtime of [
      { lambda: { imageUri: CN_IMAGE } },
      { lambda: undefined, ecs: { image: CN_IMAGE } },
    ]) {
      const written = arns(synthServer(serverProps({ ...base, ...runtime })).json);
      expect(written.length).toBeGreaterThanOrEqual(3);
      expect(written.filter((arn) => !arn.startsWith('arn:aws-cn:'))).toEqual([]);
    }
  });
  it('compliant: eu-west-1 stays arn:aws:', () => {
    const written = arns(synthServer(serverProps()).json);
    expect(written.filter((arn) => !arn.startsWith('arn:aws:'))).toEqual([]);
  });
  it('a region that is not a region name throws', () => {
    expect(() => new McpServer(testStack(), 'Server', serverProps({ region: 'EU West 1' }))).toThrow(
      /region "EU West 1" is not an AWS region name/,
    );
  });
});
