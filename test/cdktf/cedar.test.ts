import { describe, expect, it } from 'vitest';
import { cedarSchema, cedarToolPolicy, validateCedar } from '../../cdktf/index.js';

describe('Cedar generated per tool and validated with @cedar-policy/cedar-wasm', () => {
  const schema = cedarSchema(['search', 'delete']);

  it('generated policies pass strict validation', () => {
    const policies = {
      search: cedarToolPolicy('srv', {
        tool: 'search',
        callerGroups: [],
        requireMfa: false,
        sameTenant: false,
      }),
      delete: cedarToolPolicy('srv', {
        tool: 'delete',
        callerGroups: ['admins', 'owners'],
        requireMfa: true,
        sameTenant: true,
        when: 'principal has email',
      }),
    };
    expect(() => validateCedar(schema, policies, 'test')).not.toThrow();
    expect(policies.delete).toContain('principal in [McpTool::Group::"admins", McpTool::Group::"owners"]');
    expect(policies.delete).toContain('principal.tenant == context.tenant && context.mfa == true');
    expect(policies.search).toMatch(
      /^@id\("tool:search"\)\npermit \(\n {2}principal,\n {2}action == McpTool::Action::"search",/,
    );
  });

  it('rejects a policy that does not parse', () => {
    expect(() =>
      validateCedar(schema, { p: 'permit (principal, action, resource) when {' }, 'broken'),
    ).toThrow(/broken: Cedar does not parse/);
  });

  it('rejects a policy that names an undeclared attribute or action', () => {
    expect(() =>
      validateCedar(
        schema,
        {
          p: 'permit (principal, action == McpTool::Action::"search", resource) when { principal.salary > 1 };',
        },
        'x',
      ),
    ).toThrow(/fails strict validation.*salary/);
    expect(() =>
      validateCedar(schema, { p: 'permit (principal, action == McpTool::Action::"nope", resource);' }, 'x'),
    ).toThrow(/fails strict validation/);
  });
});
