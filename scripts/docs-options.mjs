#!/usr/bin/env node
// Options tables in the docs are generated from the TSDoc of the option interfaces, so they cannot drift from
// the code. A table lives between `<!-- options:Name:start -->` and `<!-- options:Name:end -->`, where Name is a
// type exported by one of the packages (interface or type alias). The TypeScript compiler API reads the
// packages' src (no build needed): one row per property with its type as written, its `@default` (or
// "required") and its description. Metric tables between `<!-- metrics:<namespace>:start -->` and
// `<!-- metrics:<namespace>:end -->` come from METRIC_CATALOG of the built @usermetrics/core (run the build first).
//   node scripts/docs-options.mjs           rewrite every table (npm run docs:options)
//   node scripts/docs-options.mjs --check   fail when a table differs from the code (CI, npm run check:docs)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const check = process.argv.includes('--check');
const packageOrder = ['core', 'node', 'middy', 'browser', 'react', 'vite'];
const entryFiles = packageOrder.flatMap((p) =>
  ['index.ts', 'router.ts'].map((f) => join('packages', p, 'src', f)).filter((f) => existsSync(f)),
);
const docFiles = [
  'README.md',
  ...readdirSync('packages').map((p) => join('packages', p, 'README.md')),
  ...(existsSync('docs') ? readdirSync('docs').filter((f) => f.endsWith('.md')) : []).map((f) =>
    join('docs', f),
  ),
].filter((f) => existsSync(f));

const program = ts.createProgram(entryFiles, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
});
const checker = program.getTypeChecker();

/** Exported name → its declaration, first package in dependency order wins (re-exports are the same node). */
const exported = new Map();
for (const file of entryFiles) {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read the exports of ${file}`);
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.find(
      (d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d),
    );
    if (declaration && !exported.has(symbol.name)) exported.set(symbol.name, { declaration, file });
  }
}

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();
const cell = (text) => oneLine(text).replace(/\|/g, '\\|');
const code = (text) => `\`${cell(text)}\``;
// A default that is a plain expression reads best as code; one mixed with prose stays as written.
const defaultCell = (text) =>
  !text.includes('`') && /^[\w.$'"()[\]{}:,?|&!<>=+\-/* ]+$/.test(text) && !/[\w)]\s+[\w(]/.test(text)
    ? code(text)
    : cell(text);
const linksToCode = (text) => text.replace(/\{@link(?:code|plain)?\s+([^}\s|]+)(?:[\s|][^}]*)?\}/g, '`$1`');

function jsDocOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs.at(-1);
  if (!doc) return { description: '', defaultValue: undefined };
  const description = linksToCode(ts.getTextOfJSDocComment(doc.comment) ?? '');
  const tag = doc.tags?.find((t) => t.tagName.text === 'default');
  const defaultValue = tag ? linksToCode(ts.getTextOfJSDocComment(tag.comment) ?? '') : undefined;
  return { description, defaultValue };
}

function rowOf(member) {
  const { description, defaultValue } = jsDocOf(member);
  let name;
  let type;
  let optional = Boolean(member.questionToken);
  if (ts.isIndexSignatureDeclaration(member)) {
    name = `[${member.parameters.map((p) => p.getText()).join(', ')}]`;
    type = member.type.getText();
    optional = true;
  } else if (ts.isMethodSignature(member)) {
    name = member.name.getText();
    type = `(${member.parameters.map((p) => p.getText()).join(', ')}) => ${member.type?.getText() ?? 'void'}`;
  } else {
    name = member.name.getText();
    type = member.type?.getText() ?? 'unknown';
  }
  return { name, type, optional, description, defaultValue };
}

/** The rows of a type: own members of an interface, members of a literal, intersections and unions merged. */
function rowsOf(typeNode, rows) {
  if (ts.isTypeLiteralNode(typeNode)) {
    for (const member of typeNode.members) {
      const row = rowOf(member);
      const previous = rows.get(row.name);
      // In a union of alternatives (`{ config; tracker?: undefined } | { tracker; config?: undefined }`) the
      // `undefined` placeholder is not the option: keep the documented alternative, optional overall.
      if (previous && row.type === 'undefined') previous.optional = true;
      else if (previous && previous.type === 'undefined') rows.set(row.name, { ...row, optional: true });
      else if (!previous) rows.set(row.name, row);
    }
  } else if (ts.isIntersectionTypeNode(typeNode) || ts.isUnionTypeNode(typeNode)) {
    for (const part of typeNode.types) rowsOf(part, rows);
  } else if (ts.isParenthesizedTypeNode(typeNode)) {
    rowsOf(typeNode.type, rows);
  } else if (ts.isTypeReferenceNode(typeNode)) {
    const symbol = checker.getSymbolAtLocation(typeNode.typeName);
    const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target?.declarations?.[0];
    if (!declaration) throw new Error(`cannot resolve ${typeNode.getText()}`);
    tableRows(declaration, rows);
  } else {
    throw new Error(`unsupported type in an options table: ${typeNode.getText()}`);
  }
  return rows;
}

function tableRows(declaration, rows = new Map()) {
  if (ts.isInterfaceDeclaration(declaration)) {
    for (const member of declaration.members) {
      const row = rowOf(member);
      if (!rows.has(row.name)) rows.set(row.name, row);
    }
    return rows;
  }
  return rowsOf(declaration.type, rows);
}

function renderTable(name) {
  const found = exported.get(name);
  if (!found) throw new Error(`options:${name}: no exported interface or type alias named ${name}`);
  const { declaration, file } = found;
  const pkg = `@usermetrics/${file.split('/')[1]}${file.endsWith('router.ts') ? '/router' : ''}`;
  const lines = [
    `<!-- generated by scripts/docs-options.mjs from the TSDoc of ${name} (${pkg}); edit the source, then run npm run docs:options -->`,
    '',
    '| name | type | default | what it does |',
    '|---|---|---|---|',
  ];
  for (const row of tableRows(declaration).values()) {
    const byDefault =
      row.defaultValue !== undefined ? defaultCell(row.defaultValue) : row.optional ? '—' : 'required';
    lines.push(`| ${code(row.name)} | ${code(row.type)} | ${byDefault} | ${cell(row.description) || '—'} |`);
  }
  const heritage = ts.isInterfaceDeclaration(declaration) ? (declaration.heritageClauses ?? []) : [];
  const bases = heritage.flatMap((h) => h.types.map((t) => code(t.getText())));
  if (bases.length > 0) lines.push('', `Also takes every option of ${bases.join(', ')}.`);
  return lines.join('\n');
}

let catalog;
async function renderMetrics(namespace) {
  if (catalog === undefined) {
    const dist = resolve('packages/core/dist/index.js');
    if (!existsSync(dist))
      throw new Error('metrics tables need the built core: run npx turbo run build first');
    catalog = Object.values((await import(pathToFileURL(dist).href)).METRIC_CATALOG);
  }
  const rows = catalog.filter((m) => m.namespace === namespace);
  if (rows.length === 0)
    throw new Error(`metrics:${namespace}: no metric of that namespace in METRIC_CATALOG`);
  return [
    `<!-- generated by scripts/docs-options.mjs from METRIC_CATALOG (@usermetrics/core); run npm run docs:options -->`,
    '',
    '| metric | unit | dimension sets | what it counts |',
    '|---|---|---|---|',
    ...rows.map(
      (m) =>
        `| ${code(m.name)} | ${m.unit} | ${m.dimensionSets.map((d) => code(`[${d.join(', ')}]`)).join(' ')} | ${cell(m.description)} |`,
    ),
  ].join('\n');
}

const metricsPattern = /<!-- metrics:([\w/]+):start -->\n[\s\S]*?<!-- metrics:\1:end -->/g;
const markerPattern = /<!-- options:([\w$]+):start -->\n[\s\S]*?<!-- options:\1:end -->/g;
const stale = [];
const used = new Set();
let tables = 0;
for (const file of docFiles) {
  const before = readFileSync(file, 'utf8');
  let after = before.replace(markerPattern, (_, name) => {
    tables++;
    used.add(name);
    return `<!-- options:${name}:start -->\n${renderTable(name)}\n<!-- options:${name}:end -->`;
  });
  for (const [, namespace] of after.matchAll(metricsPattern)) {
    const table = await renderMetrics(namespace);
    tables++;
    after = after.replace(
      new RegExp(`<!-- metrics:${namespace}:start -->\\n[\\s\\S]*?<!-- metrics:${namespace}:end -->`),
      () => `<!-- metrics:${namespace}:start -->\n${table}\n<!-- metrics:${namespace}:end -->`,
    );
  }
  if (after === before) continue;
  if (check) stale.push(file);
  else writeFileSync(file, after);
}

const optionTypes = [...exported.keys()].filter((n) => /(Options|Config|Props)$/.test(n));
const uncovered = optionTypes.filter((n) => !used.has(n));
if (uncovered.length > 0)
  console.log(`Option types without a table (fine if internal): ${uncovered.join(', ')}`);
if (check && stale.length > 0) {
  console.error(`✖ options tables differ from the TSDoc in: ${stale.join(', ')}. Run npm run docs:options.`);
  process.exit(1);
}
console.log(
  `${check ? 'Checked' : 'Wrote'} ${tables} options and metrics tables in ${docFiles.length} markdown files.`,
);
