import { describe, expect, it } from 'vitest';
import { parseProse } from './prose.js';

const kinds = (items: ReturnType<typeof parseProse>) =>
  items.map((i) => (i.kind === 'lead' ? `lead${i.level}:${i.lead}|${i.text}` : i.kind === 'heading' ? `h${i.level}:${i.text}` : `p:${i.text}`));

describe('parseProse', () => {
  it('splits on blank lines and joins wrapped lines', () => {
    expect(kinds(parseProse('第一段\n接着写。\n\n第二段。\n   \n第三段。', ['x']))).toEqual(['p:第一段接着写。', 'p:第二段。', 'p:第三段。']);
    expect(kinds(parseProse('Word\nfile 2021\nyear', ['x']))).toEqual(['p:Word file 2021 year']);
  });

  it('recognises standalone headings and run-in leads of levels 2 and 3', () => {
    expect(
      kinds(parseProse('（一）主要问题\n\n（二）主动公开情况。在门户网站公开。\n\n1.组织领导。科委明确由副主任负责。\n\n2.政务公开工作落实情况：我局及时调整。', ['x'])),
    ).toEqual(['h2:（一）主要问题', 'lead2:（二）主动公开情况。|在门户网站公开。', 'lead3:1.组织领导。|科委明确由副主任负责。', 'lead3:2.政务公开工作落实情况：|我局及时调整。']);
  });

  it('keeps numbered sentences and years as plain paragraphs', () => {
    expect(kinds(parseProse('1.信息更新不够及时，新旧政策的更替有待加强。\n\n2020.5 起施行。\n\n2020年，本局认真落实。', ['x']))).toEqual([
      'p:1.信息更新不够及时，新旧政策的更替有待加强。',
      'p:2020.5 起施行。',
      'p:2020年，本局认真落实。',
    ]);
  });

  it('gives one numbered list one look: no run-in lead unless every item of the run has one (issue 16 item 10, seed 002 五)', () => {
    const seed002 = '1.信息更新不够及时，新旧政策（文件精神）的更替、传达和解读有待加强。\n\n2.信息公开内容不够丰富，形式内容较单一，信息内容质量有待提高。\n\n3.人员配备不足，缺乏专业人员。公开和免公开两类政府信息的界定存在较大的工作难点。';
    expect(kinds(parseProse(seed002, ['x'])).map((k) => k.split(':')[0])).toEqual(['p', 'p', 'p']);
    expect(kinds(parseProse(seed002, ['x']))[2]).toBe('p:3.人员配备不足，缺乏专业人员。公开和免公开两类政府信息的界定存在较大的工作难点。');
    // All with a lead: all stay leads; a heading between two lists starts a new run.
    expect(kinds(parseProse('1.组织领导。明确分工。\n\n2.制度建设。建立制度。\n\n（二）改进措施\n\n1.加强培训，提高业务水平和工作效率，确保工作正常开展。\n\n2.完善机制。定期检查。', ['x']))).toEqual([
      'lead3:1.组织领导。|明确分工。',
      'lead3:2.制度建设。|建立制度。',
      'h2:（二）改进措施',
      'p:1.加强培训，提高业务水平和工作效率，确保工作正常开展。',
      'p:2.完善机制。定期检查。',
    ]);
    // A title alone on its line, its text in the next paragraph, keeps the run's leads.
    expect(kinds(parseProse('（一）主动公开。公开信息2条。\n\n（二）政府信息管理情况。\n\n规范发布流程。\n\n（三）平台建设。整合网站。', ['x'])).map((k) => k.split(':')[0])).toEqual(['lead2', 'p', 'p', 'lead2']);
  });

  it('takes explicit items as written and records their paths', () => {
    const items = parseProse([{ heading: '（一）主要问题' }, { lead: '1.总体。', text: '正文' }, { text: '（三）不是标题。而是正文' }, '普通段落'], ['problems']);
    expect(kinds(items)).toEqual(['h2:（一）主要问题', 'lead3:1.总体。|正文', 'p:（三）不是标题。而是正文', 'p:普通段落']);
    expect(items.map((i) => i.path)).toEqual([['problems', 0], ['problems', 1], ['problems', 2], ['problems', 3]]);
  });
});
