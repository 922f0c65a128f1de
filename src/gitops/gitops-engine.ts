import { invalidValue } from '../common/field-error';

/**
 * The GitOps engine that delivers the output from a Git repository. Enum-like class so the API compiles
 * with jsii.
 */
export class GitopsEngine {
  /**
   * Argo CD: one `Application` (dist/gitops/argocd/application.yaml) over the whole output, the stages
   * ordered by sync waves (`argocd.argoproj.io/sync-wave` on every object).
   */
  public static readonly ARGOCD = new GitopsEngine('argocd');

  /**
   * Flux: a `GitRepository` and one `Kustomization` per stage (dist/gitops/flux/), each stage's directory
   * holding a `kustomization.yaml` that lists its files; later stages depend on the first.
   */
  public static readonly FLUX = new GitopsEngine('flux');

  /** Every engine. */
  public static all(): GitopsEngine[] {
    return [GitopsEngine.ARGOCD, GitopsEngine.FLUX];
  }

  /**
   * The engine named `name` (`argocd` or `flux`).
   * @throws naming the valid engines
   */
  public static of(name: string): GitopsEngine {
    const found = GitopsEngine.all().find((e) => e.name === name);
    if (!found) throw invalidValue('gitops.engine', name, `one of ${GitopsEngine.all().map((e) => `"${e.name}"`).join(', ')}`);
    return found;
  }

  /** @param name the engine's name in a values file */
  private constructor(public readonly name: string) {}

  public toString(): string {
    return this.name;
  }
}
