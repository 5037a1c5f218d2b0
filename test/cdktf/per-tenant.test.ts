/**
 * Multi-tenant servers with one identity per tenant (`tenancy.identityPerTenant`): what they
 * synthesize, that the check finds nothing on them, and that misuse throws with a fix. Also the
 * shared mode's shape now that the check reads the tenant tag on the tool roles' trust only.
 */
import { describe, expect, it } from 'vitest';
import {
  Grant,
  McpServer,
  type McpServerProps,
  SynthCheck,
  TENANT_PLACEHOLDER,
  TENANT_VARIABLE,
  type TenancyProps,
} from '../../cdktf/index.js';
import { IMAGE, serverProps, synthServer, type Tf, testStack } from './helpers.js';

const DOCS = `arn:aws:s3:::docs/${TENANT_PLACEHOLDER}/*`;
const TENANT_TABLE = `arn:aws:dynamodb:eu-west-1:111122223333:table/issues-${TENANT_PLACEHOLDER}`;

/** A valid per-tenant server: two tools, two tenants. */
function perTenantProps(overrides: Partial<McpServerProps> = {}): McpServerProps {
  return serverProps({
    tenancy: { tenants: ['acme', 'globex'], identityPerTenant: true },
    tools: [
      { name: 'read_doc', grants: [Grant.allow(['s3:GetObject'], [DOCS])] },
      {
        name: 'file_issue',
        writeCapable: true,
        grants: [Grant.allow(['dynamodb:PutItem'], [TENANT_TABLE])],
      },
    ],
    ...overrides,
  });
}

const construct = (props: McpServerProps) => () => new McpServer(testStack(), 'Server', props);
const roleNamed = (json: Tf, name: string): Tf =>
  Object.values<Tf>(json.resource.aws_iam_role).find((role) => role.name === name);

describe('one identity per tenant: what it synthesizes', () => {
  it('a role per tool per tenant, trusted by the server role alone with its tenant pinned', () => {
    const { json } = synthServer(perTenantProps());
    const role = roleNamed(json, 'issues-mcp-tool-file_issue@globex');
    expect(role.tags).toMatchObject({
      'mcp-nhi:server': 'issues-mcp',
      'mcp-nhi:tool': 'file_issue',
      'mcp-nhi:tenant': 'globex',
      'mcp-nhi:owner': 'platform-security@example.com',
    });
    const trust = JSON.parse(role.assume_role_policy);
    for (const statement of trust.Statement)
      expect(statement.Principal).toEqual({
        AWS: expect.stringMatching(/^\$\{aws_iam_role\.Server_ServerRole_\w+\.arn\}$/),
      });
    expect(trust.Statement[0].Condition.StringEquals).toEqual({
      'aws:RequestTag/mcp-tool': 'file_issue',
      'aws:RequestTag/tenant': 'globex',
    });
    expect(trust.Statement[0].Condition['ForAllValues:StringEquals']['aws:TagKeys']).toEqual([
      'mcp-tool',
      'tenant',
    ]);
    const names = Object.values<Tf>(json.resource.aws_iam_role)
      .map((r) => r.name)
      .sort();
    expect(names).toEqual([
      'issues-mcp-server',
      'issues-mcp-tool-file_issue@acme',
      'issues-mcp-tool-file_issue@globex',
      'issues-mcp-tool-read_doc@acme',
      'issues-mcp-tool-read_doc@globex',
    ]);
  });

  it('{tenant} in a grant names each tenant’s own resources; the boundary covers every tenant', () => {
    const { json, server } = synthServer(perTenantProps());
    const acme = JSON.parse(roleNamed(json, 'issues-mcp-tool-read_doc@acme').inline_policy[0].policy);
    expect(acme.Statement[0].Resource).toEqual(['arn:aws:s3:::docs/acme/*']);
    const globex = JSON.parse(roleNamed(json, 'issues-mcp-tool-file_issue@globex').inline_policy[0].policy);
    expect(globex.Statement[0].Resource).toEqual([
      'arn:aws:dynamodb:eu-west-1:111122223333:table/issues-globex',
    ]);
    expect(globex.Statement[0].Condition.StringLike['aws:SourceIdentity']).toEqual(['mcp-user-*']);
    const boundary = Object.values<Tf>(json.resource.aws_iam_policy)[0].policy as string;
    expect(boundary).not.toContain(TENANT_PLACEHOLDER);
    expect(boundary).toContain('arn:aws:s3:::docs/acme/*');
    expect(boundary).toContain('arn:aws:s3:::docs/globex/*');
    expect(server.tool('read_doc').roleFor('globex')).toBe(server.tool('read_doc').identities[1]?.role);
  });

  it('the server may assume only its own tool roles, with a tool and a known tenant tag', () => {
    const { json } = synthServer(perTenantProps());
    const statement = JSON.parse(Object.values<Tf>(json.resource.aws_iam_role_policy)[0].policy).Statement[0];
    expect(statement.Resource).toHaveLength(4);
    for (const resource of statement.Resource)
      expect(resource).toMatch(/^\$\{aws_iam_role\.Server_Tool-\w+_Role-(acme|globex)_\w+\.arn\}$/);
    expect(statement.Condition.StringEquals['aws:RequestTag/tenant']).toEqual(['acme', 'globex']);
    const env = Object.values<Tf>(json.resource.aws_lambda_function)[0].environment.variables;
    expect(
      Object.keys(env)
        .filter((key) => key.startsWith('MCP_TOOL_ROLE_'))
        .sort(),
    ).toEqual([
      'MCP_TOOL_ROLE_FILE_ISSUE__ACME',
      'MCP_TOOL_ROLE_FILE_ISSUE__GLOBEX',
      'MCP_TOOL_ROLE_READ_DOC__ACME',
      'MCP_TOOL_ROLE_READ_DOC__GLOBEX',
    ]);
  });

  it('the manifest lists each tenant identity as <tool>@<tenant>; Cedar has one action per (tool, tenant)', () => {
    const { json, server } = synthServer(perTenantProps());
    const manifest = Object.values<Tf>(json.resource.terraform_data)[0].input.servers[0];
    expect(manifest.multiTenant).toBe(true);
    expect(manifest.tools.map((t: Tf) => t.name)).toEqual([
      'read_doc@acme',
      'read_doc@globex',
      'file_issue@acme',
      'file_issue@globex',
    ]);
    for (const tool of manifest.tools) {
      const [, logicalId] = tool.identity.split('.');
      const role = json.resource.aws_iam_role[logicalId];
      expect(`${role.tags['mcp-nhi:tool']}@${role.tags['mcp-nhi:tenant']}`).toBe(tool.name);
      expect(tool.writeCapable).toBe(tool.name.startsWith('file_issue'));
    }
    expect(Object.keys(server.cedarSchema.McpTool as Tf).length).toBeGreaterThan(0);
    expect(Object.keys((server.cedarSchema.McpTool as Tf).actions)).toEqual(
      manifest.tools.map((t: Tf) => t.name),
    );
    const cedar = server.tool('file_issue').identities[0]!.cedarPolicy;
    expect(cedar).toContain('action == McpTool::Action::"file_issue@acme"');
    expect(cedar).toContain('principal.tenant == "acme" && context.tenant == "acme" && context.mfa == true');
  });

  it('the check finds nothing, with scope mcp and all', () => {
    const stack = testStack();
    new McpServer(stack, 'Server', perTenantProps());
    for (const scope of ['mcp', 'all'] as const) {
      const { report } = SynthCheck.of(stack).configure({ scope, failOn: 'low' }).run();
      expect(report.findings.map((f) => `${f.control} ${f.status} ${f.address} ${f.message}`)).toEqual([]);
      expect(report.summary.tools).toBe(4);
    }
  });

  it("a wildcard acknowledgement waives MCP-NHI-007 on the grant's policy of every tenant role of the tool, nothing else", () => {
    const stack = testStack();
    const server = new McpServer(
      stack,
      'Server',
      perTenantProps({
        tools: [
          {
            name: 'export',
            grants: [
              Grant.allowWildcard(['s3:*'], [`arn:aws:s3:::exports-${TENANT_PLACEHOLDER}/*`], {
                reason: 'bulk export',
                owner: 'data-team@example.com',
                expires: '2027-01-31',
              }),
            ],
          },
        ],
      }),
    );
    const { report } = SynthCheck.of(stack).configure({ failOn: 'low' }).run();
    expect(report.findings.filter((f) => f.status !== 'waived')).toEqual([]);
    expect(new Set(report.findings.map((f) => f.address))).toEqual(
      new Set(
        server
          .tool('export')
          .identities.flatMap((identity) => identity.wildcardGrants.map((w) => w.policy.address)),
      ),
    );
  });
});

describe('one identity per tenant: misuse throws with a fix', () => {
  it('identityPerTenant without tenants', () => {
    expect(construct(perTenantProps({ tenancy: { tenants: [], identityPerTenant: true } }))).toThrow(
      /tenancy\.identityPerTenant is set but no tenants are listed; list them in tenancy\.tenants/,
    );
    expect(
      construct(perTenantProps({ tenancy: { identityPerTenant: true } as unknown as TenancyProps })),
    ).toThrow(/no tenants are listed/);
    expect(construct(serverProps({ tenancy: { tenants: [] } }))).toThrow(/tenancy\.tenants is empty/);
  });

  it('tenant names: non-empty, [a-z0-9-], unique', () => {
    for (const bad of ['', 'Acme', 'acme_eu', 'acme eu', '-acme', 'a'.repeat(64)]) {
      expect(
        construct(perTenantProps({ tenancy: { tenants: ['ok', bad], identityPerTenant: true } })),
      ).toThrow(/in tenancy\.tenants: use 1 to 63 lowercase letters, digits or "-"/);
    }
    expect(
      construct(perTenantProps({ tenancy: { tenants: ['acme', 'acme'], identityPerTenant: true } })),
    ).toThrow(/tenant "acme" is listed twice/);
  });

  it('multiTenant: false contradicts tenancy', () => {
    expect(construct(perTenantProps({ multiTenant: false }))).toThrow(
      /multiTenant is false but tenancy is set.*Remove multiTenant: false/,
    );
  });

  it('{tenant} outside identity-per-tenant mode, and grants that name no tenant at all', () => {
    const placeholder = [{ name: 'read', grants: [Grant.allow(['s3:GetObject'], [DOCS])] }];
    expect(construct(serverProps({ tools: placeholder }))).toThrow(
      /names \{tenant\}, which is filled in only for a server with one identity per tenant/,
    );
    expect(construct(serverProps({ multiTenant: true, tools: placeholder }))).toThrow(
      /identityPerTenant: true/,
    );
    expect(
      construct(
        perTenantProps({
          tools: [{ name: 'all', grants: [Grant.allow(['s3:GetObject'], ['arn:aws:s3:::docs/*'])] }],
        }),
      ),
    ).toThrow(
      /not scoped by tenant on a multi-tenant server \(MCP-NHI-015\)\. Put \{tenant\} \(TENANT_PLACEHOLDER\)/,
    );
    expect(
      construct(
        perTenantProps({
          tools: [
            {
              name: 'var',
              grants: [Grant.allow(['s3:GetObject'], [`arn:aws:s3:::docs/${TENANT_VARIABLE}/*`])],
            },
          ],
        }),
      ),
    ).not.toThrow();
  });

  it('role names over 64 characters, and tool/tenant pairs that share an environment variable', () => {
    expect(
      construct(
        perTenantProps({
          tenancy: { tenants: ['a-very-long-tenant-name-for-this-iam-role'], identityPerTenant: true },
        }),
      ),
    ).toThrow(
      /role name "issues-mcp-tool-read_doc@a-very-long-tenant-name-for-this-iam-role" is over IAM's 64/,
    );
    expect(
      construct(
        perTenantProps({
          tools: [
            { name: 'read-doc', grants: [Grant.allow(['s3:GetObject'], [DOCS])] },
            { name: 'read_doc', grants: [Grant.allow(['s3:GetObject'], [DOCS])] },
          ],
        }),
      ),
    ).toThrow(/share the environment variable MCP_TOOL_ROLE_READ_DOC__ACME/);
  });

  it('a per-tenant tool has no single role: .role throws and points to roleFor/identities', () => {
    const server = new McpServer(testStack(), 'Server', perTenantProps());
    expect(() => server.tool('read_doc').role).toThrow(
      /one identity per tenant.*\.identities \(or \.roleFor\(tenant\)\)/,
    );
    expect(() => server.tool('read_doc').roleFor('initech')).toThrow(
      /no role for tenant "initech"; its tenants are acme, globex/,
    );
    const shared = new McpServer(testStack(), 'Server', serverProps());
    expect(() => shared.tool('search_issues').roleFor('acme')).toThrow(
      /one role for every tenant; use \.role/,
    );
  });
});

describe('shared tool roles on a multi-tenant server', () => {
  const tenantScoped = [
    { name: 'read', grants: [Grant.allow(['s3:GetObject'], [`arn:aws:s3:::docs/${TENANT_VARIABLE}/*`])] },
  ];

  it('the server role’s trust is its runtime alone; the tool roles’ trust requires the tenant tag', () => {
    for (const runtime of [{ lambda: { imageUri: IMAGE } }, { lambda: undefined, ecs: { image: IMAGE } }]) {
      const { json } = synthServer(serverProps({ ...runtime, multiTenant: true, tools: tenantScoped }));
      const trust = JSON.parse(roleNamed(json, 'issues-mcp-server').assume_role_policy);
      expect(trust.Statement).toHaveLength(1);
      expect(JSON.stringify(trust)).not.toContain('RequestTag');
      const tool = JSON.parse(roleNamed(json, 'issues-mcp-tool-read').assume_role_policy);
      expect(tool.Statement[0].Condition.StringLike['aws:RequestTag/tenant']).toBe('?*');
    }
  });

  it('tenancy without identityPerTenant: one role per tool, the tenant tag must be a listed tenant', () => {
    const { json, server } = synthServer(
      serverProps({ tenancy: { tenants: ['acme', 'globex'] }, tools: tenantScoped }),
    );
    expect(server.tool('read').tenants).toEqual([]);
    const tool = roleNamed(json, 'issues-mcp-tool-read');
    expect(tool.tags['mcp-nhi:tenant']).toBeUndefined();
    expect(
      JSON.parse(tool.assume_role_policy).Statement[0].Condition.StringEquals['aws:RequestTag/tenant'],
    ).toEqual(['acme', 'globex']);
    expect(Object.values<Tf>(json.resource.terraform_data)[0].input.servers[0].multiTenant).toBe(true);
    expect(() => synthServer(serverProps({ tenancy: { tenants: ['acme'] } }))).toThrow(/MCP-NHI-015/);
  });
});
