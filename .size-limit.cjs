// Size budgets (DESIGN §9). Each package keeps its own entries in packages/<name>/size-limit.json, with paths
// relative to that package; this file gathers them so `npx size-limit` checks all of them in one run.
const fs = require('node:fs');
const path = require('node:path');

const packagesDir = path.join(__dirname, 'packages');
module.exports = fs
  .readdirSync(packagesDir)
  .filter((name) => fs.existsSync(path.join(packagesDir, name, 'size-limit.json')))
  .flatMap((name) => {
    const dir = path.join('packages', name);
    const entries = JSON.parse(fs.readFileSync(path.join(dir, 'size-limit.json'), 'utf8'));
    return entries.map((e) => ({
      ...e,
      name: `${name}: ${e.name}`,
      path: [].concat(e.path).map((p) => path.join(dir, p)),
    }));
  });
