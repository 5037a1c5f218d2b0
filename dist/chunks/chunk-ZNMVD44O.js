import { createRequire as __nhiCreateRequire } from 'node:module';
const require = __nhiCreateRequire(import.meta.url);

// action/read/read-file.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
var FileReadError = class extends Error {
  constructor(problem, code) {
    super(problem);
    this.problem = problem;
    this.code = code;
  }
  problem;
  code;
};
async function readRegularFile(path, maxBytes) {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = error.code;
    throw new FileReadError(code === "ENOENT" ? "missing" : "unreadable", code);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new FileReadError("directory");
    if (!info.isFile()) throw new FileReadError("not a regular file");
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileReadError("too large");
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw new FileReadError("unreadable", error.code);
  } finally {
    await handle.close();
  }
}
function describeFileProblem(error, maxBytes) {
  if (!(error instanceof FileReadError)) return "cannot be read";
  switch (error.problem) {
    case "missing":
      return "no such file";
    case "directory":
      return "is a directory";
    case "not a regular file":
      return "is not a regular file (a FIFO, a device, or a link to one)";
    case "too large":
      return `is larger than ${Math.round(maxBytes / (1 << 20))} MiB`;
    default:
      return error.code === "EACCES" || error.code === "EPERM" ? "permission denied" : `cannot be read${error.code ? ` (${error.code})` : ""}`;
  }
}

export {
  FileReadError,
  readRegularFile,
  describeFileProblem
};
