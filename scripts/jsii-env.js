// Environment for the jsii tools in a build without internet access beyond the package registries: jsii
// otherwise downloads its release support table from GitHub, and Node 20 prints an end-of-life banner.
'use strict';
function jsiiEnv(base = process.env) {
  return {
    ...base,
    JSII_SILENCE_SUPPORT_WARNING: '1',
    JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0],
    JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
    JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: '1',
  };
}
module.exports = { jsiiEnv };
