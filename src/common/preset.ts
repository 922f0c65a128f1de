import { invalidValue } from './field-error';

/**
 * Which releases a component installs when its `version` is not given. Enum-like class so the API compiles
 * with jsii. Only the release defaults differ between presets; every other default is the seed's in both.
 * An explicit `version` (or `image`) always wins over the preset.
 */
export class Preset {
  /** Supported releases: Cilium 1.20.0, Multus v4.3.0. */
  public static readonly CURRENT = new Preset('current');

  /**
   * The seed's deployment, exactly as it installs it: Cilium 1.16.7 (end-of-life: the 1.16 line ended
   * with 1.16.19; synth warns) and Multus v4.1.3.
   */
  public static readonly SEED = new Preset('seed');

  /** Every preset. */
  public static all(): Preset[] {
    return [Preset.CURRENT, Preset.SEED];
  }

  /**
   * The preset named `name` (`current` or `seed`).
   * @throws naming the valid presets
   */
  public static of(name: string): Preset {
    const found = Preset.all().find((p) => p.name === name);
    if (!found) throw invalidValue('preset', name, `one of ${Preset.all().map((p) => `"${p.name}"`).join(', ')}`);
    return found;
  }

  /** @param name the preset's name in a values file */
  private constructor(public readonly name: string) {}

  public toString(): string {
    return this.name;
  }
}

/** `given` checked, undefined being `Preset.CURRENT`. @throws when `given` is not a Preset */
export function checkPreset(given: Preset | undefined): Preset {
  const preset = given ?? Preset.CURRENT;
  if (!Preset.all().includes(preset)) {
    throw invalidValue('preset', preset, 'Preset.CURRENT or Preset.SEED ("current" or "seed" in a values file)');
  }
  return preset;
}
