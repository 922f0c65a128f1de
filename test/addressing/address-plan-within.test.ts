import { AddressPlan, Cidr, RangeRole } from '../../src';

/** Ranges registered `within` a role: inside it is meant, elsewhere an overlap; inside none is a placement problem. */
function plan(...extra: Array<{ name: string; cidr: string; role: RangeRole; within?: boolean }>): AddressPlan {
  const p = new AddressPlan();
  p.register({ name: 'nodes', cidr: Cidr.parse('172.18.0.0/16'), role: RangeRole.NODE_NETWORK, owner: 'a' });
  p.register({ name: 'svc', cidr: Cidr.parse('10.96.0.0/16'), role: RangeRole.SERVICE, owner: 'a' });
  for (const e of extra) {
    p.register({ name: e.name, cidr: Cidr.parse(e.cidr), role: e.role, owner: 'b', ...(e.within ? { within: RangeRole.NODE_NETWORK, withinReason: 'why' } : {}) });
  }
  return p;
}

test('a range within the node network is accepted inside it', () => {
  const p = plan({ name: 'l2', cidr: '172.18.255.0/28', role: RangeRole.LOAD_BALANCER, within: true });
  expect(p.check()).toEqual([]);
  expect(p.overlapPairs()).toEqual([]);
});

test('the same range without `within` is an overlap with the node network', () => {
  const p = plan({ name: 'bgp', cidr: '172.18.255.0/28', role: RangeRole.LOAD_BALANCER });
  expect(p.check()).toEqual(['overlap: node network "nodes" 172.18.0.0/16 (owner: a) overlaps load balancer "bgp" 172.18.255.0/28 (owner: b)']);
});

test('outside every range of its role: a placement problem naming them and the reason', () => {
  const p = plan({ name: 'l2', cidr: '192.168.0.0/28', role: RangeRole.LOAD_BALANCER, within: true });
  expect(p.check()).toEqual(['placement: load balancer "l2" 192.168.0.0/28 (owner: b) must lie inside a node network range, and it is inside none of node network "nodes" 172.18.0.0/16 (owner: a); why']);
});

test('no range of its role in its family: said so', () => {
  const p = plan({ name: 'e', cidr: 'fd00::1/128', role: RangeRole.EGRESS_IP, within: true });
  expect(p.check()).toEqual([expect.stringMatching(/^placement: egress ip "e" fd00::1\/128 .* and the plan has no IPv6 node network range; why$/)]);
});

test('inside the node network but over another range: an overlap, once per pair, also between placed ranges', () => {
  const p = new AddressPlan();
  p.register({ name: 'nodes', cidr: Cidr.parse('10.0.0.0/8'), role: RangeRole.NODE_NETWORK, owner: 'a' });
  p.register({ name: 'svc', cidr: Cidr.parse('10.96.0.0/16'), role: RangeRole.SERVICE, owner: 'a' });
  p.register({ name: 'l2', cidr: Cidr.parse('10.96.1.0/24'), role: RangeRole.LOAD_BALANCER, owner: 'b', within: RangeRole.NODE_NETWORK });
  p.register({ name: 'e', cidr: Cidr.parse('10.96.1.5/32'), role: RangeRole.EGRESS_IP, owner: 'c', within: RangeRole.NODE_NETWORK });
  const pairs = p.overlapPairs().map((x) => `${x.first.name}+${x.second.name}`).sort();
  // the node network overlaps the service range (an ordinary pair); the placed ranges overlap the service and each other
  expect(pairs).toEqual(['l2+e', 'nodes+svc', 'svc+e', 'svc+l2']);
  expect(p.overlaps()).toHaveLength(4);
  expect(p.check().filter((l) => l.startsWith('placement'))).toEqual([]);
});
