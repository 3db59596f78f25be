import { builtinModules } from 'node:module';
import type { Plugin } from 'esbuild';

/**
 * The rule of design.md "The core runs anywhere", enforced: the editor's bundle may import no
 * Node built-in module, as `node:fs` or as a bare `fs`, `buffer`, `path/posix` … (an npm polyfill
 * of the same name too, which would change behaviour between the CLI and the browser). The build
 * fails naming the module and who imported it.
 */
export function browserSafe(): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'nianbao-browser-safe',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const name = args.path.replace(/^node:/, '');
        const root = name.split('/')[0]!;
        if (args.path.startsWith('node:') || builtins.has(name) || builtins.has(root)) {
          return { errors: [{ text: `the editor's browser code imports the Node built-in "${args.path}" (from ${args.importer || 'the entry point'}); core modules must stay browser-safe` }] };
        }
        // Handlebars' code generator loads source-map only to write source maps (precompile with
        // srcName), which nianbao never asks for; without it Handlebars uses its own stand-in.
        if (args.path === 'source-map' && /[\\/]handlebars[\\/]/.test(args.importer)) return { path: 'source-map', namespace: 'nianbao-empty' };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'nianbao-empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
}
