import { describe, expect, it } from 'vitest';
import { checkText, composeChecked } from '../pipeline.js';
import { reportYaml } from '../../test/support/reports.js';
import type { Block, Document } from '../model/document.js';

const doc = (...args: Parameters<typeof reportYaml>): Document => {
  const c = checkText(reportYaml(...args), 'r.yaml');
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return composeChecked(c)!;
};
const outline = (d: Document) =>
  d.blocks.map((b: Block) => (b.type === 'heading' ? `h${b.level}:${b.text}` : b.type === 'table' ? `table:${b.id}` : b.type));

describe('compose', () => {
  it('lays out the six sections in order with their tables', () => {
    const d = doc('2021', [[['preamble'], null], [['problems'], '问题。'], [['overview'], '总体。']]);
    expect(outline(d)).toEqual([
      'title',
      'h1:一、总体情况',
      'paragraph',
      'h1:二、主动公开政府信息情况',
      'table:proactive',
      'h1:三、收到和处理政府信息公开申请情况',
      'table:applications',
      'h1:四、政府信息公开行政复议、行政诉讼情况',
      'table:review',
      'h1:五、存在的主要问题及改进情况',
      'paragraph',
      'h1:六、其他需要报告的事项',
      'paragraph',
    ]);
  });

  it('title defaults from the template; unit and date lines follow the title', () => {
    const d = doc('2019', [[['title'], ['西塞山区', '2020年报']], [['unitLine'], '某局'], [['dateLine'], '（2021年1月）']]);
    expect(d.blocks[0]).toMatchObject({ type: 'title', lines: ['西塞山区', '2020年报'] });
    expect(d.blocks[1]).toMatchObject({ type: 'byline', role: 'unit', text: '某局' });
    expect(d.blocks[2]).toMatchObject({ type: 'byline', role: 'date', text: '（2021年1月）' });
    expect(doc('2021', [[['title'], undefined]]).blocks[0]).toMatchObject({ lines: ['某某县科学技术局2021年政府信息公开工作年度报告'] });
  });

  it('section 六 carries the 2021 fee sentence, quoting the fee figures, then the prose', () => {
    const d = doc('2021', [[['fees'], { noticesIssued: 2, amountNotified: 300, amountCollected: 100 }], [['other'], '其他事项。']]);
    const six = d.blocks.slice(d.blocks.findIndex((b) => b.type === 'heading' && b.text.startsWith('六')) + 1);
    expect(six).toHaveLength(2);
    expect(six[0]).toMatchObject({ type: 'paragraph' });
    const fee = (six[0] as { text: string }).text;
    expect(fee).toContain('2件');
    expect(fee).toContain('300元');
    expect(fee).toContain('100元');
    expect(six[1]).toMatchObject({ type: 'paragraph', text: '其他事项。' });
  });

  it('an empty section 六 without fees prints 无。', () => {
    const d = doc('2019', [[['other'], null]]);
    expect(d.blocks[d.blocks.length - 1]).toMatchObject({ type: 'paragraph', text: '无。' });
  });

  it('prose placeholders quote table figures; leads and headings keep their level', () => {
    const d = doc('2021', [
      [['overview'], '（一）依申请公开。全年收到申请{{applications.newlyReceived.total}}件。\n\n（二）小结'],
      [['applications', 'newlyReceived'], [2, 1, 0, 0, 0, 0]],
      [['applications', 'results', 'granted'], [2, 1, 0, 0, 0, 0]],
    ]);
    const i = d.blocks.findIndex((b) => b.type === 'heading' && b.text === '一、总体情况');
    expect(d.blocks[i + 1]).toMatchObject({ type: 'paragraph', lead: { level: 2, text: '（一）依申请公开。' }, text: '全年收到申请3件。' });
    expect(d.blocks[i + 2]).toMatchObject({ type: 'heading', level: 2, text: '（二）小结' });
  });

  it('blocks and value cells carry their YAML positions', () => {
    const d = doc('2021', [[['applications', 'newlyReceived'], [4, 0, 0, 0, 0, 0]], [['applications', 'results', 'granted'], [4, 0, 0, 0, 0, 0]]]);
    const table = d.blocks.find((b) => b.type === 'table' && b.id === 'applications') as Extract<Block, { type: 'table' }>;
    const cell = table.rows[3]!.cells[1]!;
    expect(cell.text).toBe('4');
    expect(cell.pos).toMatchObject({ file: 'r.yaml', path: ['applications', 'newlyReceived', 0] });
    expect(cell.pos!.line).toBeGreaterThan(1);
    const total = table.rows[3]!.cells[7]!;
    expect(total.text).toBe('4'); // computed 总计 is printed
  });

  it('metadata comes from the report, dated by 成文日期 or 1 January of the next year', () => {
    expect(doc('2021').meta).toMatchObject({ author: '某某县科学技术局', date: '2022-01-01', lang: 'zh-CN' });
    expect(doc('2021', [[['date'], '2022-01-20']]).meta.date).toBe('2022-01-20');
  });
});
