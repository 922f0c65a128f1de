/** Runs a parser, prefixing its error with the field that held the bad text (`nodeNetworks[1]: …`). */
export function parseField<T>(field: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (e) {
    throw new Error(`${field}: ${(e as Error).message}`);
  }
}
