#!/usr/bin/env node
// The design in the repo: comments and docs cite the contract as "DESIGN §n" (or "docs/design.md §n"), and every
// such reference must land on a section docs/design.md has. A section is a heading that starts with its number:
// `## 5. Ingestion API` defines §5, `### 5.4 Idempotency` defines §5.4. Lists are read whole ("DESIGN §5, §6, §8").
// Scans every file git would commit (tracked or new, not ignored), so node_modules and build output are skipped.
// Also fails when a file points at the planning folder outside the repository, which a user's clone lacks.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const DESIGN_DOC = 'docs/design.md';

/** The section numbers docs/design.md defines, from its headings. */
function definedSections(markdown) {
  const sections = new Set();
  for (const m of markdown.matchAll(/^#{1,4}\s+(\d+(?:\.\d+)*)\.?\s/gm)) sections.add(m[1]);
  return sections;
}

/** Every section a text cites, with its line: "DESIGN §3", "design.md §5.4", "DESIGN §5, §6 and §8". */
function citedSections(text) {
  const found = [];
  const citation =
    /\b(?:DESIGN(?:\.md)?|design\.md)\s*§\s*\d+(?:\.\d+)*(?:\s*(?:,|\/|&|and|or)\s*§\s*\d+(?:\.\d+)*)*/g;
  for (const m of text.matchAll(citation)) {
    const line = text.slice(0, m.index).split('\n').length;
    for (const n of m[0].matchAll(/§\s*(\d+(?:\.\d+)*)/g)) found.push({ section: n[1], line, text: m[0] });
  }
  return found;
}

// Assembled so this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\./shared/', '/work/' + 'shared\\b'].join('|'));

function main() {
  const design = readFileSync(join(root, DESIGN_DOC), 'utf8');
  const sections = definedSections(design);
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((f) => f !== '' && !/\.(png|jpe?g|gif|ico|woff2?|gz|tgz|zip|snap)$/.test(f));
  const problems = [];
  let references = 0;
  for (const file of files) {
    let text;
    try {
      if (statSync(join(root, file)).size > 2_000_000) continue;
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue; // deleted in the work tree but still tracked
    }
    if (OUTSIDE.test(text) && file !== 'scripts/check-design-refs.mjs') {
      problems.push(
        `${file}: points outside the repository (the planning folder); cite ${DESIGN_DOC} instead`,
      );
    }
    for (const ref of citedSections(text)) {
      references++;
      if (!sections.has(ref.section)) {
        problems.push(`${file}:${ref.line}: "${ref.text}" cites §${ref.section}, which ${DESIGN_DOC} lacks`);
      }
    }
  }
  if (problems.length) {
    console.error(`✖ Design references that do not resolve (sections: ${[...sections].join(', ')}):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`✔ ${references} "DESIGN §n" references in ${files.length} files resolve into ${DESIGN_DOC}`);
}

main();
