/** The JIT flag the CLI and the Action set: one this V8 knows, so it never prints an error. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { jitFlagFor } from '../../action/jit.js';

describe('jitFlagFor', () => {
  it('raises the TurboFan budget on V8 11 (Node 20) only', () => {
    expect(jitFlagFor('11.3.244.8-node.38')).toBe('--interrupt-budget=524288');
    // V8 12 (Node 22) and 13 (Node 24, the Action's runtime) reject --interrupt-budget.
    expect(jitFlagFor('12.4.254.21-node.57')).toBeUndefined();
    expect(jitFlagFor('13.6.233.17-node.53')).toBeUndefined();
    expect(jitFlagFor('')).toBeUndefined();
  });

  it("chooses a flag this Node's V8 lists", () => {
    const flag = jitFlagFor(process.versions.v8);
    if (flag === undefined) return;
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    expect(options).toContain(`  ${flag.replace(/=.*$/, '')} (`);
  });
});
