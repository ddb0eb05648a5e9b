// Bundles the report front-end into one script and one style sheet:
//   node build.mjs [--outdir DIR]   (default dist/)
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const at = process.argv.indexOf('--outdir');
const outdir = resolve(at > 0 ? process.argv[at + 1] : resolve(here, 'dist'));
mkdirSync(outdir, { recursive: true });

await build({
  entryPoints: { report: resolve(here, 'src/report.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  outdir,
  loader: { '.json': 'json' },
  legalComments: 'eof',
  logLevel: 'warning',
});
