#!/usr/bin/env node
import { runCli } from './cli.js';
import { tuneJitForOneShotRun } from './jit.js';

tuneJitForOneShotRun();

// `mcp-nhi-guard check plan.json | head`: once the reader has gone, the rest of the report has
// nowhere to go. Stop writing quietly; the exit code is still the verdict.
const readerGone = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
};
process.stdout.on('error', readerGone);
process.stderr.on('error', readerGone);

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
