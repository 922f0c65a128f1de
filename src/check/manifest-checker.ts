import { checkManifestFiles, checkManifestObjects } from './check-manifests';
import { ManifestCheckResult } from './check-result';

/**
 * The manifest checker as static methods, for languages that see only classes (jsii drops free
 * functions): the same as `checkManifestFiles` and `checkManifestObjects`.
 */
export class ManifestChecker {
  /** Reads files and directories, then checks them. @throws when input cannot be read or parsed */
  public static checkFiles(paths: string[]): ManifestCheckResult {
    return checkManifestFiles(paths);
  }

  /** Checks already-parsed Kubernetes objects. */
  public static checkObjects(objects: any[], source?: string): ManifestCheckResult {
    return checkManifestObjects(objects, source);
  }

  private constructor() {}
}
