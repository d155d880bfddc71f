// Validate data/*.csv and content/cases/**: prints every problem, exits 1 if there is any.
import { fileURLToPath } from 'node:url';
import { checkProject } from '../src/lib/load.ts';
import { formatError } from '../src/lib/validate.ts';
import { checkCorrections } from '../src/lib/corrections.ts';

const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const { data, errors } = checkProject(root);
errors.push(...checkCorrections(root, data.cases.map((c) => c.slug)).errors);
if (errors.length) {
  console.error(`✗ ${errors.length} data error${errors.length === 1 ? '' : 's'}:`);
  for (const e of errors) console.error('  ' + formatError(e));
  process.exit(1);
}
const slugs = new Set(data.cases.map((c) => c.slug));
console.log(`✓ data valid: ${slugs.size} cases (${data.cases.length} files), ${data.observations.length} observations, ${data.places.length} places, ${data.sources.length} sources, ${data.indicators.length} indicators, ${data.themes.length} themes`);
