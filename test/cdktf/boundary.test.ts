/**
 * The generated permissions boundary is every role's ceiling, so it must allow at least what
 * each role's own policies grant: an action missing from it is denied at run time, however
 * the role's policy reads.
 */
import { describe, expect, it } from 'vitest';
import { type McpServerProps, SecretRef } from '../../cdktf/index.js';
import { IMAGE, serverProps, synthServer, type Tf } from './helpers.js';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:gh-AbCdEf';

function actionsOf(policy: string): string[] {
  return JSON.parse(policy.replaceAll('$${', '${')).Statement.flatMap((s: Tf) => [s.Action].flat());
}

/** Actions some role's own policies grant that the boundary does not. */
function beyondBoundary(props: McpServerProps): string[] {
  const { json } = synthServer(props);
  const [boundary] = Object.values<Tf>(json.resource.aws_iam_policy).filter((p) =>
    p.name.endsWith('-boundary'),
  );
  const ceiling = new Set(actionsOf(boundary.policy));
  const granted = [
    ...Object.values<Tf>(json.resource.aws_iam_role).flatMap((role) =>
      (role.inline_policy ?? []).flatMap((p: Tf) => actionsOf(p.policy)),
    ),
    ...Object.values<Tf>(json.resource.aws_iam_role_policy).flatMap((p) => actionsOf(p.policy)),
  ];
  return [...new Set(granted.filter((action) => !ceiling.has(action)))];
}

describe('the generated boundary allows what each role is granted', () => {
  it('Lambda, with a secret', () => {
    expect(beyondBoundary(serverProps({ secrets: [SecretRef.fromArn('GH_TOKEN', SECRET)] }))).toEqual([]);
  });
  it('ECS: the created execution role can pull the image from ECR and resolve secrets', () => {
    expect(
      beyondBoundary(
        serverProps({
          lambda: undefined,
          ecs: { image: IMAGE },
          secrets: [SecretRef.fromArn('GH_TOKEN', SECRET)],
        }),
      ),
    ).toEqual([]);
  });
});
