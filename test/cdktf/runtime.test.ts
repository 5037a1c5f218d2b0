/** Runtime settings Lambda and Fargate would refuse at apply throw at construction. */
import { describe, expect, it } from 'vitest';
import { McpServer, type McpServerProps } from '../../cdktf/index.js';
import { IMAGE, serverProps, synthServer, testStack } from './helpers.js';

const construct = (props: Partial<McpServerProps>) => () =>
  new McpServer(testStack(), 'Server', serverProps(props));
const lambda = (extra: object) => ({ lambda: { imageUri: IMAGE, ...extra } });
const ecs = (extra: object) => ({ lambda: undefined, ecs: { image: IMAGE, ...extra } });

describe('Lambda', () => {
  it('noncompliant: memory, timeout, architecture, variable names', () => {
    expect(construct(lambda({ memorySize: 64 }))).toThrow(
      /lambda\.memorySize is 64: use a whole number of MB from 128 to 10240/,
    );
    expect(construct(lambda({ timeoutSeconds: 3600 }))).toThrow(/lambda\.timeoutSeconds is 3600/);
    expect(construct(lambda({ architecture: 'aarch64' }))).toThrow(
      /lambda\.architecture is "aarch64": use "arm64" or "x86_64"/,
    );
    expect(construct(lambda({ environment: { 'log-level': 'debug' } }))).toThrow(
      /"log-level": Lambda takes a letter/,
    );
    expect(construct(lambda({ environment: { AWS_REGION: 'eu-west-1' } }))).toThrow(
      /AWS_REGION is reserved by Lambda/,
    );
    expect(construct(lambda({ environment: { MCP_SERVER_NAME: 'x' } }))).toThrow(
      /MCP_SERVER_NAME is one the construct sets/,
    );
  });
  it('compliant: the defaults, and plain configuration', () => {
    expect(() =>
      synthServer(serverProps(lambda({ memorySize: 1024, environment: { LOG_LEVEL: 'debug' } }))),
    ).not.toThrow();
  });
});

describe('ECS Fargate', () => {
  it('noncompliant: a CPU/memory pair Fargate does not offer, a port, an architecture', () => {
    expect(construct(ecs({ cpu: '256', memory: '4096' }))).toThrow(
      /ecs\.memory "4096" does not go with ecs\.cpu "256" on Fargate; with 256 CPU units use 512 to 2048 MiB \(512, 1024, 2048\)/,
    );
    expect(construct(ecs({ cpu: '300' }))).toThrow(/ecs\.cpu "300" is not a Fargate size/);
    expect(construct(ecs({ containerPort: 0 }))).toThrow(/ecs\.containerPort is 0/);
    expect(construct(ecs({ cpuArchitecture: 'arm64' }))).toThrow(/use "ARM64" or "X86_64"/);
    expect(construct(ecs({ environment: { MCP_POLICY_STORE_ID: 'x' } }))).toThrow(
      /MCP_POLICY_STORE_ID is one the construct sets/,
    );
  });
  it('compliant: the defaults, CPU units or vCPU/GB notation', () => {
    expect(() => synthServer(serverProps(ecs({})))).not.toThrow();
    expect(construct(ecs({ cpu: '1 vCPU', memory: '3 GB' }))).not.toThrow();
    expect(construct(ecs({ cpu: '4096', memory: '30720' }))).not.toThrow();
  });
});
