import { setOwn } from '../../src/util/own-property';

describe('setOwn', () => {
  test('sets an ordinary key', () => {
    const o: Record<string, unknown> = {};
    setOwn(o, 'a', 1);
    expect(o).toEqual({ a: 1 });
  });

  test('sets __proto__ as an own key, leaving the prototype alone', () => {
    const o: Record<string, unknown> = {};
    setOwn(o, '__proto__', { polluted: true });
    expect(Object.keys(o)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect((o as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
