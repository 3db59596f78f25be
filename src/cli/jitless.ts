import { config } from 'zod';

/**
 * The CLI validates one to a few thousand reports per process; zod's JIT (a `new Function` per
 * object schema, compiled on its first parse) costs a one-report process 12–28 ms of its first
 * validation and was no faster on the thousandth (warm 10.4–12.9 ms either way, issue 18). Set
 * for the CLI's own copy of zod (bundled into dist/cli); the library entry leaves zod as it is.
 */
config({ jitless: true });
