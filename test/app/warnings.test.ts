import { App } from 'cdk8s';
import { MultiCniChart } from '../../src/chart';
import { OvnTopology } from '../../src/networks';
import { StagedOutput } from '../../src/app/staged-output';
import { tmpDir } from '../support/run-app';

// A localnet network draws a warning (its physical network must be in ovn-bridge-mappings, which the output does not set).
const LOCALNET_WARNING = /^warning: network default\/phys: localnet needs "phys" in ovn-bridge-mappings/;

function appWithWarning(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  new MultiCniChart(app, 'multicni', {
    apiServer: 'https://10.0.0.1:6443', demo: false,
    networks: [{ name: 'phys', topology: OvnTopology.LOCALNET, subnets: ['192.168.50.0/24'] }],
  });
  return app;
}

/** What a call writes to standard error, line by line. */
function stderrOf(run: () => void): string[] {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
    written.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return written.join('').split('\n').filter((l) => l !== '');
}

describe('warnings reach every user', () => {
  test('a plain app.synth() prints each warning once on standard error', () => {
    const app = appWithWarning(tmpDir('multicni-warn-'));
    const lines = stderrOf(() => app.synth());
    expect(lines).toEqual([expect.stringMatching(LOCALNET_WARNING)]);
  });

  test('StagedOutput.render prints nothing and StagedOutput.warnings returns them', () => {
    const app = appWithWarning();
    expect(stderrOf(() => StagedOutput.render(app))).toEqual([]);
    expect(StagedOutput.warnings(app)).toEqual([expect.stringMatching(LOCALNET_WARNING.source.replace('^warning: ', '^'))]);
  });

  test('StagedOutput.write prints them, once; printWarnings: false keeps it quiet', () => {
    expect(stderrOf(() => StagedOutput.write(appWithWarning(), tmpDir('multicni-warn-')))).toEqual([expect.stringMatching(LOCALNET_WARNING)]);
    expect(stderrOf(() => StagedOutput.write(appWithWarning(), tmpDir('multicni-warn-'), { printWarnings: false }))).toEqual([]);
  });

  test('an App without warnings prints nothing', () => {
    const app = new App({ outdir: tmpDir('multicni-warn-') });
    new MultiCniChart(app, 'multicni', { apiServer: 'https://10.0.0.1:6443' });
    expect(stderrOf(() => app.synth())).toEqual([]);
    expect(StagedOutput.warnings(app)).toEqual([]);
  });
});
