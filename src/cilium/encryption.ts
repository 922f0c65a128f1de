/**
 * Transparent encryption of pod traffic between nodes (the chart's `encryption.enabled` and
 * `encryption.type`). Enum-like class so the API compiles with jsii. IPsec is not offered: it needs a
 * pre-shared key Secret, and no key material goes into this library's output.
 */
export class CiliumEncryption {
  /** No transparent encryption (upstream default). */
  public static readonly NONE = new CiliumEncryption('none');

  /**
   * WireGuard (`enable-wireguard`): each agent creates the `cilium_wg0` device, listening on UDP 51871 in
   * the node's host network namespace, and publishes its public key in its CiliumNode; keys are made on
   * the node, never rendered.
   */
  public static readonly WIREGUARD = new CiliumEncryption('wireguard');

  /** Every mode, `NONE` first. */
  public static all(): CiliumEncryption[] {
    return [CiliumEncryption.NONE, CiliumEncryption.WIREGUARD];
  }

  private constructor(
    /** The name as a values file writes it (`none`, `wireguard`). */
    public readonly name: string,
  ) {}

  public toString(): string {
    return this.name;
  }
}
