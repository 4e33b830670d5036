import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp folder with a tiny built "app": index.html and one asset. */
export async function makeAppDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'um-app-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>demo</title><div id="root">INDEX</div>');
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log("app")');
  return dir;
}

/** A fresh temp data folder. */
export function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'um-data-'));
}

/** A web-vitals item as the browser sends it, timestamped now. */
export function vital(name: string, value: number, extra: Record<string, unknown> = {}) {
  return {
    name,
    value,
    rating: 'good',
    url: 'http://127.0.0.1/checkout',
    timestamp: new Date().toISOString(),
    id: `v5-${name}-${Math.random().toString(36).slice(2)}`,
    navigationType: 'navigate',
    route: '/checkout',
    ...extra,
  };
}

/** POSTs JSON (or any string) and returns status and parsed body. */
export async function post(
  url: string,
  body: string | Uint8Array,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = { text };
  }
  return { status: response.status, json };
}

/** GETs a JSON document. */
export async function getJson<T = Record<string, unknown>>(url: string): Promise<T> {
  const response = await fetch(url);
  return (await response.json()) as T;
}
