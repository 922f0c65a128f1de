import { Cidr } from '../addressing';
import { invalidValue, parseField } from './field-error';

/** What a list of CIDRs must hold. */
export interface CidrListRule {
  /** One or two entries of different families (a range per family: kube-apiserver, kube-controller-manager). */
  readonly perFamily?: boolean;
  /** At least one entry. */
  readonly nonEmpty?: boolean;
}

/** The one parser of a prop that lists CIDRs: every entry parsed at `field[i]`, the list checked as a whole. */
export function parseCidrList(field: string, texts: unknown, rule: CidrListRule = {}): Cidr[] {
  if (!Array.isArray(texts)) throw invalidValue(field, texts, 'a list of cidrs such as ["10.244.0.0/16"]');
  if (rule.perFamily && (texts.length < 1 || texts.length > 2)) {
    throw invalidValue(field, texts, 'one cidr per family (1 or 2 entries)');
  }
  if (rule.nonEmpty && texts.length === 0) throw invalidValue(field, texts, 'at least one cidr such as "10.244.0.0/16"');
  const cidrs = texts.map((text, i) => parseField(`${field}[${i}]`, text, Cidr.parse));
  if (rule.perFamily && cidrs.length === 2 && cidrs[0].family === cidrs[1].family) {
    throw invalidValue(field, texts, `one IPv4 and one IPv6 range for dual-stack, got two ${cidrs[0].family} ranges`);
  }
  return cidrs;
}
