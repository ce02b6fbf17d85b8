import { describe, expect, it } from 'vitest';
import { decodeFile, firstInvalidUtf8 } from '../../src/load/decode.js';
import { validateRepository } from '../../src/validate.js';
import { baseWith, positions } from '../helpers/fixtures.js';

describe('decoding files', () => {
  it('reports bytes that are not UTF-8 (a GBK file) at the line and column of the first bad byte', () => {
    // "name: " then 市场 in GBK (0xCA 0xD0 0xB3 0xA1) on the third line
    const bytes = Buffer.concat([Buffer.from('apiVersion: goalpost/v1\nkind: Team\nname: '), Buffer.from([0xca, 0xd0, 0xb3, 0xa1]), Buffer.from('\n')]);
    const { diagnostics } = validateRepository(baseWith({ 'teams/gbk.yaml': bytes }));
    expect(positions(diagnostics)).toEqual(['invalid-encoding teams/gbk.yaml:3:7-3:8']);
    expect(diagnostics[0]!.message).toContain('byte 0xca at byte 41');
  });

  it('refuses a file over the size limit without reading it', () => {
    const result = decodeFile('big.yaml', new Uint8Array(2048), 1024);
    expect(result.diagnostic?.code).toBe('file-too-large');
    expect(result.diagnostic?.message).toContain('more than the limit');
    const { diagnostics } = validateRepository(baseWith({}), { maxFileBytes: 200 });
    expect(positions(diagnostics)).toContain('file-too-large 2026-Q4/marketing.yaml:1:1-1:1');
  });

  it('finds the first invalid byte: truncated sequences, overlong forms and surrogates', () => {
    expect(firstInvalidUtf8(Buffer.from('a市b'))).toBe(5);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe5, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0xff]))).toBe(4);
  });
});
