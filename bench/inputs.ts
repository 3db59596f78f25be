import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { reportArbitrary } from '../test/support/arbitrary.js';
import { dist } from './dist.js';

export interface Input {
  name: string;
  path: string;
  yaml: string;
}

/** The examples: data/*.yaml when they exist, else `init` scaffolds of both editions. */
export async function examples(root: string, dir: string): Promise<Input[]> {
  const data = join(root, 'data');
  if (existsSync(data)) {
    return readdirSync(data)
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => ({ name: n, path: join(data, n), yaml: readFileSync(join(data, n), 'utf8') }));
  }
  const { scaffold } = await dist<typeof import('../dist/schema/scaffold.js')>('schema/scaffold.js');
  mkdirSync(dir, { recursive: true });
  return (['2019', '2021'] as const).map((edition) => {
    const name = `scaffold-${edition}.yaml`;
    const yaml = scaffold({ agency: '某某县科学技术局', year: edition === '2019' ? 2020 : 2021, edition, blank: false, schemaPath: 'x' }).replaceAll('【待填写】', '已完成');
    writeFileSync(join(dir, name), yaml);
    return { name, path: join(dir, name), yaml };
  });
}

const PLACES = ['东城区', '西城区', '朝阳区', '海淀区', '长乐区', '大兴区', '江州区', '市中区', '太仓市', '西塞山区'];
const OFFICES = ['科学技术局', '教育局', '生态环境局', '卫生健康委员会', '人民政府办公室', '财政局', '民政局'];

/**
 * `n` generated reports, varied and valid, both editions, of the size real reports have
 * (test/support/arbitrary.ts with `typical`, fixed seed), each under its own agency so the batch
 * writes n distinct names. The property tests' stress reports would measure worst cases instead.
 */
export function generated(n: number, dir: string): Input[] {
  mkdirSync(dir, { recursive: true });
  return fc.sample(reportArbitrary({ typical: true }), { seed: 20261125, numRuns: n }).map((g, i) => {
    const agency = `${PLACES[i % PLACES.length]}${OFFICES[Math.floor(i / PLACES.length) % OFFICES.length]}${i}`;
    const yaml = g.yaml.replace(/^agency: .*$/m, `agency: ${agency}`);
    const name = `gen-${String(i).padStart(4, '0')}.yaml`;
    writeFileSync(join(dir, name), yaml);
    return { name, path: join(dir, name), yaml };
  });
}
