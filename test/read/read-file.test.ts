import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../action/policy/load-policy.js';
import { FileReadError, readRegularFile } from '../../action/read/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'nhi-read-file-'));
const problem = (path: string, max = 1024) =>
  readRegularFile(path, max).then(
    () => 'read',
    (error: unknown) => (error instanceof FileReadError ? error.problem : String(error)),
  );

function fifo(name: string): string | undefined {
  const path = join(dir, name);
  try {
    execFileSync('mkfifo', [path]);
    return path;
  } catch {
    return undefined;
  }
}

describe('readRegularFile', () => {
  it('reads a regular file up to the cap, and no further', async () => {
    const path = join(dir, 'ok.tf');
    writeFileSync(path, 'x'.repeat(1024));
    expect((await readRegularFile(path, 1024)).length).toBe(1024);
    expect(await problem(path, 1023)).toBe('too large');
    expect(await problem(join(dir, 'missing.tf'))).toBe('missing');
  });

  it.skipIf(!existsSync('/dev/zero'))(
    'refuses a device, also through a link, instead of reading without end',
    async () => {
      const link = join(dir, 'zz.tf');
      symlinkSync('/dev/zero', link);
      expect(await problem('/dev/zero')).toBe('not a regular file');
      expect(await problem(link)).toBe('not a regular file');
    },
  );

  it('refuses a FIFO instead of waiting for a writer that never comes', async (context) => {
    const path = fifo('plan.tf');
    if (path === undefined) context.skip('mkfifo is not available on this machine');
    expect(await problem(path!)).toBe('not a regular file');
    // The policy loader reads the same way: one line naming the file, exit 2.
    await expect(loadPolicy(path!)).rejects.toThrow(/plan\.tf: is not a regular file/);
  });
});
