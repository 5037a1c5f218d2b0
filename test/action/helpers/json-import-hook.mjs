/**
 * A module loader hook for @actions/workflow-parser: it imports its JSON schemas without
 * `with { type: 'json' }` (it is built for bundlers), which Node refuses. For .json files
 * under that package, the hook serves the JSON as an ES module instead.
 */
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (url.endsWith('.json') && url.includes('/@actions/workflow-parser/')) {
    const text = await readFile(new URL(url), 'utf8');
    return { format: 'module', source: `export default ${text};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
