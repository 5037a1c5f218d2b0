import { describe, expect, it } from 'vitest';
import { InputError } from '../../action/errors.js';
import { decodeText } from '../../action/read/decode.js';

const text = '{"format_version":"1.2","tags":{"owner":"Zoë ☃ 𝄞"}}';

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.from(le).swap16();
}

function problemOf(bytes: Buffer): string {
  try {
    decodeText(bytes, 'in.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'), 'in.json')).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'in.json')).toBe(
      text,
    );
  });

  it('reads UTF-16 LE and BE with a BOM (PowerShell redirection)', () => {
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'in.json'),
    ).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 'in.json')).toBe(text);
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    expect(decodeText(Buffer.from(text, 'utf16le'), 'in.json')).toBe(text);
    expect(decodeText(utf16be(text), 'in.json')).toBe(text);
  });

  it('returns empty text for an empty file', () => {
    expect(decodeText(Buffer.alloc(0), 'in.json')).toBe('');
  });

  it('rejects invalid UTF-8 and binary content with an InputError naming the file', () => {
    expect(problemOf(Buffer.from([0x7b, 0xff, 0xc3, 0x28, 0x7d]))).toBe(
      'in.json: is not UTF-8 or UTF-16 text (a binary file?)',
    );
    expect(problemOf(Buffer.from([0x7b, 0x00, 0x00, 0x01, 0x02, 0x7d, 0x41, 0x00, 0x00]))).toBe(
      'in.json: is a binary file, not text (it contains NUL bytes)',
    );
    expect(problemOf(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]))).toBe(
      'in.json: is gzip-compressed; decompress it first',
    );
    expect(problemOf(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d]))).toBe(
      'in.json: is not valid UTF-16 LE text (odd number of bytes)',
    );
    // An unpaired surrogate is not text.
    expect(problemOf(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toBe(
      'in.json: is not valid UTF-16 LE text',
    );
  });
});
