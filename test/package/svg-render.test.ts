import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { AddressPlan, Cidr, MultiCniChart, RangeRole } from '../../src';
import { valuesToProps } from '../../src/app/values';
import { addressPlanSvg } from '../../src/plan/plan-report';
import { decodePng } from './png';
import { sh } from './packages';

// address-plan.svg must render in a real browser: Debian's chromium, headless, takes a screenshot and the
// pixels are counted. .ci/run installs chromium (apt-get); without it this test fails, it never skips.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-svg-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function chromium(): string {
  for (const bin of ['chromium', 'chromium-browser']) {
    for (const dir of (process.env.PATH ?? '').split(':')) if (fs.existsSync(path.join(dir, bin))) return path.join(dir, bin);
  }
  throw new Error('chromium not found: install Debian\'s chromium (apt-get install chromium), as .ci/run does');
}

/** Screenshot of `svg` at its own size; counts of pixels by colour class. */
function render(svg: string, name: string) {
  const file = path.join(work, `${name}.svg`);
  const png = path.join(work, `${name}.png`);
  fs.writeFileSync(file, svg);
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
  sh(chromium(), ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${path.join(work, 'profile')}`,
    `--screenshot=${png}`, `--window-size=${w},${h}`, `file://${file}`]);
  const { width, height, rgba } = decodePng(fs.readFileSync(png));
  const colours = new Set<number>();
  let nonWhite = 0;
  let red = 0; // #dc2626 drawn at 45% over the light band, or as an outline
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
    colours.add((r << 16) | (g << 8) | b);
    if (r < 250 || g < 250 || b < 250) nonWhite++;
    if (r > 180 && g < 110 && b < 110) red++;
  }
  return { width, height, colours: colours.size, nonWhite, red };
}

describe('address-plan.svg in headless Chromium', () => {
  test('the default stack\'s map renders: non-blank, one colour per role, no red', () => {
    const shot = render(addressPlanSvg(new MultiCniChart(new App(), 'multicni', valuesToProps({})).plan), 'default');
    expect([shot.width, shot.height]).toEqual([1000, expect.any(Number)]);
    expect(shot.nonWhite / (shot.width * shot.height)).toBeGreaterThan(0.05);
    expect(shot.colours).toBeGreaterThan(8); // 8 role colours, text and anti-aliasing
    expect(shot.red).toBeLessThan(200); // only the legend's overlap swatch (12×12 = 144 pixels)
  }, 120_000);

  test('an overlap is painted red', () => {
    const plan = new AddressPlan();
    plan.register({ name: 'pods', cidr: Cidr.parse('10.0.0.0/16'), role: RangeRole.PRIMARY_POD, owner: 'a' });
    plan.register({ name: 'net', cidr: Cidr.parse('10.0.128.0/24'), role: RangeRole.SECONDARY_NETWORK, owner: 'b' });
    const shot = render(addressPlanSvg(plan), 'overlap');
    expect(shot.red).toBeGreaterThan(1000);
  }, 120_000);
});
