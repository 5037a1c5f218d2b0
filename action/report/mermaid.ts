/**
 * The blast radius of each MCP server as a Mermaid flowchart: server → tools → the
 * identities they run as → what those identities may reach (broad grants, escalation
 * paths, static keys that sign in as them, secrets, open endpoints). Nodes with a blocking
 * finding and the edges into them are red, so a reviewer sees what a compromised tool
 * could touch instead of reading it out of a table. GitHub renders ```mermaid fences in
 * job summaries and comments.
 *
 * Every label comes from the plan, so it is reduced to a safe alphabet and the rest is
 * written as Mermaid entity codes: a crafted address cannot close the fence, inject
 * Mermaid syntax or HTML.
 */
import type { CheckReport, Finding } from '../findings.js';
import type { Evidence, IdentityFacts, ServerFacts } from '../inventory/model.js';
import { isBlocking, plural } from './shared.js';

export interface MermaidOptions {
  /** Nodes per server graph; the rest are counted in one "more" node. Default 40. */
  readonly maxNodes?: number;
  /**
   * Scrubs secrets from a value before it is shortened or encoded for a label: once encoded
   * (`#35;` for `#`) or cut short, a secret no longer reads as itself to a scrub of the output.
   */
  readonly scrub?: (text: string) => string;
}

interface Node {
  readonly id: string;
  readonly label: string;
  /** Findings that sit on this node: matched by address, and attribute when set. */
  readonly address?: string;
  readonly attribute?: string;
  /** A tool or server node also owns its blocking findings no other node claims. */
  readonly owner?: { readonly server: string; readonly tool?: string };
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** Which end carries the risk: `to` for reach (server → tool → identity → grant), `from` for ways in (key, endpoint). */
  readonly risk: 'from' | 'to';
}

const FAIL_STROKE = 'stroke:#d1242f,stroke-width:3px,color:#d1242f';

/** A "Blast radius" section with one graph per server, or '' when the report has no server. */
export function renderBlastRadius(report: CheckReport, options: MermaidOptions = {}): string {
  const servers = report.inventory.servers;
  if (servers.length === 0) return '';
  const parts = [
    '### Blast radius',
    '',
    'Each server → its tools → the identities they run as → what those identities may reach. ' +
      'Red marks a blocking finding.',
    '',
  ];
  const scrub = options.scrub ?? ((text: string) => text);
  for (const server of servers) {
    parts.push(
      `#### Server ${inlineName(scrub(server.name))}`,
      '',
      serverGraph(report, server, options.maxNodes ?? 40, scrub),
      '',
    );
  }
  return parts.join('\n');
}

/** One server's flowchart, fenced. */
export function serverGraph(
  report: CheckReport,
  server: ServerFacts,
  maxNodes = 40,
  scrub: (text: string) => string = (text) => text,
): string {
  const graph = new Graph(maxNodes, scrub);
  const inventory = report.inventory;
  const s = graph.node(
    `server:${server.name}`,
    `server ${server.name}${server.multiTenant ? '\nmulti-tenant' : ''}`,
    {
      owner: { server: server.name },
    },
  );

  const identityNode = (address: string): string | undefined => {
    const identity = inventory.identities.find((candidate) => candidate.address === address);
    const id = graph.node(`identity:${address}`, identityLabel(address, identity), { address });
    if (id !== undefined && identity !== undefined) reach(graph, identity, id, inventory.credentials);
    return id;
  };

  for (const workload of inventory.workloads.filter(
    (w) => w.server === server.name && w.tool === undefined,
  )) {
    const w = graph.node(`workload:${workload.address}`, workload.address, { address: workload.address });
    graph.edge(s, w, 'runs on');
    for (const identity of workload.identities) graph.edge(w, identityNode(identity), 'as');
  }
  for (const identity of server.identities) graph.edge(s, identityNode(identity), 'runs as');
  for (const tool of inventory.tools.filter((t) => t.server === server.name)) {
    const t = graph.node(`tool:${tool.name}`, `tool ${tool.name}`, {
      owner: { server: server.name, tool: tool.name },
    });
    graph.edge(s, t, 'brokers');
    for (const identity of tool.identities) graph.edge(t, identityNode(identity), 'assumes');
  }
  for (const evidence of server.endpointIssues) {
    const e = graph.node(
      `endpoint:${evidence.address}`,
      `endpoint ${evidence.address}\n${graph.short(evidence.detail)}`,
      {
        address: evidence.address,
      },
    );
    graph.edge(e, s, 'calls', 'from');
  }
  for (const secret of inventory.secrets.filter((x) => x.server === server.name)) {
    graph.edge(
      s,
      graph.node(`secret:${secret.address}`, `secret ${secret.address}`, { address: secret.address }),
      'reads',
    );
  }
  return graph.render(report, server.name);
}

function reach(
  graph: Graph,
  identity: IdentityFacts,
  from: string,
  credentials: CheckReport['inventory']['credentials'],
): void {
  const grants: readonly Evidence[] = [...identity.broadGrants, ...identity.escalationGrants];
  for (const grant of grants) {
    const key = `grant:${grant.address}:${grant.attribute ?? ''}:${grant.detail}`;
    const id = graph.node(key, `${grant.address}\n${graph.short(grant.detail)}`, {
      address: grant.address,
      ...(grant.attribute ? { attribute: grant.attribute } : {}),
    });
    graph.edge(from, id, 'may');
  }
  for (const credential of credentials.filter((c) => c.identity === identity.address)) {
    const id = graph.node(`credential:${credential.address}`, `static key ${credential.address}`, {
      address: credential.address,
    });
    graph.edge(id, from, 'signs in as', 'from');
  }
}

function identityLabel(address: string, identity: IdentityFacts | undefined): string {
  const session = identity?.maxSessionSeconds;
  if (session === undefined || session === null) return address;
  if (typeof session !== 'number') return `${address}\nsession known after apply`;
  return `${address}\nsession ${duration(session)}`;
}

/** 900 → "15 min", 43200 → "12 h". */
export function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function shortened(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Each line of a label cut to a length a node can show. Addresses and names are unbounded
 * (a for_each key can be any string), and Mermaid refuses a whole diagram past 50,000
 * characters of text (its maxTextSize).
 */
function clipLines(label: string): string {
  return label
    .split('\n')
    .map((line) => shortened(line, 80))
    .join('\n');
}

class Graph {
  private readonly nodes = new Map<string, Node>();
  private readonly edges: Edge[] = [];
  private readonly edgeKeys = new Set<string>();
  private skipped = 0;

  constructor(
    private readonly maxNodes: number,
    private readonly scrub: (text: string) => string,
  ) {}

  /** A detail for a label: scrubbed while whole, then cut short. */
  short(text: string): string {
    return shortened(this.scrub(text));
  }

  /** The node's id, or undefined when over the limit (its edges are then dropped). */
  node(key: string, label: string, fields: Omit<Node, 'id' | 'label'> = {}): string | undefined {
    const existing = this.nodes.get(key);
    if (existing !== undefined) return existing.id;
    if (this.nodes.size >= this.maxNodes) {
      this.skipped += 1;
      return undefined;
    }
    const node: Node = { id: `n${this.nodes.size}`, label, ...fields };
    this.nodes.set(key, node);
    return node.id;
  }

  edge(from: string | undefined, to: string | undefined, label: string, risk: 'from' | 'to' = 'to'): void {
    if (from === undefined || to === undefined) return;
    const key = `${from}>${to}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, label, risk });
  }

  render(report: CheckReport, server: string): string {
    const onNode = this.assignFindings(report, server);
    const lines = ['```mermaid', 'flowchart LR', `  classDef fail fill:#ffebe9,${FAIL_STROKE}`];
    for (const node of this.nodes.values()) {
      const failing = (onNode.get(node.id)?.length ?? 0) > 0;
      lines.push(`  ${node.id}["${text(clipLines(this.scrub(node.label)))}"]${failing ? ':::fail' : ''}`);
    }
    if (this.skipped > 0) lines.push(`  more["…and ${plural(this.skipped, 'more node')}"]`);
    const failingEdges: number[] = [];
    this.edges.forEach((edge, index) => {
      const risky = edge.risk === 'to' ? edge.to : edge.from;
      const controls = [...new Set((onNode.get(risky) ?? []).map((finding) => finding.control))].sort();
      const label = controls.length > 0 ? `${edge.label}: ❌ ${controls.join(', ')}` : edge.label;
      if (controls.length > 0) failingEdges.push(index);
      lines.push(`  ${edge.from} -->|"${text(this.scrub(label))}"| ${edge.to}`);
    });
    if (failingEdges.length > 0) lines.push(`  linkStyle ${failingEdges.join(',')} ${FAIL_STROKE}`);
    lines.push('```');
    return lines.join('\n');
  }

  /** Blocking findings per node id: exact address matches first, then tool and server owners. */
  private assignFindings(report: CheckReport, server: string): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    const add = (id: string, finding: Finding) => out.set(id, [...(out.get(id) ?? []), finding]);
    const nodes = [...this.nodes.values()];
    for (const finding of report.findings) {
      if (!isBlocking(finding, report.summary)) continue;
      const exact = nodes.filter(
        (node) =>
          node.address === finding.address &&
          (node.attribute === undefined || node.attribute === finding.attribute),
      );
      if (exact.length > 0) {
        for (const node of exact) add(node.id, finding);
        continue;
      }
      if (finding.server !== server) continue;
      const owner =
        nodes.find((node) => node.owner?.tool !== undefined && node.owner.tool === finding.tool) ??
        (finding.tool === undefined
          ? nodes.find((node) => node.owner !== undefined && node.owner.tool === undefined)
          : undefined);
      if (owner !== undefined) add(owner.id, finding);
    }
    return out;
  }
}

/** Label text: a safe alphabet as is, line breaks as <br/>, everything else as an entity code. */
function text(value: string): string {
  let out = '';
  for (const char of value) {
    if (char === '\n') out += '<br/>';
    else if (/[A-Za-z0-9 _.,:/*=+\-()[\]{}'!?…→❌]/u.test(char)) out += char;
    else out += `#${char.codePointAt(0)};`;
  }
  return out;
}

/** A server name in a heading: markdown-inert. */
function inlineName(name: string): string {
  return `<code>${name.replace(/[^A-Za-z0-9 _.:/=+-]/g, (char) => `&#${char.codePointAt(0)};`)}</code>`;
}
