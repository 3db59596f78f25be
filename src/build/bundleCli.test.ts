import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SUBSTITUTES } from './bundleCli.js';

const require = createRequire(import.meta.url);
type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;

/** The substitute module's code, run as the bundle runs it (CommonJS). */
function substitute(name: string): Inflate {
  const module = { exports: {} as unknown };
  new Function('require', 'module', 'exports', SUBSTITUTES.get(name)!.contents)(require, module, module.exports);
  return module.exports as Inflate;
}

describe('the CLI bundle’s substitutes', () => {
  it('inflates as tiny-inflate does: into dest, a copy of its start when shorter, unicode-trie’s double inflate included', () => {
    const tiny = require('tiny-inflate') as Inflate;
    const mine = substitute('tiny-inflate');
    const data = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251);
    const once = deflateRawSync(data);
    const twice = deflateRawSync(once);
    for (const [source, size] of [[once, data.length], [once, data.length + 100], [twice, data.length]] as const) {
      const a = tiny(source, new Uint8Array(size));
      const b = mine(source, new Uint8Array(size));
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      expect(b.length).toBe(a.length);
    }
    const inner = mine(twice, new Uint8Array(data.length));
    expect(Buffer.from(mine(inner, new Uint8Array(data.length))).equals(Buffer.from(data))).toBe(true);
  });

  it('says what is left out when it is reached', () => {
    for (const name of ['@noble/ciphers/aes', 'linebreak', 'png-js', 'brotli/decompress.js']) expect(SUBSTITUTES.get(name)!.contents).toMatch(/throw new Error\('nianbao/);
  });
});
