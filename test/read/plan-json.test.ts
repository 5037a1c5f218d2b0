import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../action/errors.js';
import {
  findJsonErrorPosition,
  looksLikePlan,
  parseResourceAddress,
  readPlanJson,
  readPlanObject,
} from '../../action/read/plan-json.js';
import { isUnknown, type ResourceRecord, type UnknownValue } from '../../action/read/record.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'plans');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'plans');

function readCorpus(name: string) {
  const file = path.join(corpus, name);
  return readPlanJson(readFileSync(file, 'utf8'), file);
}

function byAddress(records: readonly ResourceRecord[], address: string): ResourceRecord {
  const found = records.find((r) => r.address === address);
  if (found === undefined)
    throw new Error(`no record ${address}; have ${records.map((r) => r.address).join(', ')}`);
  return found;
}

function marker(value: unknown): UnknownValue {
  expect(isUnknown(value)).toBe(true);
  return value as UnknownValue;
}

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('readPlanJson on the corpus', () => {
  it('keeps for_each addresses of resources and module instances', () => {
    const { records, inputs } = readCorpus('tfcompliance__iam_role_for_each_modules.json');
    const role = byAddress(records, 'aws_iam_role.test_iam_role["repository_1"]');
    expect(role).toMatchObject({
      type: 'aws_iam_role',
      name: 'test_iam_role',
      index: 'repository_1',
      module: '',
    });
    byAddress(records, 'aws_iam_role.test_iam_role["repository_2"]');
    const ecr = byAddress(records, 'module.ecr_repository["repository_2"].aws_ecr_repository.ecr_repository');
    expect(ecr.module).toBe('module.ecr_repository["repository_2"]');
    expect(ecr.index).toBeUndefined();
    expect(inputs).toEqual([
      expect.objectContaining({
        format: 'plan',
        producer: '0.13.5',
        formatVersion: '0.1',
        resources: records.length,
      }),
    ]);
  });

  it('adds data sources that only appear in planned_values, with their module', () => {
    const { records } = readCorpus('tfcompliance__iam_role_for_each_modules.json');
    const ami = byAddress(records, 'module.ecr_repository["repository_1"].data.aws_ami.ubuntu');
    expect(ami).toMatchObject({
      mode: 'data',
      type: 'aws_ami',
      module: 'module.ecr_repository["repository_1"]',
    });
    expect(ami.actions).toEqual(['read']);
  });

  it('reads a policy document data source from prior_state (0.12 writes it without its module prefix)', () => {
    const { records } = readCorpus('tfcompliance__iam_role_module_issue227.json');
    const doc = byAddress(records, 'module.test.data.aws_iam_policy_document.ecs_assume_role');
    expect(doc.module).toBe('module.test');
    expect(String(doc.values.json)).toContain('ecs-tasks.amazonaws.com');
    const role = byAddress(records, 'module.test.aws_iam_role.task');
    expect(marker(role.values.name).refs).toEqual(['module.test.random_id.iam_prefix']);
  });

  it('keeps a data source read at apply time, with its unknown json linked from the policy', () => {
    const { records } = readCorpus('checkov__iam_data_block.json');
    const doc = byAddress(records, 'data.aws_iam_policy_document.allow_access_from_another_account');
    expect(doc.mode).toBe('data');
    expect(doc.actions).toEqual(['read']);
    expect(marker(doc.values.json).refs).toEqual([]);
    const policy = byAddress(records, 'aws_s3_bucket_policy.allow_access_from_another_account');
    expect(marker(policy.values.policy)).toEqual({
      $unknown: true,
      refs: ['data.aws_iam_policy_document.allow_access_from_another_account'],
      expression: 'data.aws_iam_policy_document.allow_access_from_another_account.json',
    });
  });

  it('reads a 0.13 policy document whose json depends on a resource being created', () => {
    const { records } = readCorpus('regula__iam_policy_resource_view.json');
    const doc = byAddress(records, 'data.aws_iam_policy_document.example');
    expect(isUnknown(doc.values.json)).toBe(true);
    const statement = (doc.values.statement as { actions: string[]; resources: unknown[] }[])[0]!;
    expect(statement.actions).toEqual(['s3:*']);
    expect(marker(statement.resources[1]).refs).toEqual(['aws_s3_bucket.example']);
    expect(marker(byAddress(records, 'aws_iam_policy.example').values.policy).refs).toEqual([
      'data.aws_iam_policy_document.example',
    ]);
  });

  it('skips delete-only changes and keeps replacements', () => {
    const ssm = readCorpus('tfcompliance__lambda_iam_ssm_issue522.json').records;
    expect(ssm.map((r) => r.address)).not.toContain(
      'aws_cloudwatch_event_rule.Metricos_custom_alert_schedule_frequent[0]',
    );
    expect(ssm.map((r) => r.address)).not.toContain(
      'aws_cloudwatch_event_target.Metricos_custom_alert_event_target_frequent[0]',
    );
    expect(byAddress(ssm, 'aws_iam_role.lambda_execution_role').actions).toEqual(['no-op']);
    // ["create","delete"] is create-before-destroy: the secret still exists after apply.
    const secret = readCorpus('checkov__secretsmanager_deleted.json').records;
    expect(secret.map((r) => [r.address, r.actions])).toEqual([
      ['aws_secretsmanager_secret.default', ['create', 'delete']],
    ]);
    const tainted = readCorpus('tfjson__action_reason.json').records;
    expect(byAddress(tainted, 'null_resource.example').actions).toEqual(['delete', 'create']);
  });

  it('turns after_unknown leaves into markers, filling values from planned_values when after is null', () => {
    const { records } = readCorpus('checkov__after_unknown.json');
    const cf = byAddress(records, 'aws_cloudfront_distribution.cloudfront');
    const logging = cf.values.logging_config as Record<string, unknown>[];
    expect(logging[0]).toMatchObject({ include_cookies: false, prefix: 'cloudfront' });
    expect(isUnknown(logging[0]!.bucket)).toBe(true);
  });

  it('resolves a module output reference to the role in the child module instance', () => {
    const { records } = readCorpus('tfcompliance__module_iam_policy_ssm.json');
    const account = byAddress(records, 'module.apigw_test_1.aws_api_gateway_account.main');
    expect(marker(account.values.cloudwatch_role_arn)).toEqual({
      $unknown: true,
      refs: ['module.apigw_test_1.module.api_gw_log_role.aws_iam_role.default'],
      expression: 'module.api_gw_log_role.role',
    });
    const attachment = byAddress(
      records,
      'module.apigw_test_1.module.api_gw_log_role.aws_iam_role_policy_attachment.inline[0]',
    );
    expect(attachment.index).toBe(0);
    expect(marker(attachment.values.policy_arn).refs).toEqual([
      'module.apigw_test_1.module.api_gw_log_role.aws_iam_policy.default',
    ]);
    const domain = byAddress(records, 'module.apigw_test_1.aws_api_gateway_domain_name.apigw');
    expect(domain.sensitivePaths).toContain('certificate_private_key');
  });

  it('records sensitive paths in nested blocks', () => {
    const { records } = readCorpus('tfcompliance__lambda_iam_ssm_issue522.json');
    expect(byAddress(records, 'aws_lambda_function.lambda').sensitivePaths).toContain(
      'environment[0].variables.EVENT_BUS_ARN',
    );
  });
});

describe('readPlanJson on hand-made plans', () => {
  const file = path.join(fixtures, 'modules-unknown-sensitive.json');
  const text = readFileSync(file, 'utf8');
  const { records } = readPlanJson(text, file);

  it('prefixes references with the module instance of the resource', () => {
    for (const key of ['x', 'y']) {
      const fn = byAddress(records, `module.tool["${key}"].aws_lambda_function.f`);
      expect(fn.module).toBe(`module.tool["${key}"]`);
      expect(marker(fn.values.role)).toEqual({
        $unknown: true,
        refs: [`module.tool["${key}"].aws_iam_role.r`],
        expression: 'aws_iam_role.r.arn',
      });
    }
  });

  it('follows a module input variable to what the caller passed, through count instances', () => {
    const worker = byAddress(records, 'module.tool["y"].module.worker[1].aws_lambda_function.g');
    expect(worker.module).toBe('module.tool["y"].module.worker[1]');
    expect(marker(worker.values.role)).toMatchObject({
      refs: ['module.tool["y"].aws_iam_role.r'],
      expression: 'var.role_arn',
    });
  });

  it('expands a reference to a for_each module without a key to its instances', () => {
    const attachment = byAddress(records, 'aws_iam_role_policy_attachment.all["x"]');
    expect(attachment.index).toBe('x');
    expect(marker(attachment.values.role).refs).toEqual(['module.tool["x"]', 'module.tool["y"]']);
  });

  it('marks unknown leaves inside nested blocks without touching the parsed after-values', () => {
    const doc = JSON.parse(text);
    const result = readPlanObject(doc, file);
    const fn = byAddress(result.records, 'module.tool["x"].aws_lambda_function.f');
    const variables = (fn.values.environment as { variables: Record<string, unknown> }[])[0]!.variables;
    expect(variables.MODE).toBe('prod');
    expect(marker(variables.TOKEN)).toEqual({
      $unknown: true,
      refs: ['aws_secretsmanager_secret_version.s'],
      expression: 'var.secret',
    });
    const original = doc.resource_changes.find((c: { address: string }) => c.address === fn.address).change
      .after;
    expect(original.environment[0].variables.TOKEN).toBeUndefined();
    // Values not on a marked path are shared, not copied.
    expect(fn.values.function_name).toBe(original.function_name);
    const role = byAddress(result.records, 'module.tool["x"].aws_iam_role.r');
    const roleAfter = doc.resource_changes.find((c: { address: string }) => c.address === role.address).change
      .after;
    expect(role.values.tags).toBe(roleAfter.tags);
    // The configuration does not set the ARN: the provider computes it.
    expect(marker(role.values.arn)).toEqual({ $unknown: true, refs: [], computed: true });
  });

  it('lists sensitive paths', () => {
    expect(byAddress(records, 'module.tool["x"].aws_lambda_function.f').sensitivePaths).toEqual([
      'environment[0].variables.API_KEY',
    ]);
    expect(byAddress(records, 'aws_secretsmanager_secret_version.s').sensitivePaths).toEqual([
      'secret_string',
    ]);
  });

  it('skips delete-only, forget and deposed changes', () => {
    const addresses = records.map((r) => r.address);
    expect(addresses).not.toContain('aws_iam_user.old');
    expect(addresses).not.toContain('aws_iam_access_key.old[0]');
    expect(addresses).not.toContain('aws_iam_user.forgotten');
    expect(addresses.filter((a) => a === 'aws_iam_role.replaced')).toHaveLength(1);
    expect(byAddress(records, 'aws_iam_role.replaced').actions).toEqual(['delete', 'create']);
    expect(byAddress(records, 'aws_iam_user.svc').actions).toEqual(['no-op']);
  });

  it('keeps __proto__ and constructor keys as data', () => {
    const role = byAddress(records, 'aws_iam_role.replaced');
    expect(Object.getPrototypeOf(role.values)).toBe(Object.prototype);
    expect(Object.hasOwn(role.values, '__proto__')).toBe(true);
    const proto = Object.getOwnPropertyDescriptor(role.values, '__proto__')?.value as Record<string, unknown>;
    expect(isUnknown(proto.polluted)).toBe(true);
    const ctor = role.values.constructor as unknown as { prototype: Record<string, unknown> };
    expect(isUnknown(ctor.prototype.polluted)).toBe(true);
    expect(role.sensitivePaths).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('uses planned_values when after is null, and marks unknown data-source attributes', () => {
    const user = byAddress(records, 'aws_iam_user.svc_after_null');
    expect(user.values.tags).toEqual({ 'mcp-nhi:server': 's' });
    expect(isUnknown(user.values.arn)).toBe(true);
    const doc = byAddress(records, 'data.aws_iam_policy_document.late');
    const statement = (doc.values.statement as { resources: unknown[] }[])[0]!;
    expect(marker(statement.resources[0]).refs).toEqual(['aws_secretsmanager_secret_version.s']);
  });

  it('adds data sources read while planning from prior_state', () => {
    expect(byAddress(records, 'data.aws_caller_identity.current').values.account_id).toBe('123456789012');
    const assume = byAddress(records, 'module.tool["x"].data.aws_iam_policy_document.assume');
    expect(assume).toMatchObject({ module: 'module.tool["x"]', mode: 'data', actions: ['read'] });
  });

  it('sets source.file to the path as given', () => {
    expect(new Set(records.map((r) => r.source.file))).toEqual(new Set([file]));
  });

  it('reads a state document as no-op records', () => {
    const stateFile = path.join(fixtures, 'state.json');
    const { records: state, inputs } = readPlanJson(readFileSync(stateFile, 'utf8'), stateFile);
    expect(state.map((r) => [r.address, r.module, r.index, r.actions])).toEqual([
      ['aws_iam_role.r', '', undefined, ['no-op']],
      ['module.m.aws_iam_access_key.k[0]', 'module.m', 0, ['no-op']],
    ]);
    expect(state[1]!.sensitivePaths).toEqual(['secret']);
    expect(inputs[0]!.resources).toBe(2);
  });

  it("reads an unknown tags_all as the resource's own tags when no provider sets default_tags", () => {
    const plan = (providerConfig: Record<string, unknown>) => ({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_iam_role.r',
          mode: 'managed',
          type: 'aws_iam_role',
          name: 'r',
          change: {
            actions: ['create'],
            before: null,
            after: { name: 'r', tags: { team: 'a' } },
            after_unknown: { arn: true, tags_all: true },
            after_sensitive: {},
          },
        },
      ],
      configuration: { provider_config: providerConfig, root_module: {} },
    });
    const plain = readPlanJson(
      JSON.stringify(plan({ aws: { name: 'aws', expressions: { region: {} } } })),
      'p.json',
    );
    expect(plain.records[0]!.values.tags_all).toEqual({ team: 'a' });
    // With default_tags, tags_all may hold tags the resource does not set: it stays unknown.
    const withDefaults = readPlanJson(
      JSON.stringify(plan({ aws: { name: 'aws', expressions: { default_tags: [{ tags: {} }] } } })),
      'p.json',
    );
    expect(isUnknown(withDefaults.records[0]!.values.tags_all)).toBe(true);
    // Constant default_tags, as `terraform show -json` records them: the merge is known.
    const constant = readPlanJson(
      JSON.stringify(
        plan({
          aws: {
            name: 'aws',
            expressions: {
              default_tags: [{ tags: { constant_value: { 'mcp-nhi:server': 'ops-mcp', team: 'x' } } }],
            },
          },
        }),
      ),
      'p.json',
    );
    expect(constant.records[0]!.values.tags_all).toEqual({ 'mcp-nhi:server': 'ops-mcp', team: 'a' });
  });

  it('judges what a refresh-only plan holds: no resource_changes, resources in planned_values', () => {
    // Terraform 1.x leaves planned_values empty (plan-shapes.test.ts); a producer may fill them.
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_iam_role.r',
              mode: 'managed',
              type: 'aws_iam_role',
              name: 'r',
              values: { name: 'r' },
            },
            {
              address: 'aws_iam_access_key.k',
              mode: 'managed',
              type: 'aws_iam_access_key',
              name: 'k',
              values: { user: 'bot', secret: 'x' },
              sensitive_values: { secret: true },
            },
          ],
        },
      },
      prior_state: { values: { root_module: {} } },
      applyable: false,
      complete: true,
      errored: false,
    };
    const { records, inputs } = readPlanJson(JSON.stringify(plan), 'ro.json');
    expect(records.map((r) => [r.address, r.actions])).toEqual([
      ['aws_iam_role.r', ['no-op']],
      ['aws_iam_access_key.k', ['no-op']],
    ]);
    expect(records[1]!.sensitivePaths).toEqual(['secret']);
    expect(inputs[0]!.notes).toEqual([expect.stringContaining('lists no resource changes')]);
    // A plan that lists its changes, none of them, judges none.
    const empty = readPlanJson(JSON.stringify({ ...plan, resource_changes: [] }), 'noop.json');
    expect(empty.records).toEqual([]);
  });
});

describe('readPlanJson validation', () => {
  it('rejects JSON that is not a plan, saying what it found', () => {
    expect(problemOf(() => readPlanJson('[1,2]', 'p.json'))).toBe(
      'p.json: not a Terraform plan: expected the output of `terraform show -json <planfile>` (found an array of 2 items)',
    );
    expect(problemOf(() => readPlanJson('{"resource": {}}', 'p.json'))).toContain(
      'found an object with top-level keys resource',
    );
    expect(
      problemOf(() => readPlanJson('{"format_version":"1.0","resource_changes":{}}', 'p.json')),
    ).toContain('`resource_changes` is an empty object, expected an array');
    expect(problemOf(() => readPlanJson('{"format_version":"1.0","planned_values":[]}', 'p.json'))).toContain(
      '`planned_values` is an array of 0 items, expected an object',
    );
    expect(problemOf(() => readPlanJson('{"format_version":"1.0"}', 'p.json'))).toContain(
      'without resource_changes, planned_values or state values',
    );
  });

  it('rejects a future major format version', () => {
    expect(problemOf(() => readPlanJson('{"format_version":"2.0","resource_changes":[]}', 'p.json'))).toBe(
      'p.json: plan format_version 2.0 is not supported (this check reads 0.1 to 1.x); upgrade mcp-nhi-guard',
    );
    expect(
      readPlanJson('{"format_version":"1.99","resource_changes":[]}', 'p.json').inputs[0]!.formatVersion,
    ).toBe('1.99');
  });

  it('names the position of truncated JSON without quoting the content', () => {
    const message = problemOf(() => readPlanJson('{"format_version": "1.0", "secret": "AKIA', 'p.json'));
    expect(message).toBe('p.json: truncated or invalid JSON at position 41 (line 1, column 42)');
    expect(problemOf(() => readPlanJson('{\n  "a": }', 'p.json'))).toBe(
      'p.json: truncated or invalid JSON at position 9 (line 2, column 8)',
    );
  });

  it('rejects broken resource_changes entries with an InputError', () => {
    expect(
      problemOf(() => readPlanJson('{"format_version":"1.0","resource_changes":[1]}', 'p.json')),
    ).toContain('resource_changes[0] has no address');
    expect(
      problemOf(() =>
        readPlanJson('{"format_version":"1.0","resource_changes":[{"address":"a.b"}]}', 'p.json'),
      ),
    ).toContain('resource_changes[0] (a.b) has no change.actions list');
  });

  it('refuses a plan that errored: it is not what will apply', () => {
    expect(
      problemOf(() =>
        readPlanJson(
          '{"format_version":"1.2","errored":true,"complete":false,"resource_changes":[]}',
          'p.json',
        ),
      ),
    ).toBe(
      'p.json: the plan errored ("errored": true): Terraform stopped before planning every resource, so it cannot be judged; fix what terraform plan reported and plan again',
    );
    expect(
      problemOf(() =>
        readPlanJson(
          '{"format_version":"1.2","resource_changes":[],"deferred_changes":[{"reason":"x"}]}',
          'p.json',
        ),
      ),
    ).toBe('p.json: not a Terraform plan: deferred_changes[0] has no resource_change');
  });

  it('judges deferred resource changes too, and says the plan is not complete', () => {
    const role = (name: string) => ({
      address: `aws_iam_role.${name}`,
      mode: 'managed',
      type: 'aws_iam_role',
      name,
      change: { actions: ['create'], after: { name }, after_unknown: { arn: true } },
    });
    const plan = {
      format_version: '1.2',
      complete: false,
      resource_changes: [role('planned')],
      deferred_changes: [{ reason: 'instance_count_unknown', resource_change: role('deferred') }],
    };
    const { records, inputs } = readPlanJson(JSON.stringify(plan), 'p.json');
    expect(records.map((r) => r.address)).toEqual(['aws_iam_role.planned', 'aws_iam_role.deferred']);
    expect(inputs[0]!.notes).toEqual([
      '1 deferred resource change(s) (deferred_changes) were judged with the values known so far',
      'the plan is not complete ("complete": false: planned with -target, or with changes deferred to a later round): what it leaves out was not judged',
    ]);
    const complete = readPlanJson(
      JSON.stringify({ ...plan, complete: true, deferred_changes: [] }),
      'p.json',
    );
    expect(complete.inputs[0]!.notes).toBeUndefined();
  });

  it('stops at absurd nesting in after_unknown instead of overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}true${']'.repeat(100_000)}`;
    const text = `{"format_version":"1.0","resource_changes":[{"address":"a.b","change":{"actions":["create"],"after":{},"after_unknown":{"x":${deep}}}}]}`;
    expect(problemOf(() => readPlanJson(text, 'p.json'))).toBe('p.json: nesting deeper than 1000 levels');
  });

  it('tells plans from other JSON cheaply', () => {
    expect(looksLikePlan({ format_version: '1.0', resource_changes: [] })).toBe(true);
    expect(looksLikePlan({ format_version: '1.0', values: {} })).toBe(true);
    expect(looksLikePlan({ format_version: '1.0', provider_schemas: {} })).toBe(false);
    expect(looksLikePlan([])).toBe(false);
  });
});

describe('helpers', () => {
  it('parses resource addresses with module instance keys containing dots and brackets', () => {
    expect(parseResourceAddress('module.a["x.y]"].module.b[0].data.aws_iam_policy_document.d["k"]')).toEqual({
      module: 'module.a["x.y]"].module.b[0]',
      mode: 'data',
      type: 'aws_iam_policy_document',
      name: 'd',
      index: 'k',
    });
    expect(parseResourceAddress('aws_iam_role.r')).toEqual({
      module: '',
      mode: 'managed',
      type: 'aws_iam_role',
      name: 'r',
    });
    expect(parseResourceAddress('module.a')).toBeUndefined();
  });

  it('finds JSON error positions', () => {
    expect(findJsonErrorPosition('{"a": tru')).toBe(9);
    expect(findJsonErrorPosition('[1, 2,]')).toBe(6);
    expect(findJsonErrorPosition('{"a": 1} x')).toBe(9);
    expect(findJsonErrorPosition('{"a" 1}')).toBe(5);
  });

  it('reads a 20,000-resource plan whole', () => {
    const changes = [];
    for (let i = 0; i < 20_000; i++) {
      changes.push({
        address: `module.m["${i % 50}"].aws_iam_role.r${i}`,
        module_address: `module.m["${i % 50}"]`,
        mode: 'managed',
        type: 'aws_iam_role',
        name: `r${i}`,
        change: {
          actions: ['create'],
          after: {
            name: `role-${i}`,
            assume_role_policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } },
              ],
            }),
            description: null,
            path: '/',
            max_session_duration: 3600,
            force_detach_policies: false,
            permissions_boundary: null,
            tags: { 'mcp-nhi:server': 'a', 'mcp-nhi:tool': `t${i}` },
            inline_policy: [{ name: 'p', policy: '{"Statement":[]}'.repeat(10) }],
          },
          after_unknown: { arn: true, id: true, unique_id: true, tags_all: true, inline_policy: [{}] },
          after_sensitive: { tags: {}, inline_policy: [{}] },
        },
      });
    }
    const text = JSON.stringify({
      format_version: '1.2',
      resource_changes: changes,
      configuration: { root_module: {} },
    });
    // Speed is measured by `npm run bench`, not asserted here; this checks the large plan reads whole.
    const result = readPlanObject(JSON.parse(text), 'big.json');
    expect(result.records).toHaveLength(20_000);
    expect(result.records[19_999]!.values.tags).toEqual({ 'mcp-nhi:server': 'a', 'mcp-nhi:tool': 't19999' });
  });
});
