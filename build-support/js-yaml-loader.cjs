// The plugin only ever loads YAML (with CORE_SCHEMA) and never dumps it, so
// main.js takes js-yaml's loader alone: no dumper, no JavaScript-types schema.
// safeDump is named only so code that expects the full module still loads;
// nothing in the plugin dumps YAML.
const loader = require("js-yaml/lib/js-yaml/loader.js");
const CORE_SCHEMA = require("js-yaml/lib/js-yaml/schema/core.js");

module.exports = {
  load: loader.load,
  safeLoad: loader.safeLoad,
  CORE_SCHEMA,
  safeDump() {
    throw new Error("YAML is not written by Source Queue's plugin bundle");
  },
};
