/**
 * `npm run dashboards -w infra-reference`: writes every generated dashboard to infra-reference/dashboards/
 * and removes JSON files there that the generator no longer produces. The files are committed; a test fails
 * when they drift from this generator.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDashboards, dashboardJson } from './build-dashboards';

const outDir = fileURLToPath(new URL('../../dashboards/', import.meta.url));
mkdirSync(outDir, { recursive: true });
const dashboards = buildDashboards();
for (const file of readdirSync(outDir)) {
  if (file.endsWith('.json') && !(file in dashboards)) rmSync(outDir + file);
}
for (const [file, dashboard] of Object.entries(dashboards))
  writeFileSync(outDir + file, dashboardJson(dashboard));
console.log(`wrote ${Object.keys(dashboards).length} dashboards to ${outDir}`);
