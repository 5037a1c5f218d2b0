/**
 * The AWS partition of a region. ARNs the constructs write themselves (tool roles in the
 * boundary, log groups, the ECS source ARN, ECR repositories) must carry it: an `arn:aws:`
 * ARN never matches a resource in China or GovCloud, so the server would be denied its own tools.
 */
const PARTITIONS: readonly [prefix: string, partition: string][] = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-isof-', 'aws-iso-f'],
  ['eu-isoe-', 'aws-iso-e'],
  ['us-iso-', 'aws-iso'],
  ['eusc-', 'aws-eusc'],
];

/** A region name as AWS writes them: `eu-west-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`. */
export const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

export function partitionOf(region: string): string {
  return PARTITIONS.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}
