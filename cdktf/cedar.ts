/**
 * Request-time authorization in Cedar: a schema for the server's tools and one policy per tool
 * generated from its rules (caller groups, tenant, MFA for sensitive tools, an optional extra
 * condition). Validated with the Cedar validator (strict mode, as the policy store's STRICT
 * setting will) before anything is synthesized, so a broken policy fails at construction.
 */
import cedar from '@cedar-policy/cedar-wasm/nodejs';
import { fail } from './validate.js';

export const CEDAR_NAMESPACE = 'McpTool';

export interface CedarToolRules {
  /** The Cedar action: the tool name, or `<tool>@<tenant>` for a tenant's own identity of the tool. */
  readonly tool: string;
  readonly callerGroups: readonly string[];
  readonly requireMfa: boolean;
  readonly sameTenant: boolean;
  /** Only callers of this tenant, in a request for this tenant (identity per tenant). @default any tenant */
  readonly tenant?: string;
  /** Extra Cedar condition (an expression over principal, resource, context). */
  readonly when?: string;
}

/** The Cedar JSON schema of a server's tools (Verified Permissions takes JSON). */
export function cedarSchema(tools: readonly string[]): Record<string, unknown> {
  const actions: Record<string, unknown> = {};
  for (const tool of tools) {
    actions[tool] = {
      appliesTo: {
        principalTypes: ['Caller'],
        resourceTypes: ['Server'],
        context: {
          type: 'Record',
          attributes: {
            mfa: { type: 'Boolean', required: true },
            tenant: { type: 'String', required: true },
          },
        },
      },
    };
  }
  return {
    [CEDAR_NAMESPACE]: {
      entityTypes: {
        Group: { shape: { type: 'Record', attributes: {} } },
        Caller: {
          memberOfTypes: ['Group'],
          shape: {
            type: 'Record',
            attributes: {
              tenant: { type: 'String', required: true },
              email: { type: 'String', required: false },
            },
          },
        },
        Server: { shape: { type: 'Record', attributes: {} } },
      },
      actions,
    },
  };
}

const quote = (value: string) => JSON.stringify(value);
const group = (name: string) => `${CEDAR_NAMESPACE}::Group::${quote(name)}`;

/** The Cedar policy text for one tool. */
export function cedarToolPolicy(server: string, rules: CedarToolRules): string {
  const principal =
    rules.callerGroups.length === 1 ? `principal in ${group(rules.callerGroups[0]!)}` : 'principal';
  const conditions: string[] = [];
  if (rules.callerGroups.length > 1)
    conditions.push(`principal in [${rules.callerGroups.map(group).join(', ')}]`);
  if (rules.tenant !== undefined) {
    conditions.push(`principal.tenant == ${quote(rules.tenant)}`, `context.tenant == ${quote(rules.tenant)}`);
  } else if (rules.sameTenant) conditions.push('principal.tenant == context.tenant');
  if (rules.requireMfa) conditions.push('context.mfa == true');
  if (rules.when !== undefined) conditions.push(`(${rules.when})`);
  const head =
    `@id(${quote(`tool:${rules.tool}`)})\npermit (\n  ${principal},\n` +
    `  action == ${CEDAR_NAMESPACE}::Action::${quote(rules.tool)},\n` +
    `  resource == ${CEDAR_NAMESPACE}::Server::${quote(server)}\n)`;
  return conditions.length === 0 ? `${head};` : `${head}\nwhen { ${conditions.join(' && ')} };`;
}

/**
 * Validates policies against the schema in strict mode; throws with Cedar's messages.
 * `policies` maps a name (used in messages) to the policy text.
 */
export function validateCedar(
  schema: Record<string, unknown>,
  policies: Readonly<Record<string, string>>,
  where: string,
): void {
  const answer = cedar.validate({
    schema: schema as Parameters<typeof cedar.validate>[0]['schema'],
    policies: { staticPolicies: { ...policies } },
    validationSettings: { mode: 'strict' },
  });
  if (answer.type === 'failure') {
    fail(`${where}: Cedar does not parse: ${answer.errors.map((e) => e.message).join('; ')}`);
  }
  const errors = answer.validationErrors.map(
    (e) => `${e.policyId}: ${e.error.message}${e.error.help ? ` (${e.error.help})` : ''}`,
  );
  if (errors.length > 0) {
    fail(
      `${where}: Cedar policy fails strict validation against the generated schema: ${errors.join('; ')}. ` +
        'Conditions may use principal.tenant, principal.email, principal in McpTool::Group::"<name>", context.mfa and context.tenant.',
    );
  }
}
