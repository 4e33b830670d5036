#!/usr/bin/env node
// Prints the README's "What gets created" table from .synth/{dev,prod}.json (AWS resources by type, per stage).
import { readFileSync } from 'node:fs';

const count = (stage) => {
  const s = JSON.parse(readFileSync(new URL(`../.synth/${stage}.json`, import.meta.url), 'utf8'));
  const m = new Map();
  for (const r of s.resources) if (/^(aws|grafana):/.test(r.type)) m.set(r.type, (m.get(r.type) ?? 0) + 1);
  return m;
};
const dev = count('dev');
const prod = count('prod');
const types = [...new Set([...dev.keys(), ...prod.keys()])].sort();
console.log('| Resource type | dev | prod |\n|---|---:|---:|');
for (const t of types) console.log(`| \`${t}\` | ${dev.get(t) ?? 0} | ${prod.get(t) ?? 0} |`);
