/**
 * action.yml and every workflow parse with GitHub's own parsers (@actions/workflow-parser),
 * and action.yml declares exactly the inputs the code reads and the outputs it sets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_NAMES, OUTPUT_NAMES } from '../../action/github/inputs.js';
import { repoRoot } from '../helpers/paths.js';

// The parser imports its JSON schemas without import attributes (it targets bundlers);
// this hook lets Node load them. See helpers/json-import-hook.mjs.
register('./helpers/json-import-hook.mjs', import.meta.url);

type WorkflowParser = typeof import('@actions/workflow-parser');
type ActionParser = typeof import('@actions/workflow-parser/actions/index');
let wp: WorkflowParser;
let ap: ActionParser;

beforeAll(async () => {
  wp = await import('@actions/workflow-parser');
  ap = await import('@actions/workflow-parser/actions/index');
});

function parseActionFile(name: string, content: string) {
  const result = ap.parseAction({ name, content }, new wp.NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((error) => error.message);
  const template = result.value ? ap.convertActionTemplate(result.context, result.value) : undefined;
  return { errors, template };
}

async function parseWorkflowFile(name: string, content: string): Promise<string[]> {
  const result = wp.parseWorkflow({ name, content }, new wp.NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((error) => error.message);
  if (result.value === undefined) return [...errors, 'no workflow produced'];
  const template = await wp.convertWorkflowTemplate(result.context, result.value);
  return [...errors, ...(template.errors ?? []).map((error) => error.Message)];
}

describe('action.yml', () => {
  const content = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');

  it('parses without errors with the action parser', () => {
    const { errors, template } = parseActionFile('action.yml', content);
    expect(errors).toEqual([]);
    expect(template?.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' });
    expect(template?.name).toBe('mcp-nhi-guard');
    expect(template?.description).toBeTruthy();
    expect(template?.branding).toMatchObject({ icon: expect.any(String), color: expect.any(String) });
  });

  it('declares exactly the inputs the code reads and the outputs it sets', () => {
    const { template } = parseActionFile('action.yml', content);
    expect((template?.inputs ?? []).map((input) => input.id).sort()).toEqual([...INPUT_NAMES].sort());
    expect((template?.outputs ?? []).map((output) => output.id).sort()).toEqual([...OUTPUT_NAMES].sort());
    const token = template?.inputs?.find((input) => input.id === 'github-token');
    expect(token?.default?.toString()).toContain('github.token');
  });

  it('the code reads inputs and sets outputs only through those lists', () => {
    const sources = listTs(path.join(repoRoot, 'action'));
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      const relative = path.relative(repoRoot, file);
      if (/core\.get(Boolean|Multiline)?Input\(/.test(text)) expect(relative).toBe('action/github/inputs.ts');
      if (/core\.setOutput\(/.test(text)) expect(relative).toBe('action/github/outputs.ts');
    }
  });

  it('the parser does report errors (so the checks above mean something)', () => {
    const { errors } = parseActionFile('bad.yml', 'name: x\nruns:\n  using: node99\n  main: a.js\n');
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('workflows', () => {
  const dirs = ['.github/workflows', 'examples/workflows'];
  const files = dirs.flatMap((dir) =>
    readdirSync(path.join(repoRoot, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(dir, name)),
  );

  it('exist in both places', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/self-test.yml',
        'examples/workflows/terraform.yml',
        'examples/workflows/cdktf.yml',
      ]),
    );
  });

  for (const file of files) {
    it(`${file} parses without errors with the workflow parser`, async () => {
      const content = readFileSync(path.join(repoRoot, file), 'utf8');
      expect(await parseWorkflowFile(file, content)).toEqual([]);
      // Least privilege is stated: a top-level or per-job permissions block everywhere.
      expect(content).toMatch(/^permissions:/m);
    });
  }

  it('the workflow parser does report errors', async () => {
    const errors = await parseWorkflowFile(
      'bad.yml',
      'on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n',
    );
    expect(errors.length).toBeGreaterThan(0);
  });
});

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
