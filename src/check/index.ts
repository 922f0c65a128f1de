// ManifestReadError stays internal: jsii cannot export a class that extends Error. It is still what
// checkManifestFiles throws (name 'ManifestReadError'), and the CLI imports it from its file.
export { readManifests, parseManifestText } from './manifest-reader';
export type { ManifestDocument } from './manifest-reader';
export * from './check-result';
export { checkManifestDocuments, checkManifestFiles, checkManifestObjects } from './check-manifests';
export * from './manifest-checker';
