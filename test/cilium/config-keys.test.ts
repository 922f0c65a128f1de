import { ConfigKeys } from '../../src/cilium/config-keys';

describe('ConfigKeys, the writer of cilium-config', () => {
  test('keeps the order the keys are set in and writes every value as the agent reads it, a string', () => {
    const keys = new ConfigKeys();
    keys.set('routing-mode', 'tunnel');
    keys.set('cluster-id', 0);
    keys.set('enable-ipv6', false);
    expect(Object.entries(keys.toData())).toEqual([['routing-mode', 'tunnel'], ['cluster-id', '0'], ['enable-ipv6', 'false']]);
  });

  test('a key set twice is an internal error, not a silent overwrite', () => {
    const keys = new ConfigKeys();
    keys.set('debug', false);
    keys.set('debug', true);
    expect(() => keys.toData()).toThrow('internal error: cilium-config key debug set twice');
  });
});
