// The plugin only ever loads YAML (with CORE_SCHEMA) and never dumps it, so
// main.js takes js-yaml's loader alone: no dumper, no JavaScript-types schema.
// It offers the two members src/ uses, load and CORE_SCHEMA (safeLoad and
// safeDump were for gray-matter, which is gone).
//
// The two files are reached by path: js-yaml 3 has no exports map, and its
// lib/js-yaml layout has not changed since 3.0. Should a release move them,
// the build cannot resolve them; should it reshape them,
// test/plugin/js-yaml-loader.test.ts fails (a check here would cost main.js).
const loader = require("js-yaml/lib/js-yaml/loader.js");
const CORE_SCHEMA = require("js-yaml/lib/js-yaml/schema/core.js");

module.exports = { load: loader.load, CORE_SCHEMA };
