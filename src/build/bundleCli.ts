import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_WRAPPER } from '../cli/codeCache.js';

/**
 * Packages left to node_modules: they read files next to their own code at run time
 * (subset-font's HarfBuzz wasm, pdf.js's worker and standard fonts).
 */
export const CLI_EXTERNAL = ['subset-font', 'pdfjs-dist', 'esbuild'];

/**
 * pdfkit and fontkit are bundled (issue 18: loading them from node_modules — fontkit, restructure's
 * thirty CommonJS files, unicode-properties, pdfkit and its imports — took 155–175 ms of a
 * one-report process, bundled 90–110 ms). pdfkit reads one file beside its code, the sRGB ICC
 * profile of PDF/A (`new URL('./data/…', import.meta.url)`): it is copied next to the chunks. Its
 * AFM standard fonts load only for a document without a font of its own; nianbao's documents set
 * `font: null` and embed their faces (render/pdf/paint.ts).
 */
const PDFKIT_DATA = ['sRGB_IEC61966_2_1.icc'];

/**
 * What the bundled pdfkit and fontkit import for features nianbao never asks for, replaced by
 * modules that say so if ever reached: AES for encrypted PDFs (its tables cost 15 ms at import), the
 * line breaker of pdfkit's own text layout (nianbao places every line itself: render/pdf/textOps.ts)
 * and the PNG decoder of images; the Brotli decoder fontkit imports for WOFF2 files (1.5 MB of
 * source with its dictionary; nianbao opens .ttf, .otf and .ttc, and a WOFF2 file given anyway is
 * refused as not a font, fonts/load.ts). Handlebars' code generator loads source-map only to write source
 * maps, which nianbao never asks for (as in the editor's bundle, build/browserSafe.ts).
 */
export const SUBSTITUTES = new Map<string, { from: RegExp; contents: string }>([
  ['@noble/ciphers/aes', { from: /[\\/]pdfkit[\\/]/, contents: `const no = () => { throw new Error('nianbao 的 PDF 不加密：本构建未包含 AES'); };\nexport const cbc = no;\nexport const ecb = no;` }],
  ['linebreak', { from: /[\\/]pdfkit[\\/]/, contents: `export default class LineBreaker { constructor() { throw new Error('nianbao 自行排版文字：本构建未包含 pdfkit 的自动换行'); } }` }],
  ['png-js', { from: /[\\/]pdfkit[\\/]/, contents: `export default class PNG { constructor() { throw new Error('nianbao 的 PDF 不含图片：本构建未包含 PNG 解码'); } }` }],
  ['brotli/decompress.js', { from: /[\\/]fontkit[\\/]/, contents: `export default function decompress() { throw new Error('nianbao 不读 WOFF2 字体：本构建未包含 Brotli 解码'); }` }],
  // Not left out but replaced: tiny-inflate decompresses fontkit's and unicode-properties' Unicode tries when
  // fontkit loads, in JavaScript (25–30 ms of a one-report process); Node's zlib gives the same bytes
  // natively. Its contract: raw DEFLATE into \`dest\`, returning \`dest\` or, when shorter, a copy of its start.
  ['tiny-inflate', { from: /[\\/](unicode-trie|fontkit)[\\/]/, contents: `const { inflateRawSync } = require('node:zlib');\nmodule.exports = function inflate(source, dest) {\n  const out = inflateRawSync(source);\n  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);\n  return out.length < dest.length ? dest.slice(0, out.length) : dest;\n};` }],
  ['source-map', { from: /[\\/]handlebars[\\/]/, contents: 'module.exports = {};' }],
  // The bundle runs through vm.Script (cli/codeCache.ts): a module named at run time is imported by the
  // loader's import(), which it passes in as \`__nianbaoImport\`.
  ['../importModule.js', { from: /[\\/]cli[\\/]batch[\\/]renderers\.js$/, contents: 'module.exports = { importModule: (url) => __nianbaoImport(url) };' }],
]);

function substitutes(): Plugin {
  return {
    name: 'nianbao-substitutes',
    setup(b) {
      const names = [...SUBSTITUTES.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
      b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => {
        const stub = SUBSTITUTES.get(args.path);
        return stub && stub.from.test(args.importer) ? { path: args.path, namespace: 'nianbao-substitute' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'nianbao-substitute' }, (args) => ({ contents: SUBSTITUTES.get(args.path)!.contents, loader: 'js' }));
    },
  };
}

/** The bundle, beside the bin in dist/cli/ (cli/dir.ts names this folder, bundled or not). */
export const BUNDLE_FILE = 'nianbao.cjs';

/**
 * Issue 18: `nianbao render one.yaml --pdf` spent a third of its start-up resolving, reading and
 * compiling ~300 ES modules one by one, and then a fifth compiling the code it ran. The CLI is
 * bundled into one CommonJS file, dist/cli/nianbao.cjs (entry cli/program.ts), which the bin
 * (dist/cli/main.js) and the batch worker (dist/cli/worker.js) compile through V8's code cache
 * (cli/codeCache.ts): a start then reads compiled code instead of compiling. Each command and
 * renderer is still initialised only when used (esbuild wraps what is imported dynamically), and
 * uncompiled until it runs. The unbundled modules stay for library users and the tests.
 */
export async function bundleCli(cliDir: string): Promise<{ bytes: number }> {
  const result = await build({
    entryPoints: [`${cliDir}/program.js`],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: `${cliDir}/${BUNDLE_FILE}`,
    external: CLI_EXTERNAL,
    plugins: [substitutes()],
    // Every module's import.meta.url is the bundle's, in dist/cli/ as the modules' own were.
    define: { 'import.meta.url': '__nianbaoModuleUrl' },
    // The file is the function cli/codeCache.ts compiles, wrapped already: V8 keeps the one string it
    // reads (2.4 MB), not a second one made by wrapping it, in every thread.
    banner: { js: `${BUNDLE_WRAPPER}\nvar __nianbaoModuleUrl = require('node:url').pathToFileURL(__filename).href;` },
    footer: { js: '})' },
    legalComments: 'none',
    // Smaller sources to decode and parse at every start (names kept: stack traces stay readable):
    // a one-report process 545 → 499 ms median (issue 18).
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'silent',
  });
  const code = await readFile(`${cliDir}/${BUNDLE_FILE}`);
  // The saved compiled code is keyed by it: a new build never runs the code of an old one.
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const load = (run: string) => `import { ${run} } from './codeCache.js';\n${run}(new URL('./${BUNDLE_FILE}', import.meta.url), '${hash}');\n`;
  await writeFile(`${cliDir}/main.js`, `#!/usr/bin/env node\n// The nianbao bin: the CLI's bundle through its code cache (build/bundleCli.ts).\n${load('runBin')}`);
  await writeFile(`${cliDir}/worker.js`, `// The batch worker: the CLI's bundle through its code cache (build/bundleCli.ts).\n${load('runWorker')}`);
  // The \`bin\`: run as a program (\`npx nianbao\` in a clone, where npm links no bin of the project
  // itself and sets no mode) it must be executable.
  await chmod(`${cliDir}/main.js`, 0o755);
  const pdfkitData = join(dirname(createRequire(import.meta.url).resolve('pdfkit')), 'data');
  await mkdir(`${cliDir}/data`, { recursive: true });
  for (const f of PDFKIT_DATA) await copyFile(join(pdfkitData, f), `${cliDir}/data/${f}`);
  // What went into the bundle, by package, and what was substituted (test/cli-bundle.test.ts reads it).
  const inputs = Object.keys(result.metafile.inputs);
  const packages = [...new Set(inputs.flatMap((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1] ?? []))].sort();
  const substituted = [...new Set(inputs.flatMap((i) => /^nianbao-substitute:(.+)$/.exec(i)?.[1] ?? []))].sort();
  await writeFile(`${cliDir}/bundle.json`, `${JSON.stringify({ hash, packages, substituted }, null, 2)}\n`);
  return { bytes: code.length };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const cliDir = new URL('../cli', import.meta.url).pathname;
  bundleCli(cliDir).then(
    (r) => process.stdout.write(`cli: dist/cli/${BUNDLE_FILE} bundled, ${(r.bytes / 1024).toFixed(0)} KB\n`),
    (e: unknown) => {
      const errors = (e as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
      process.stderr.write(`${errors ? errors.map((x) => `${x.location ? `${x.location.file}:${x.location.line}: ` : ''}${x.text}`).join('\n') : e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
