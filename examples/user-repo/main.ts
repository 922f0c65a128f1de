// A user's own cdk8s app: the stack with their values, written in the staged layout (dist/, dist/stage2/).
import { App } from 'cdk8s';
import { MultiCniChart, MultiCniChartProps, OvnDeploymentMode, StagedOutput } from 'cdk8s-multicni';

export const props: MultiCniChartProps = {
  apiServer: 'https://10.0.0.10:6443',
  addressing: { primaryPodCidrs: ['10.42.0.0/16'], serviceCidrs: ['10.43.0.0/16'], nodeNetworks: ['192.168.1.0/24'], nodeCount: 5 },
  ovn: { mode: OvnDeploymentMode.INTERCONNECT },
  networks: [{ name: 'storage', namespace: 'default', subnets: ['10.60.0.0/16/24'] }],
};

/** The app, built but not written (tests synthesize it in memory). */
export function buildApp(): { app: App; chart: MultiCniChart } {
  const app = new App();
  const chart = new MultiCniChart(app, 'cluster', props);
  return { app, chart };
}

if (require.main === module) {
  const { app } = buildApp();
  for (const f of StagedOutput.write(app, 'dist')) console.log(`dist/${f.path}`);
}
