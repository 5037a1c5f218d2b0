export * from './ecs.js';
export * from './eks.js';
export * from './iam.js';
export * from './lambda.js';
export * from './logs.js';
export * from './provider.js';
export { AWS_PROVIDER_VERSION, AwsResource } from './resource.js';
export * from './secrets.js';
export * from './verified-permissions.js';
