import { readFileSync } from 'node:fs';

/** Synth JSON as read back: resource inputs are free-form provider data. */
// biome-ignore lint/suspicious/noExplicitAny: free-form JSON of the synth, asserted field by field
export type Json = any;

import { join } from 'node:path';

export interface Resource {
  type: string;
  name: string;
  inputs: Record<string, Json>;
}
export interface Synth {
  stage: string;
  resources: Resource[];
}

export const root = join(import.meta.dirname, '..');

export function loadSynth(stage: string, dir = '.sst/synth-test'): Synth {
  return JSON.parse(readFileSync(join(root, dir, `${stage}.json`), 'utf8'));
}

export function ofType(s: Synth, type: string): Resource[] {
  return s.resources.filter((r) => r.type === type);
}

export function first(s: Synth, type: string): Resource {
  const r = s.resources.find((x) => x.type === type);
  if (!r) throw new Error(`no ${type} in the ${s.stage} synth`);
  return r;
}

export function one(s: Synth, type: string, name: string): Resource {
  const r = s.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} named ${name} in the ${s.stage} synth`);
  return r;
}

/** IAM statements of every policy document in the synth (role inline policies, role policies, bucket policies). */
export function policyStatements(s: Synth): { owner: string; statement: Record<string, Json> }[] {
  const out: { owner: string; statement: Record<string, Json> }[] = [];
  const add = (owner: string, doc: unknown) => {
    const parsed = typeof doc === 'string' ? JSON.parse(doc) : doc;
    for (const st of [parsed?.Statement ?? []].flat()) out.push({ owner, statement: st });
  };
  for (const r of s.resources) {
    if (r.type === 'aws:iam/role:Role') for (const p of r.inputs.inlinePolicies ?? []) add(r.name, p.policy);
    if (r.type === 'aws:iam/rolePolicy:RolePolicy' || r.type === 'aws:iam/policy:Policy')
      add(r.name, r.inputs.policy);
    if (r.type === 'aws:s3/bucketPolicy:BucketPolicy') add(r.name, r.inputs.policy);
  }
  return out;
}

export const list = (v: unknown): string[] => (v === undefined ? [] : ([v].flat() as string[]));
