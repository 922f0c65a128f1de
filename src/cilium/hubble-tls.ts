/** Settings of the in-cluster certificate generation of `HubbleTls.cronJob()`. */
export interface HubbleCertGenOptions {
  /**
   * When the CronJob renews the certificates (cron syntax, five fields).
   * @default - midnight on the 1st of every fourth month, as upstream
   */
  readonly schedule?: string;
  /**
   * Validity of the generated certificates, in days.
   * @default 365 (as upstream)
   */
  readonly certValidityDays?: number;
}

/**
 * TLS of the Hubble server each agent runs on `:4244` (reached through the `hubble-peer` Service).
 *
 * There is deliberately no option that writes certificates into the manifests: the chart's default
 * (`hubble.tls.auto.method=helm`) puts the CA key and the server key into Secrets at render time, and
 * rendered manifests end up in git, CI logs and artifact stores.
 */
export class HubbleTls {
  /**
   * Plain-text Hubble (`hubble-disable-tls: "true"`; `hubble-peer` on port 80). The agent runs in the
   * host network namespace, so the Hubble API is then readable unencrypted on every node's address.
   */
  public static readonly DISABLED = new HubbleTls(false);

  /**
   * TLS with certificates generated inside the cluster by cilium-certgen, as the chart does with
   * `hubble.tls.auto.method=cronJob`: a Job creates the CA (`cilium-ca`) and `hubble-server-certs`
   * once, a CronJob renews them. The agents mount the Secret as optional and pick it up when it appears.
   */
  public static readonly CRON_JOB = HubbleTls.cronJob();

  /** `CRON_JOB` with another schedule or validity. */
  public static cronJob(options: HubbleCertGenOptions = {}): HubbleTls {
    return new HubbleTls(true, options);
  }

  private constructor(
    /** Whether Hubble serves TLS. */
    public readonly enabled: boolean,
    /** The certgen settings, when enabled. */
    public readonly certGen?: HubbleCertGenOptions,
  ) {}
}
