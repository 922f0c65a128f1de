import { main as synthMain } from '../main';

/** `multicni synth [--values FILE] [--outdir DIR] [--kind-config FILE]`: the same code as `npm run synth`. */
export function runSynth(args: string[], out: (line: string) => void, err: (line: string) => void): number {
  return synthMain(args, out, err);
}
