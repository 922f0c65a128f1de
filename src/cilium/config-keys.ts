/** The keys of cilium-config in the order they are set; each set once, values as the agent reads them (strings). */
export class ConfigKeys {
  private readonly entries: Array<[string, string]> = [];

  public set(key: string, value: string | number | boolean): void {
    this.entries.push([key, String(value)]);
  }

  /** The keys as ConfigMap data, in the order set. */
  public toData(): Record<string, string> {
    const data: Record<string, string> = {};
    for (const [key, value] of this.entries) {
      if (key in data) throw new Error(`internal error: cilium-config key ${key} set twice`);
      data[key] = value;
    }
    return data;
  }
}
