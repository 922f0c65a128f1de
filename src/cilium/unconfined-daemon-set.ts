import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';

/**
 * A DaemonSet whose pods run with the AppArmor profile `Unconfined` (pod `securityContext.appArmorProfile`,
 * Kubernetes >= 1.30; the chart renders the field for such clusters, the beta annotations for older ones).
 * The bundled 1.28 types drop the unknown field, even from a JSON patch, so it is added after conversion.
 */
export class UnconfinedDaemonSet extends k8s.KubeDaemonSet {
  public toJson(): any {
    const json = super.toJson();
    const pod = json.spec.template.spec;
    pod.securityContext = { appArmorProfile: { type: 'Unconfined' }, ...pod.securityContext };
    return json;
  }
}
