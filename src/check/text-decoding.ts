/**
 * Bytes to text the way YAML 1.2 (section 5.2) detects encodings: a byte order mark, else the pattern
 * of zero bytes in the first two bytes (YAML text starts with an ASCII character). UTF-32 is refused.
 * @throws naming the encoding problem
 */
export function decodeManifestBytes(bytes: Buffer): string {
  const b = bytes;
  if (b.length >= 4 && ((b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) || (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0))) {
    throw new Error('UTF-32 text is not supported; convert it to UTF-8');
  }
  let text: string;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) text = decode('utf-16le', b.subarray(2));
  else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) text = decode('utf-16be', b.subarray(2));
  else if (b.length >= 2 && b[0] === 0 && b[1] !== 0) text = decode('utf-16be', b);
  else if (b.length >= 2 && b[0] !== 0 && b[1] === 0) text = decode('utf-16le', b);
  else text = decode('utf-8', b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);
  if (text.includes('\u0000')) throw new Error('binary data (a NUL character), not YAML or JSON text');
  return text;
}

function decode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`not valid ${encoding.toUpperCase()} text`);
  }
}
