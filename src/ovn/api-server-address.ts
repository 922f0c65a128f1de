import { showValue } from '../common/field-error';
import { isDnsName, isIpv4Address, isIpv6Address } from '../common/host';

const EXAMPLE = 'https://172.18.0.2:6443';

/**
 * The address of the real kube-apiserver, e.g. `https://172.18.0.2:6443`.
 *
 * OVN-Kubernetes must be given it (`k8s_apiserver` in `ovn-config`, env `K8S_APISERVER`): its pods run on the
 * host network before any pod network exists, so the `kubernetes` Service cannot be used.
 */
export class ApiServerAddress {
  /**
   * Parses `https://<host>:<port>`; host is an IPv4 address, a bracketed IPv6 address or a DNS name; port is
   * 1..65535 and may be left out (443).
   * @throws when the text is not such an address
   */
  public static parse(text: string): ApiServerAddress {
    if (typeof text !== 'string' || text === '') {
      throw new Error(`invalid api server address ${showValue(text)}: expected a url such as "${EXAMPLE}"`);
    }
    const bad = (expected: string) => new Error(`invalid api server address ${showValue(text)}: expected ${expected}`);
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(\[[^\]]*\]|[^:/?#[\]]*)(?::([^/?#]*))?(\/?)$/.exec(text);
    if (!m) {
      throw bad(`"https://<host>:<port>" with no path, query or user, such as "${EXAMPLE}"`);
    }
    const [, scheme, rawHost, portText, slash] = m;
    if (scheme !== 'https') {
      throw bad(`the scheme "https", which kube-apiserver serves, not ${showValue(scheme)}`);
    }
    if (slash) {
      throw bad('no trailing "/": ovnkube expects a bare scheme://host:port');
    }
    if (portText !== undefined && portText.includes(':')) {
      throw bad('an IPv6 address in brackets, as in "https://[fd00::1]:6443"');
    }
    const host = ApiServerAddress.checkHost(rawHost, bad);
    let port = 443;
    if (portText !== undefined) {
      if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
        throw bad(`a port from 1 to 65535, not ${showValue(portText)}`);
      }
      port = Number(portText);
    }
    return new ApiServerAddress(text, host, port, rawHost.startsWith('[') || /^[0-9.]+$/.test(rawHost));
  }

  private static checkHost(rawHost: string, bad: (why: string) => Error): string {
    if (rawHost === '') throw bad('a host between "https://" and the port');
    if (rawHost.startsWith('[')) {
      const ip = rawHost.slice(1, -1);
      if (!isIpv6Address(ip)) {
        throw bad(`a valid IPv6 address in the brackets, not ${showValue(ip)}`);
      }
      return ip;
    }
    if (/^[0-9.]+$/.test(rawHost)) {
      if (!isIpv4Address(rawHost)) {
        throw bad(`a valid IPv4 address, not ${showValue(rawHost)}`);
      }
      return rawHost;
    }
    if (!isDnsName(rawHost)) {
      throw bad(`an IP address or a DNS name as the host, not ${showValue(rawHost)} (an IPv6 address needs brackets)`);
    }
    return rawHost;
  }

  private constructor(
    /** The address as given, e.g. `https://172.18.0.2:6443`. */
    public readonly url: string,
    /** Host part: an IP address (IPv6 without brackets) or a DNS name. */
    public readonly host: string,
    /** TCP port (443 when the url gives none). */
    public readonly port: number,
    /** Whether the host is an IP address rather than a DNS name. */
    public readonly hostIsIp: boolean,
  ) {}

  /** The url, as given. */
  public toString(): string {
    return this.url;
  }
}
