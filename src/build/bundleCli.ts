import { chmod, readdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * Packages left to node_modules: they read files next to their own code at run time (pdfkit's ICC
 * profile and AFM data, subset-font's HarfBuzz wasm, pdf.js's worker) or hand objects to one that
 * does (fontkit's fonts go into pdfkit: one copy of it in the process).
 */
export const CLI_EXTERNAL = ['pdfkit', 'fontkit', 'subset-font', 'pdfjs-dist', 'esbuild'];

/** What the chunks of the bundle are named (cleaned before each build). */
const CHUNK_PREFIX = 'chunk-';

/**
 * Issue 18: `nianbao render one.yaml --pdf` spent a third of its start-up resolving, reading and
 * compiling ~300 ES modules one by one. The built CLI entry (dist/cli/main.js, the `bin`) is
 * rewritten as one ES module, the batch worker as dist/cli/worker.js, plus chunks per dynamic
 * import (each command, each renderer still loads only when used), all in dist/cli/ so cli/dir.ts
 * names the same folder as before. The unbundled modules stay for library users and the tests.
 */
export async function bundleCli(cliDir: string): Promise<{ files: number; bytes: number }> {
  for (const f of await readdir(cliDir)) if (f.startsWith(CHUNK_PREFIX)) await rm(`${cliDir}/${f}`);
  const result = await build({
    // The batch worker too: every worker of a pool (and of the editor) starts the same way.
    entryPoints: { main: `${cliDir}/main.js`, worker: `${cliDir}/batch/worker.js` },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: cliDir,
    allowOverwrite: true,
    chunkNames: `${CHUNK_PREFIX}[hash]`,
    external: CLI_EXTERNAL,
    // Bundled CommonJS packages (handlebars) `require` Node built-ins: ESM output has no `require` of its own.
    banner: { js: "import { createRequire as __nianbaoCreateRequire } from 'node:module';\nconst require = __nianbaoCreateRequire(import.meta.url);" },
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
  });
  // The `bin`: run as a program (`npx nianbao` in a clone, where npm links no bin of the project
  // itself and sets no mode) it must be executable; esbuild writes files 0644.
  await chmod(`${cliDir}/main.js`, 0o755);
  const outputs = Object.values(result.metafile.outputs);
  return { files: outputs.length, bytes: outputs.reduce((n, o) => n + o.bytes, 0) };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const cliDir = new URL('../cli', import.meta.url).pathname;
  bundleCli(cliDir).then(
    (r) => process.stdout.write(`cli: dist/cli/main.js bundled, ${r.files} files, ${(r.bytes / 1024).toFixed(0)} KB\n`),
    (e: unknown) => {
      const errors = (e as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
      process.stderr.write(`${errors ? errors.map((x) => `${x.location ? `${x.location.file}:${x.location.line}: ` : ''}${x.text}`).join('\n') : e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
