// Kubernetes name rules (apimachinery validation IsDNS1123Label / IsDNS1123Subdomain), shared by every
// component that validates a name before rendering it; each caller words its own error.

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS-1123 label (namespaces, most names): lowercase alphanumerics and '-', at most 63 characters. */
export function isDnsLabel(text: unknown): text is string {
  return typeof text === 'string' && text.length <= 63 && DNS_LABEL.test(text);
}

/** A DNS-1123 subdomain (e.g. custom resource names): labels joined by '.', at most 253 characters. */
export function isDnsSubdomain(text: unknown): text is string {
  return typeof text === 'string' && text.length <= 253 && DNS_SUBDOMAIN.test(text);
}
