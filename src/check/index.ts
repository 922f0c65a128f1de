export * from './manifest-reader';
export * from './range-extractor';
export * from './check-manifests';
