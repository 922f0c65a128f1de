// ManifestReadError stays internal: jsii cannot export a class that extends Error. It is still what
// checkManifestFiles throws (name 'ManifestReadError'); the CLI uses checkInputs, which never throws.
export { readManifests, readManifestInputs, parseManifestText } from './manifest-reader';
export type { ManifestInputs } from './manifest-reader';
export type { ManifestDocument } from './manifest-reader';
export * from './check-result';
export { checkInputs, checkManifestDocuments, checkManifestFiles, checkManifestObjects } from './check-manifests';
export * from './manifest-checker';
