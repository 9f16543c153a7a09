// The plugin only ever loads YAML (with CORE_SCHEMA) and never dumps it, so
// main.js takes js-yaml's loader alone: no dumper, no JavaScript-types schema.
// gray-matter's default engine names safeLoad/safeDump at load time; ours
// replaces that engine, so dumping is never reached.
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
