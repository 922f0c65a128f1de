// What the synth app offers the other folders: the CLI's `plan` reads a values file, and words its errors, as synth does.
// The package's public API (src/index.ts) names manifest-layout and staged-output itself, so that the
// values-file readers stay out of it.
export { layersToProps, loadValuesFile, loadValuesFiles, readValuesLayers, valuesToProps } from './values';
export { valuesErrorLine } from './error-message';
export { keepDecoy, keepPreviousDecoy } from './previous-decoy';
export { synthesize } from './synthesize';
