#!/usr/bin/env node
// leak-scan's npm launcher (the esbuild/biome pattern): the binary ships in one package per platform, an optional
// dependency of this one that npm installs only where its `os`/`cpu`/`libc` fields match. This file finds it and runs
// it with the same arguments, standard streams and exit code. LEAK_SCAN_BINARY overrides the lookup.
"use strict";
const { spawnSync } = require("child_process");

const PLATFORM_PACKAGES = {
  "linux x64": "@leak-scan/linux-x64",
  "linux arm64": "@leak-scan/linux-arm64",
  "darwin arm64": "@leak-scan/darwin-arm64",
  "darwin x64": "@leak-scan/darwin-x64",
};
// Exit code when no binary can run: 2 means "scan incomplete", so a release gate never passes by accident.
const NO_BINARY = 2;

function fail(lines) {
  process.stderr.write(lines.map((line) => `leak-scan: ${line}\n`).join(""));
  process.exit(NO_BINARY);
}

function isMusl() {
  if (process.platform !== "linux") return false;
  const report = typeof process.report?.getReport === "function" ? process.report.getReport() : null;
  return report != null && !report.header?.glibcVersionRuntime;
}

function binaryPath() {
  if (process.env.LEAK_SCAN_BINARY) return process.env.LEAK_SCAN_BINARY;
  const key = `${process.platform} ${process.arch}`;
  const pkg = PLATFORM_PACKAGES[key];
  const source = "build it from source: https://github.com/leak-scan/leak-scan#install (then set LEAK_SCAN_BINARY)";
  if (!pkg) {
    fail([
      `no prebuilt binary for ${process.platform}-${process.arch}.`,
      `Prebuilt: ${Object.keys(PLATFORM_PACKAGES).map((k) => k.replace(" ", "-")).join(", ")}.`,
      `Or ${source}.`,
    ]);
  }
  if (isMusl()) {
    fail([`the prebuilt Linux binaries need glibc; this system uses musl (e.g. Alpine).`, `Use a glibc image, or ${source}.`]);
  }
  try {
    return require.resolve(`${pkg}/bin/leak-scan`);
  } catch {
    fail([
      `the platform package ${pkg} is not installed.`,
      `It is an optional dependency of leak-scan: reinstall without --omit=optional / --no-optional, and make sure`,
      `the lockfile was not written on another platform (npm install ${pkg} adds it explicitly).`,
    ]);
  }
}

const binary = binaryPath();
const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
if (result.error) fail([`cannot run ${binary}: ${result.error.message}`]);
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? NO_BINARY);
