import { decodeManifestBytes } from '../../src/check/text-decoding';

const TEXT = 'kind: ConfigMap # café\n';

test('UTF-8 with and without a BOM, UTF-16 LE/BE with and without one', () => {
  const le = Buffer.from(TEXT, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  expect(decodeManifestBytes(Buffer.from(TEXT))).toBe(TEXT);
  expect(decodeManifestBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toBe(TEXT);
  expect(decodeManifestBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe(TEXT);
  expect(decodeManifestBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(TEXT);
  expect(decodeManifestBytes(le)).toBe(TEXT);
  expect(decodeManifestBytes(be)).toBe(TEXT);
  expect(decodeManifestBytes(Buffer.alloc(0))).toBe('');
});

test('UTF-32, invalid UTF-8 and binary data are refused with the reason', () => {
  expect(() => decodeManifestBytes(Buffer.from([0xff, 0xfe, 0, 0, 0x6b, 0, 0, 0]))).toThrow(/UTF-32 text is not supported/);
  expect(() => decodeManifestBytes(Buffer.from('caf\xe9: 1\n', 'latin1'))).toThrow(/not valid UTF-8 text/);
  expect(() => decodeManifestBytes(Buffer.from('ab\u0000cd'))).toThrow(/binary data/);
});
