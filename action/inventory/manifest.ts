/**
 * The manifest the constructs write: a `terraform_data` resource whose `input` declares the
 * MCP servers, their identities and tools (schemas/nhi-manifest.schema.json). It rides in the
 * configuration itself, so it reaches the check through a plan, a synth folder or HCL alike.
 */
import { isUnknown, type ResourceRecord } from '../read/record.js';
import { isPlainObject } from './values.js';

export const MANIFEST_SCHEMA_ID = 'mcp-nhi-manifest/v1';

export interface ManifestTool {
  readonly name: string;
  readonly identity?: string;
  readonly sensitive?: boolean;
  readonly writeCapable?: boolean;
  readonly scopes?: readonly string[];
  readonly resources?: readonly string[];
}

export interface ManifestServer {
  readonly name: string;
  readonly identity?: string;
  readonly environment?: string;
  readonly multiTenant?: boolean;
  readonly resources?: readonly string[];
  readonly tools: readonly ManifestTool[];
}

export interface Manifest {
  /** The terraform_data resource that carries it. */
  readonly address: string;
  readonly servers: readonly ManifestServer[];
}

/** Manifests found among the records; malformed ones are skipped field by field, never trusted blindly. */
export function findManifests(records: readonly ResourceRecord[]): Manifest[] {
  const manifests: Manifest[] = [];
  for (const record of records) {
    const input = manifestInput(record);
    if (input === undefined || !isManifestSchema(input.schema) || !Array.isArray(input.servers)) continue;
    const servers = input.servers.filter(isPlainObject).flatMap((server) => {
      if (typeof server.name !== 'string') return [];
      return [
        {
          name: server.name,
          identity: str(server.identity),
          environment: str(server.environment),
          multiTenant: server.multiTenant === true,
          resources: strings(server.resources),
          tools: (Array.isArray(server.tools) ? server.tools : []).filter(isPlainObject).flatMap((tool) =>
            typeof tool.name === 'string'
              ? [
                  {
                    name: tool.name,
                    identity: str(tool.identity),
                    sensitive: tool.sensitive === true,
                    writeCapable: tool.writeCapable === true,
                    scopes: Array.isArray(tool.scopes) ? strings(tool.scopes) : undefined,
                    resources: strings(tool.resources),
                  },
                ]
              : [],
          ),
        },
      ];
    });
    manifests.push({ address: record.address, servers });
  }
  return manifests;
}

/**
 * What the report must say about `terraform_data` inputs that look like a manifest but are not
 * read as one: another schema, or servers that are not a list. Silence would read as "no MCP
 * server here".
 */
export function manifestProblems(records: readonly ResourceRecord[]): string[] {
  const problems: string[] = [];
  for (const record of records) {
    const input = manifestInput(record);
    if (input === undefined || (input.schema === undefined && input.servers === undefined)) continue;
    if (!isManifestSchema(input.schema)) {
      if (typeof input.schema === 'string' && /manifest/i.test(input.schema)) {
        problems.push(
          `${record.address} looks like an MCP manifest but its schema is not ${MANIFEST_SCHEMA_ID}: it was not read`,
        );
      }
    } else if (!Array.isArray(input.servers)) {
      problems.push(`${record.address}: the MCP manifest's servers is not a list: it was not read`);
    }
  }
  return problems;
}

/** A terraform_data's input as an object: written as one, or as JSON (`jsonencode({...})`). */
function manifestInput(record: ResourceRecord): Record<string, unknown> | undefined {
  if (record.type !== 'terraform_data' || record.mode !== 'managed') return undefined;
  let input = record.values.input;
  if (typeof input === 'string' && input.trimStart().startsWith('{')) {
    try {
      input = JSON.parse(input);
    } catch {
      return undefined;
    }
  }
  return isPlainObject(input) && !isUnknown(input) ? input : undefined;
}

/** The schema id, as the constructs write it; its case is not what a hand-written one gets wrong on purpose. */
function isManifestSchema(schema: unknown): boolean {
  return typeof schema === 'string' && schema.trim().toLowerCase() === MANIFEST_SCHEMA_ID;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && !isUnknown(value) ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
