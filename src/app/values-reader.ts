/**
 * Reads one mapping of a values file, strictly: every key must be known and of the right type, and
 * every error names the key path (`ovn.mtu`), the bad value and what would be valid.
 */
export class ValuesReader {
  private readonly seen = new Set<string>();
  private readonly data: Record<string, unknown>;

  constructor(data: unknown, private readonly path: string) {
    if (data === undefined || data === null) {
      this.data = {};
    } else if (typeof data !== 'object' || Array.isArray(data)) {
      throw new Error(`${path || 'values'}: expected a mapping, got ${show(data)}`);
    } else {
      this.data = data as Record<string, unknown>;
    }
  }

  public at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  public string(key: string, allowed?: string[]): string | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new Error(`${this.at(key)}: expected a string, got ${show(v)}`);
    if (allowed && !allowed.includes(v)) throw new Error(`${this.at(key)}: ${show(v)} is not one of ${allowed.join(', ')}`);
    return v;
  }

  /** A string that must be one of the keys of `options`; returns the value it maps to. */
  public choice<T>(key: string, options: Record<string, T>): T | undefined {
    const v = this.string(key, Object.keys(options));
    return v === undefined ? undefined : options[v];
  }

  public integer(key: string): number | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`${this.at(key)}: expected an integer, got ${show(v)}`);
    return v;
  }

  public boolean(key: string): boolean | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw new Error(`${this.at(key)}: expected true or false, got ${show(v)}`);
    return v;
  }

  public strings(key: string): string[] | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      throw new Error(`${this.at(key)}: expected a list of strings, got ${show(v)}`);
    }
    return v as string[];
  }

  public section(key: string): ValuesReader {
    return new ValuesReader(this.take(key), this.at(key));
  }

  public list(key: string): ValuesReader[] | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) throw new Error(`${this.at(key)}: expected a list, got ${show(v)}`);
    return v.map((item, i) => new ValuesReader(item, `${this.at(key)}[${i}]`));
  }

  /** Runs `build`, prefixing any error it throws with this mapping's path. */
  public wrap<T>(build: () => T): T {
    try {
      return build();
    } catch (e) {
      const message = (e as Error).message;
      throw new Error(this.path && !message.startsWith(this.path) ? `${this.path}: ${message}` : message);
    }
  }

  /** Fails on any key that no reader asked for. */
  public done(): void {
    const unknown = Object.keys(this.data).filter((k) => !this.seen.has(k));
    if (unknown.length > 0) {
      throw new Error(`${this.at(unknown[0])}: unknown key; valid keys here: ${[...this.seen].sort().join(', ')}`);
    }
  }

  private take(key: string): unknown {
    this.seen.add(key);
    const v = this.data[key];
    return v === null ? undefined : v;
  }
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}
