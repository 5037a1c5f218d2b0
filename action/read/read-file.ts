/**
 * Reads an input file that a pull request may have planted: only a regular file (a FIFO would
 * block forever, `/dev/zero` never ends, through a symbolic link as well), and no more than a
 * cap, checked while reading rather than trusted from a size the file reported first.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type FileProblem = 'missing' | 'directory' | 'not a regular file' | 'too large' | 'unreadable';

export class FileReadError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly code?: string,
  ) {
    super(problem);
  }
}

/** The file's bytes; throws FileReadError when it is no regular file, too large or unreadable. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // Non-blocking, so that opening a FIFO returns at once (then fails the regular-file test).
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileReadError(code === 'ENOENT' ? 'missing' : 'unreadable', code);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new FileReadError('directory');
    if (!info.isFile()) throw new FileReadError('not a regular file');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileReadError('too large');
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError('unreadable', (error as NodeJS.ErrnoException).code);
  } finally {
    await handle.close();
  }
}

/** A FileReadError (or any other) in the words of a one-line input error. */
export function describeFileProblem(error: unknown, maxBytes: number): string {
  if (!(error instanceof FileReadError)) return 'cannot be read';
  switch (error.problem) {
    case 'missing':
      return 'no such file';
    case 'directory':
      return 'is a directory';
    case 'not a regular file':
      return 'is not a regular file (a FIFO, a device, or a link to one)';
    case 'too large':
      return `is larger than ${Math.round(maxBytes / (1 << 20))} MiB`;
    default:
      return error.code === 'EACCES' || error.code === 'EPERM'
        ? 'permission denied'
        : `cannot be read${error.code ? ` (${error.code})` : ''}`;
  }
}
