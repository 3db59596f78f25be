import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { browserSafe } from './browserSafe.js';

/** Issue 14: the editor's code, gzipped, stays within this (intranet PCs load it over the loopback, but phones too). */
export const MAX_CLIENT_GZIP_BYTES = 150 * 1024;

export interface BundleResult {
  bytes: number;
  gzipBytes: number;
  /** Bytes in the bundle by package (`src` for the project's own modules). */
  byPackage: Record<string, number>;
}

/**
 * Bundles the editor page (src/editor/app.ts and the core modules it imports) for the browser:
 * one minified ES module, no source maps, nothing loaded at run time. Fails when a module of the
 * client graph imports a Node built-in (browserSafe) or when the code passes its size budget.
 */
export async function bundleEditor(entry: string, outDir: string, plugins: Plugin[] = []): Promise<BundleResult> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    outfile: `${outDir}/app.js`,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [browserSafe(), ...plugins],
  });
  const bytes = await readFile(`${outDir}/app.js`);
  const byPackage: Record<string, number> = {};
  for (const out of Object.values(result.metafile.outputs)) {
    for (const [input, info] of Object.entries(out.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'src';
      byPackage[pkg] = (byPackage[pkg] ?? 0) + info.bytesInOutput;
    }
  }
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, byPackage };
}

async function main(): Promise<void> {
  const root = new URL('../../', import.meta.url);
  const out = new URL('dist/editor/', root);
  await mkdir(out, { recursive: true });
  const r = await bundleEditor(new URL('src/editor/app.ts', root).pathname, out.pathname);
  if (r.gzipBytes > MAX_CLIENT_GZIP_BYTES) {
    throw new Error(`the editor bundle is ${(r.gzipBytes / 1024).toFixed(1)} KB gzipped, over the ${MAX_CLIENT_GZIP_BYTES / 1024} KB budget`);
  }
  for (const name of ['index.html', 'editor.css']) await copyFile(new URL(`src/editor/${name}`, root), new URL(name === 'editor.css' ? 'app.css' : name, out));
  process.stdout.write(`editor: dist/editor/app.js ${(r.bytes / 1024).toFixed(0)} KB, ${(r.gzipBytes / 1024).toFixed(1)} KB gzipped\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((e: unknown) => {
    const errors = (e as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
    process.stderr.write(`${errors ? errors.map((x) => `${x.location ? `${x.location.file}:${x.location.line}: ` : ''}${x.text}`).join('\n') : e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
