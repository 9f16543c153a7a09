// `npm version <x.y.z|patch|minor|major>` runs this (the "version" script):
// the new version goes into manifest.json, and versions.json maps it to the
// manifest's minAppVersion, as the official sample plugin does. npm then
// commits both with package.json and tags the commit (no "v": see .npmrc).
import { readFileSync, writeFileSync } from "node:fs";

const version = process.env.npm_package_version;
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
  console.error(`version-bump: "${version ?? ""}" is not x.y.z; run it through npm version`);
  process.exit(2);
}

const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
manifest.version = version;
writeFileSync("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);

const versions = JSON.parse(readFileSync("versions.json", "utf8"));
versions[version] = manifest.minAppVersion;
writeFileSync("versions.json", `${JSON.stringify(versions, null, 2)}\n`);
console.log(`manifest.json and versions.json: ${version} (minAppVersion ${manifest.minAppVersion})`);
