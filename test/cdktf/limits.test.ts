/** Servers too big for AWS's size limits throw at construction, naming the limit and the way out. */
import { describe, expect, it } from 'vitest';
import { Grant, McpServer, type McpServerProps, TENANT_PLACEHOLDER } from '../../cdktf/index.js';
import { IMAGE, serverProps, synthServer, testStack } from './helpers.js';

const BOUNDARY = 'arn:aws:iam::111122223333:policy/mcp-boundary';
const construct = (props: Partial<McpServerProps>) => () =>
  new McpServer(testStack(), 'Server', serverProps(props));
const tools = (count: number, grants = 0) =>
  Array.from({ length: count }, (_, i) => ({
    name: `tool_number_${i}`,
    grants: Array.from({ length: grants }, (_, g) =>
      Grant.allow(
        ['dynamodb:Query', 'dynamodb:GetItem'],
        [
          `arn:aws:dynamodb:eu-west-1:111122223333:table/table-${i}-${g}`,
          `arn:aws:dynamodb:eu-west-1:111122223333:table/table-${i}-${g}/index/*`,
        ],
      ),
    ),
  }));
const ecs = { lambda: undefined, ecs: { image: IMAGE } };

describe('AWS size limits', () => {
  it("noncompliant: 30 tools' role ARNs overflow Lambda's 4 KB environment", () => {
    expect(construct({ tools: tools(30) })).toThrow(
      /the Lambda environment .* over AWS's limit of 4096: run the server on ECS or EKS/,
    );
  });
  it('compliant: 20 tools on Lambda, 30 on ECS', () => {
    expect(() => synthServer(serverProps({ tools: tools(20) }))).not.toThrow();
    expect(() => synthServer(serverProps({ ...ecs, tools: tools(30) }))).not.toThrow();
  });
  it('noncompliant: a generated boundary over the 6,144 characters of a managed policy', () => {
    expect(construct({ ...ecs, tools: tools(25, 2) })).toThrow(
      /the generated permissions boundary .* over AWS's limit of 6144: pass permissionsBoundaryArn/,
    );
  });
  it('compliant: the same tools with a boundary of their own', () => {
    expect(() =>
      synthServer(serverProps({ ...ecs, tools: tools(25, 2), permissionsBoundaryArn: BOUNDARY })),
    ).not.toThrow();
  });
  it("noncompliant: the server role's policy over IAM's 10,240 characters of inline policy", () => {
    const tenants = Array.from({ length: 40 }, (_, i) => `tenant-${i}`);
    const grant = Grant.allow(['s3:GetObject'], [`arn:aws:s3:::docs-${TENANT_PLACEHOLDER}/*`]);
    expect(
      construct({
        ...ecs,
        permissionsBoundaryArn: BOUNDARY,
        tenancy: { tenants, identityPerTenant: true },
        tools: tools(5).map((tool) => ({ ...tool, grants: [grant] })),
      }),
    ).toThrow(/the server role's policy .* over AWS's limit of 10240/);
  });
});
