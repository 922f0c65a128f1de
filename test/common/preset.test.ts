import { Preset } from '../../src';
import { checkPreset } from '../../src/common/preset';

describe('Preset', () => {
  test('two presets, named as in a values file', () => {
    expect(Preset.all().map(String)).toEqual(['current', 'seed']);
    expect(Preset.of('seed')).toBe(Preset.SEED);
    expect(Preset.of('current')).toBe(Preset.CURRENT);
  });

  test('an unknown name is refused, naming the valid ones', () => {
    expect(() => Preset.of('1.16')).toThrow('preset: invalid value "1.16": expected one of "current", "seed"');
  });

  test('unset is CURRENT; a value that is not a Preset is refused', () => {
    expect(checkPreset(undefined)).toBe(Preset.CURRENT);
    expect(checkPreset(Preset.SEED)).toBe(Preset.SEED);
    expect(() => checkPreset({ name: 'seed' } as Preset)).toThrow('preset: invalid value {"name":"seed"}: expected Preset.CURRENT or Preset.SEED ("current" or "seed" in a values file)');
  });
});
