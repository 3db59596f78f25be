import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { templatesModule } from '../../scripts/embed-templates.mjs';
import { readFileSync } from 'node:fs';

describe('src/generated/templates.ts', () => {
  it('is what scripts/embed-templates.mjs makes of templates/ now (npm run build regenerates it)', () => {
    const committed = readFileSync(new URL('./templates.ts', import.meta.url), 'utf8');
    expect(committed).toBe((templatesModule as () => string)());
  });
});
