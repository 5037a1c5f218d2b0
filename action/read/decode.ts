import { InputError } from '../errors.js';

/**
 * Turns the bytes of an input file into text. Terraform writes UTF-8, but plans saved on Windows
 * (`terraform show -json > plan.json` in PowerShell 5) arrive as UTF-16 LE with a BOM, and editors
 * add UTF-8 BOMs; all of those must read the same.
 */
export function decodeText(bytes: Buffer, path: string): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checkText(decodeUtf8(bytes.subarray(3), path), path);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checkText(decodeUtf16(bytes.subarray(2), 'le', path), path);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checkText(decodeUtf16(bytes.subarray(2), 'be', path), path);
  }
  const bomless = guessBomlessUtf16(bytes);
  if (bomless !== undefined) return checkText(decodeUtf16(bytes, bomless, path), path);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new InputError(path, 'is gzip-compressed; decompress it first');
  }
  return checkText(decodeUtf8(bytes, path), path);
}

/**
 * UTF-16 without a BOM: text of a plan or configuration starts with ASCII (`{`, whitespace,
 * `#`), so one byte of most pairs is NUL and the other byte of (almost) none. Requiring that
 * pattern across the sample keeps a binary file with a few NULs from passing as text.
 */
function guessBomlessUtf16(bytes: Buffer): 'le' | 'be' | undefined {
  const sample = Math.min(bytes.length, 256) & ~1;
  if (sample < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul >= pairs * 0.75 && evenNul <= pairs * 0.05) return 'le';
  if (evenNul >= pairs * 0.75 && oddNul <= pairs * 0.05) return 'be';
  return undefined;
}

function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, 'is not UTF-8 or UTF-16 text (a binary file?)');
  }
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be', path: string): string {
  if (bytes.length % 2 !== 0) {
    throw new InputError(path, `is not valid UTF-16 ${order.toUpperCase()} text (odd number of bytes)`);
  }
  let source = bytes;
  if (order === 'be') {
    // TextDecoder has utf-16be, but swapping into LE keeps to the encodings every Node build has.
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    source = swapped;
  }
  try {
    return new TextDecoder('utf-16le', { fatal: true }).decode(source);
  } catch {
    throw new InputError(path, `is not valid UTF-16 ${order.toUpperCase()} text`);
  }
}

function checkText(text: string, path: string): string {
  if (text.includes('\u0000'))
    throw new InputError(path, 'is a binary file, not text (it contains NUL bytes)');
  return text;
}
