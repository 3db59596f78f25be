import { startWorker } from './workerMain.js';

/** The pool worker unbundled (the tests' pools); the CLI's is the bundle's (build/bundleCli.ts). */
startWorker();
