#!/usr/bin/env bash
# Validates the Kubernetes manifests offline, without a cluster:
#   deploy/validate.sh [directory]        (default: deploy/kubernetes)
# Every *.yaml/*.yml in the directory (secret.example.yaml too), each document checked in strict
# mode against the Kubernetes API schemas: unknown or misspelt fields, wrong types, missing
# required fields and bad formats are errors. kustomization.yaml must list every manifest but the
# *.example.yaml ones, and where kubectl exists the kustomization must render. Prints "valid" or
# the errors and exits non-zero on any error.
#
# The schemas come from the npm registry; PyPI, where kubernetes-validate lives, is out of our
# machines' reach:
#   kubernetes-models       the Kubernetes OpenAPI definitions compiled to validators (types,
#                           required fields, formats);
#   @kubernetes/client-node its generated models list each type's fields, which is what makes the
#                           check strict (the OpenAPI definitions allow unknown fields).
# Both are generated from Kubernetes 1.36. They are installed once, pinned, into a cache folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-$here/kubernetes}"
if [[ ! -d "$dir" ]]; then
    echo "validate.sh: no directory $dir" >&2
    exit 2
fi
dir="$(cd "$dir" && pwd)"

kubernetes_version="1.36"
pins=(kubernetes-models@5.1.0 @kubernetes/client-node@2.0.1 js-yaml@5.5.0)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/governance-hub/kubernetes-validate"

command -v node >/dev/null || { echo "validate.sh: node (Node.js) is required" >&2; exit 2; }
command -v npm >/dev/null || { echo "validate.sh: npm is required" >&2; exit 2; }

# Reinstall only when the pins change.
if [[ "$(cat "$cache/.pins" 2>/dev/null || true)" != "${pins[*]}" ]]; then
    rm -rf "$cache"
    mkdir -p "$cache"
    echo '{ "name": "hub-kubernetes-validate", "private": true, "type": "module" }' >"$cache/package.json"
    # kubernetes-models declares Node.js 22 but runs on 20; --loglevel=error hides that warning.
    if ! npm install --prefix "$cache" --no-audit --no-fund --loglevel=error --save-exact "${pins[@]}" >"$cache/install.log" 2>&1; then
        cat "$cache/install.log" >&2
        echo "validate.sh: could not install ${pins[*]}" >&2
        rm -rf "$cache"
        exit 2
    fi
    echo "${pins[*]}" >"$cache/.pins"
fi

# Written next to node_modules so its imports resolve there.
cat >"$cache/validate.mjs" <<'JS'
import fs from "node:fs";
import path from "node:path";
import * as yaml from "js-yaml";
import * as clientModels from "@kubernetes/client-node/dist/gen/models/ObjectSerializer.js";

const [dir] = process.argv.slice(2);
const rendered = process.env.RENDERED;
const errors = [];

// The client's model classes by name, e.g. "V1Deployment", "RbacV1Subject".
const modelOf = (name) => {
  const model = clientModels[name];
  return model && typeof model.getAttributeTypeMap === "function" ? model : undefined;
};

const pascal = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// "apps/v1" + "Deployment" -> V1Deployment; a few kinds carry their group ("CoreV1Event").
function clientModelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const groupName = group === "" ? "Core" : pascal(group.split(".")[0]);
  for (const name of [`${groupName}${pascal(version)}${kind}`, `${pascal(version)}${kind}`]) {
    const model = modelOf(name);
    if (model && model.getAttributeTypeMap().some((a) => a.baseName === "kind")) return name;
  }
  return undefined;
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const kindOf = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

// Strict walk: every field must be one the type declares, with a value of the declared type.
function walk(value, type, format, at, report) {
  if (type === "any") return;
  if (value === null) return report(`${at}: null where ${type} is expected`);
  let m;
  if ((m = /^Array<(.+)>$/.exec(type))) {
    if (!Array.isArray(value)) return report(`${at}: expected a list, got ${kindOf(value)}`);
    value.forEach((item, i) => walk(item, m[1], "", `${at}[${i}]`, report));
    return;
  }
  if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(type))) {
    if (!isObject(value)) return report(`${at}: expected a map, got ${kindOf(value)}`);
    for (const [k, v] of Object.entries(value)) walk(v, m[1], "", `${at}.${k}`, report);
    return;
  }
  switch (type) {
    case "string":
    case "Date":
      if (typeof value !== "string") report(`${at}: expected a string, got ${kindOf(value)}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") report(`${at}: expected a boolean, got ${kindOf(value)}`);
      return;
    case "number":
      if (typeof value !== "number") report(`${at}: expected a number, got ${kindOf(value)}`);
      else if (/^int/.test(format) && !Number.isInteger(value)) report(`${at}: expected an integer`);
      return;
    case "IntOrString":
      if (typeof value !== "string" && !Number.isInteger(value)) report(`${at}: expected an integer or a string, got ${kindOf(value)}`);
      return;
  }
  const model = modelOf(type);
  if (!model) return report(`${at}: the validator does not know type ${type}`);
  if (!isObject(value)) return report(`${at}: expected an object (${type}), got ${kindOf(value)}`);
  const fields = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a]));
  for (const [k, v] of Object.entries(value)) {
    const field = fields.get(k);
    if (!field) report(`${at ? at + "." : ""}${k}: unknown field in ${type}`);
    else walk(v, field.type, field.format, `${at ? at + "." : ""}${k}`, report);
  }
}

// ajv's "/spec/template/spec/containers/0/name" written as the walk writes it.
const pathOf = (instancePath) =>
  instancePath.split("/").slice(1).map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~")).reduce((at, part) => (/^\d+$/.test(part) ? `${at}[${part}]` : at ? `${at}.${part}` : part), "");

// The OpenAPI definitions: required fields, formats and types. A path the walk already reported
// is not reported again; ajv's messages for one path are joined.
async function schemaCheck(doc, reported, report) {
  const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : ["", doc.apiVersion];
  const module = group === "" ? `kubernetes-models/v1/${doc.kind}` : `kubernetes-models/${group}/${version}/${doc.kind}`;
  let Model;
  try {
    Model = (await import(module))[doc.kind];
  } catch {
    return report(`kind ${doc.kind} of ${doc.apiVersion} is not in the Kubernetes schemas`);
  }
  try {
    new Model(structuredClone(doc)).validate();
  } catch (e) {
    if (!Array.isArray(e.errors)) return report(String(e.message));
    const byPath = new Map();
    for (const err of e.errors) {
      const at = pathOf(err.instancePath);
      if (reported.has(at)) continue;
      const messages = byPath.get(at) ?? new Set();
      messages.add(err.message);
      byPath.set(at, messages);
    }
    for (const [at, messages] of byPath) report(`${at || "(document)"}: ${[...messages].join("; ")}`);
  }
}

async function checkDocument(doc, where) {
  if (doc === null || doc === undefined) return; // an empty document between two "---"
  if (!isObject(doc)) return errors.push(`${where}: not a Kubernetes object`);
  if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
    return errors.push(`${where}: apiVersion and kind are required`);
  }
  const name = `${doc.kind} ${doc.metadata?.name ?? "(no name)"}`;
  const report = (message) => errors.push(`${where}: ${name}: ${message}`);
  if (!doc.metadata?.name) report("metadata.name is required");
  const clientModel = clientModelFor(doc.apiVersion, doc.kind);
  if (!clientModel) return report(`kind ${doc.kind} of ${doc.apiVersion} is not a Kubernetes API kind`);
  const reported = new Set();
  walk(doc, clientModel, "", "", (message) => {
    reported.add(message.slice(0, message.indexOf(": ")));
    report(message);
  });
  await schemaCheck(doc, reported, report);
}

function checkKustomization(file, doc, manifests) {
  const listed = new Set(doc?.resources ?? []);
  for (const r of listed) {
    if (!fs.existsSync(path.join(dir, r))) errors.push(`${file}: resource ${r} does not exist`);
  }
  for (const m of manifests) {
    if (!listed.has(m) && !/\.example\.ya?ml$/.test(m)) errors.push(`${file}: ${m} is not listed in resources`);
  }
}

const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const isKustomization = (f) => /^kustomization\.ya?ml$/.test(f);
if (files.length === 0) errors.push(`${dir}: no manifests`);
let count = 0;
for (const file of files) {
  let docs;
  try {
    docs = yaml.loadAll(fs.readFileSync(path.join(dir, file), "utf8"));
  } catch (e) {
    errors.push(`${file}: not valid YAML: ${e.message.split("\n")[0]}`);
    continue;
  }
  if (isKustomization(file)) {
    checkKustomization(file, docs[0], files.filter((f) => !isKustomization(f)));
    continue;
  }
  for (const [i, doc] of docs.entries()) {
    await checkDocument(doc, docs.length > 1 ? `${file}#${i + 1}` : file);
    if (doc) count++;
  }
}
// What kustomize renders is checked only when the files passed, so an error is told once.
if (rendered && process.env.RENDER_FAILED) {
  errors.push(`kustomization.yaml: kubectl kustomize failed: ${fs.readFileSync(rendered, "utf8").trim()}`);
} else if (rendered && errors.length === 0) {
  for (const [i, doc] of yaml.loadAll(fs.readFileSync(rendered, "utf8")).entries()) {
    await checkDocument(doc, `kustomize output #${i + 1}`);
  }
}

if (errors.length > 0) {
  for (const e of errors) console.log(e);
  console.log(`invalid: ${errors.length} error(s)`);
  process.exit(1);
}
console.log(`${count} manifests checked against Kubernetes ${process.env.KUBERNETES_VERSION} schemas (strict)`);
console.log("valid");
JS

# The kustomization as kubectl would apply it: it must render, and what it renders is checked too.
rendered=""
render_failed=""
if [[ -f "$dir/kustomization.yaml" ]] && command -v kubectl >/dev/null; then
    rendered="$(mktemp)"
    trap 'rm -f "$rendered"' EXIT
    kubectl kustomize "$dir" >"$rendered" 2>&1 || render_failed=1
fi

KUBERNETES_VERSION="$kubernetes_version" RENDERED="$rendered" RENDER_FAILED="$render_failed" \
    node "$cache/validate.mjs" "$dir"
