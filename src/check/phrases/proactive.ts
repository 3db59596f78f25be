/**
 * The phrase table, 二 and 六: documents (第二十条第（一）项), decisions (第（五）（六）项), fees
 * (第（八）项), procurement (2019 第（九）项), and the 信息处理费 statement of 六 (2021).
 */
import { figureRows, flat } from '../../editions/rows.js';
import type { Edition } from '../../editions/types.js';
import { cell, DOC_UNITS, escape, MONEY_UNITS, target, type PhraseDef } from './words.js';

/** 二: documents (第二十条第（一）项), decisions (第（五）（六）项), fees (第（八）项), procurement (2019 第（九）项). */
export function proactiveDefs(edition: Edition): PhraseDef[] {
  const defs: PhraseDef[] = [];
  const rows = figureRows(edition).filter((r) => r.table === 'proactive');
  const label = (key: string) => flat(rows.find((r) => r.key === key)!.labels.at(-1)!);
  // The columns of 第（一）项 and the verbs prose uses for them.
  const verbs: Record<string, string> =
    edition.id === '2021'
      ? { issued: '(?:本年)?(?:新)?(?:制发|制定|出台|印发)(?:了)?', repealed: '(?:本年)?(?:清理)?废止(?:了)?', inForce: '现行有效(?:的)?' }
      : { made: '(?:本年)?新制作(?:了)?', published: '(?:本年)?(?:新公开|主动公开)(?:了)?', total: '对外公开(?:的)?' };
  for (const doc of ['rules', 'normativeDocuments'] as const) {
    const key = `proactive.item1.${doc}`;
    const word = doc === 'rules' ? escape(label(key)) : `(?:行政)?${escape(label(key).replace(/^行政/, ''))}`;
    for (const [column, verb] of Object.entries(verbs)) {
      const t = target('proactive', cell(key, column));
      const totalWords = column === 'total' ? '(?:总数量?)?' : '';
      defs.push(
        { id: `${key}.${column}`, before: `${verb}${word}${totalWords}`, units: DOC_UNITS, target: t, sets: doc },
        { id: `${key}.${column}.after`, before: `${verb}`, after: `^\\s*${word}`, units: DOC_UNITS, target: t, sets: doc },
        { id: `${key}.${column}.docFirst`, before: `${word}${verb.replace(/\(\?:了\)\?$|\(\?:的\)\?$/, '')}${totalWords}`, units: DOC_UNITS, target: t, sets: doc },
        { id: `${key}.${column}.sub`, before: `${verb}${totalWords}`, units: DOC_UNITS, of: { [doc]: t } },
      );
    }
  }
  // 行政许可 / 行政处罚 / 行政强制: the 处理决定数量 of both editions.
  for (const key of ['proactive.item5.licensing', 'proactive.item6.penalty', 'proactive.item6.enforcement']) {
    defs.push({
      id: `${key}.decisions`,
      before: `(?:作出|做出|办理|办结|实施|受理)?${escape(label(key))}(?:事项)?(?:决定书?|案件|措施)?(?:的)?(?:办件|案件)?`,
      units: '件|起|宗',
      target: target('proactive', cell(key, 'decisions')),
    });
  }
  if (edition.id === '2021') {
    const key = 'proactive.item8.fees';
    defs.push({ id: `${key}.amount`, before: `(?:收取)?${escape(label(key))}(?:金额|总额|收入)?`, units: MONEY_UNITS, target: target('proactive', cell(key, 'amount')) });
  } else {
    const key = 'proactive.item9.procurement';
    defs.push(
      { id: `${key}.projects`, before: '(?:政府)?(?:集中)?采购(?:总)?项目(?:总)?(?:数量|个数|数)?', units: '个|项|件', target: target('proactive', cell(key, 'projects')), sets: 'procurement' },
      { id: `${key}.amount`, before: '(?:政府)?(?:集中)?采购(?:总)?(?:金额|资金)', units: MONEY_UNITS, target: target('proactive', cell(key, 'amount')) },
      { id: `${key}.amount.sub`, before: '(?:累计|总)?金额', units: MONEY_UNITS, of: { procurement: target('proactive', cell(key, 'amount')) } },
    );
  }
  return defs;
}

/** 六 (2021): the 信息处理费 statement, as templates/fees.hbs and reports write it. */
export function feeDefs(): PhraseDef[] {
  const fees = (column: string) => target('fees', cell('fees', column));
  return [
    { id: 'fees.noticesIssued', before: '(?:发出|发送|送达|开具|出具)(?:了)?(?:信息处理费)?(?:的)?收费通知(?:书|单)?', units: '件|份|次|个', target: fees('noticesIssued'), sets: 'feeNotices' },
    { id: 'fees.amountNotified', before: '通知(?:收费|缴费|缴纳|收取)(?:的)?(?:信息处理费)?(?:金额|总额)?|收费通知(?:书)?(?:的)?(?:金额|总额)', units: MONEY_UNITS, target: fees('amountNotified') },
    {
      id: 'fees.amountCollected',
      before: '(?:实际)?(?:收取|收缴|实收|收到)(?:了)?(?:政府信息公开)?(?:的)?信息处理费(?:金额|总额)?|信息处理费(?:实际)?(?:收取|收入)(?:金额)?|实际收取(?:金额)?',
      units: MONEY_UNITS,
      target: fees('amountCollected'),
    },
    { id: 'fees.amountNotified.sub', before: '(?:收费)?(?:金额|总额)', units: MONEY_UNITS, of: { feeNotices: fees('amountNotified') } },
  ];
}
