import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { validateApp } from '../../src/app/validate-app';

/** An app whose constructs fail validation in two charts, at several depths. */
function failingApp(): App {
  const app = new App();
  for (const id of ['first', 'second']) {
    const chart = new Chart(app, id);
    const group = new Construct(chart, 'Group');
    new ApiObject(group, 'Object', { apiVersion: 'v1', kind: 'ConfigMap' });
    group.node.addValidation({ validate: () => [`${id}: one`, `${id}: two`] });
    chart.node.addValidation({ validate: () => [`${id}: chart`] });
  }
  return app;
}

/** What cdk8s itself throws for the app. */
function cdk8sError(app: App): string {
  try {
    app.synthYaml();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('cdk8s synthesized a failing app');
}

describe('validateApp', () => {
  test('throws what cdk8s throws: the same problems, in the same order, in the same words', () => {
    expect(() => validateApp(failingApp())).toThrow(cdk8sError(failingApp()));
    expect(cdk8sError(failingApp())).toMatch(/^Validation failed with the following errors:\n {2}\[first\] first: chart\n {2}\[first\/Group\] first: one/);
  });

  test('passes an app without problems', () => {
    const app = new App();
    new ApiObject(new Chart(app, 'c'), 'Object', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(() => validateApp(app)).not.toThrow();
  });
});
