/**
 * import() of a module named at run time (a test's or the bench's renderers registry:
 * NIANBAO_TEST_RENDERERS). The CLI's bundle replaces this module (build/bundleCli.ts): its code
 * runs through vm.Script (cli/codeCache.ts), where an import() of its own would need an
 * experimental Node option that Node 20 also drops from code taken from the cache.
 */
export const importModule = (url: string): Promise<unknown> => import(url);
