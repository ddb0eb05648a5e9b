// Bundles the front-end: the report (report.js, report.css) and the classroom
// pages of `urbis serve` (classroom.js, classroom.css):
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
  entryPoints: {
    report: resolve(here, 'src/report.js'),
    classroom: resolve(here, 'src/classroom/main.js'),
  },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  outdir,
  loader: { '.json': 'json' },
  legalComments: 'eof',
  logLevel: 'warning',
});
