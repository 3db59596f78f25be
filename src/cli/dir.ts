/**
 * The folder of the built CLI (dist/cli/), for the files it starts or serves at run time (the
 * batch worker, the renderers registry, the editor's assets). The bundled entry (build/bundleCli.ts)
 * writes dist/cli/main.js, dist/cli/worker.js and their chunks into this same folder, so this module's URL names the same
 * folder bundled or not; a module elsewhere would not (its import.meta.url becomes the chunk's).
 */
export const CLI_DIR = new URL('./', import.meta.url);
