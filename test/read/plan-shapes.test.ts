/**
 * Plan shapes that real Terraform and OpenTofu versions write for particular plan modes:
 * refresh-only, destroy, and changes whose planned object is wholly unknown.
 */
import { describe, expect, it } from 'vitest';
import { readPlanJson } from '../../action/read/plan-json.js';
import { isUnknown, type ResourceRecord } from '../../action/read/record.js';

const TRUST = JSON.stringify({
  Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
});
const ADMIN = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

const roleValues = { name: 'r', assume_role_policy: TRUST, max_session_duration: 43200 };
const roleInState = { address: 'aws_iam_role.r', mode: 'managed', type: 'aws_iam_role', name: 'r' };
const documentInState = {
  address: 'data.aws_iam_policy_document.admin',
  mode: 'data',
  type: 'aws_iam_policy_document',
  name: 'admin',
  values: { json: ADMIN },
};

function read(plan: unknown): ReturnType<typeof readPlanJson> {
  return readPlanJson(JSON.stringify(plan), 'p.json');
}

function addresses(records: readonly ResourceRecord[]): [string, readonly string[]][] {
  return records.map((r) => [r.address, r.actions]);
}

describe('refresh-only plans', () => {
  it('judges the refreshed state: Terraform 1.11 leaves planned_values empty and lists no changes', () => {
    // `terraform plan -refresh-only -out p; terraform show -json p` on a configuration that
    // holds a role: the resources are in prior_state alone.
    const plan = {
      format_version: '1.2',
      terraform_version: '1.11.4',
      planned_values: { root_module: {} },
      prior_state: {
        format_version: '1.0',
        terraform_version: '1.11.4',
        values: {
          root_module: {
            resources: [{ ...roleInState, values: roleValues, sensitive_values: {} }, documentInState],
            child_modules: [
              {
                address: 'module.m["a.b"]',
                resources: [
                  {
                    address: 'module.m["a.b"].aws_iam_access_key.k[0]',
                    mode: 'managed',
                    type: 'aws_iam_access_key',
                    name: 'k',
                    index: 0,
                    values: { user: 'bot', secret: 'x' },
                    sensitive_values: { secret: true },
                  },
                ],
              },
            ],
          },
        },
      },
      configuration: { root_module: {} },
      applyable: false,
      complete: true,
      errored: false,
    };
    const { records, inputs } = read(plan);
    expect(addresses(records)).toEqual([
      ['aws_iam_role.r', ['no-op']],
      ['module.m["a.b"].aws_iam_access_key.k[0]', ['no-op']],
      ['data.aws_iam_policy_document.admin', ['read']],
    ]);
    expect(records[1]).toMatchObject({ module: 'module.m["a.b"]', index: 0, sensitivePaths: ['secret'] });
    expect(inputs[0]!.resources).toBe(3);
    expect(inputs[0]!.notes).toEqual([expect.stringContaining('refresh-only')]);
  });
});

describe('destroy plans', () => {
  const deleting = {
    ...roleInState,
    change: { actions: ['delete'], before: roleValues, after: null, after_unknown: {} },
  };
  const destroyPlan = {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: {} },
    resource_changes: [deleting],
    prior_state: {
      values: { root_module: { resources: [{ ...roleInState, values: roleValues }, documentInState] } },
    },
    applyable: true,
    complete: true,
    errored: false,
  };

  it('judges nothing when every change deletes, and says so', () => {
    // `terraform plan -destroy`: the policy document read while refreshing grants nothing once
    // every resource that could use it is gone.
    const { records, inputs } = read(destroyPlan);
    expect(records).toEqual([]);
    expect(inputs[0]!.notes).toEqual([expect.stringContaining('deletes or forgets every resource')]);
  });

  it('still judges the data sources of a plan that keeps something', () => {
    const keeping = {
      address: 'aws_iam_role.kept',
      mode: 'managed',
      type: 'aws_iam_role',
      name: 'kept',
      change: { actions: ['no-op'], before: roleValues, after: roleValues, after_unknown: {} },
    };
    const { records, inputs } = read({ ...destroyPlan, resource_changes: [deleting, keeping] });
    expect(addresses(records)).toEqual([
      ['aws_iam_role.kept', ['no-op']],
      ['data.aws_iam_policy_document.admin', ['read']],
    ]);
    expect(inputs[0]!.notes).toBeUndefined();
  });
});

describe('changes whose planned object is wholly unknown (after_unknown: true)', () => {
  // Deferred changes (Terraform 1.9+ -allow-deferral) and some producers plan a whole object as
  // unknown: `after` is absent and `after_unknown` is `true`.
  const wholly = (address: string, name: string) => ({
    address,
    mode: 'managed',
    type: 'aws_iam_role',
    name,
    change: { actions: ['create'], before: null, after_unknown: true, after_sensitive: {} },
  });

  it('takes what the configuration writes: constants as written, everything else unknown', () => {
    const plan = {
      format_version: '1.2',
      resource_changes: [],
      deferred_changes: [
        { reason: 'provider_config_unknown', resource_change: wholly('aws_iam_role.r', 'r') },
      ],
      configuration: {
        root_module: {
          resources: [
            {
              address: 'aws_iam_role.r',
              mode: 'managed',
              type: 'aws_iam_role',
              name: 'r',
              expressions: {
                name: { constant_value: 'r' },
                max_session_duration: { constant_value: 43200 },
                // jsonencode({...}): Terraform writes no constant for a function call.
                assume_role_policy: {},
                permissions_boundary: { references: ['aws_iam_policy.b.arn', 'aws_iam_policy.b'] },
                inline_policy: [{ name: { constant_value: 'p' }, policy: { references: ['local.p'] } }],
              },
            },
          ],
        },
      },
      complete: false,
      errored: false,
    };
    const { records, inputs } = read(plan);
    const values = records[0]!.values;
    expect(values.name).toBe('r');
    expect(values.max_session_duration).toBe(43200);
    expect(isUnknown(values.assume_role_policy)).toBe(true);
    expect(values.permissions_boundary).toMatchObject({ $unknown: true, refs: ['aws_iam_policy.b'] });
    const inline = values.inline_policy as Record<string, unknown>[];
    expect(inline[0]!.name).toBe('p');
    expect(isUnknown(inline[0]!.policy)).toBe(true);
    expect(inputs[0]!.notes).toContainEqual(expect.stringContaining('1 resource change(s) wholly unknown'));
  });

  it('says a wholly unknown object the plan has no configuration for was not judged', () => {
    const plan = { format_version: '1.2', resource_changes: [wholly('aws_iam_role.r', 'r')] };
    const { records, inputs } = read(plan);
    expect(records[0]!.values).toEqual({});
    expect(inputs[0]!.notes).toEqual([
      expect.stringMatching(/1 resource change\(s\) wholly unknown .* not judged: aws_iam_role\.r$/),
    ]);
  });
});

describe('plans that change nothing', () => {
  it('still judges what exists, and says the findings are not about a change', () => {
    const unchanged = {
      ...roleInState,
      change: { actions: ['no-op'], before: roleValues, after: roleValues, after_unknown: {} },
    };
    const { records, inputs } = read({ format_version: '1.2', resource_changes: [unchanged] });
    expect(addresses(records)).toEqual([['aws_iam_role.r', ['no-op']]]);
    expect(records[0]!.values).toEqual(roleValues);
    expect(inputs[0]!.notes).toEqual([expect.stringContaining('changes no resource')]);
  });
});
