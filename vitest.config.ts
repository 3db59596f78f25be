import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // The cache folder (src/userCache.ts: font names, the CLI's compiled code) of the tests and the CLI processes they start, not the user's.
    env: { NIANBAO_CACHE_DIR: join(tmpdir(), 'nianbao-test-cache') },
  },
});
