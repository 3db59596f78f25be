import { TEMPLATES } from '../compose/text.js';
import { markUnsure, type Draft } from './draft.js';

const DATE_LINE = /^[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*[）)]$/;
const SHORT = 60;

/**
 * The paragraphs before 一、总体情况: title lines (one or several, spec §1.1), the unit line
 * under the title, the date line `（2021年1月）` (seed 002), and the preamble. Also settles the
 * agency and the year, from the title first.
 */
export function readHead(paragraphs: string[], draft: Draft, yearHint: number | null): void {
  const isShort = (p: string) => [...p].length <= SHORT && !/[。；：:]$/.test(p) && !/^(按照|根据|依据|本报告|本年报)/.test(p) && !/。/.test(p);
  let n = 0;
  while (n < paragraphs.length && isShort(paragraphs[n]!)) n++;
  const block = paragraphs.slice(0, n);
  draft.preamble = paragraphs.length > n ? paragraphs.slice(n) : null;

  const date = block.findIndex((p) => DATE_LINE.test(p));
  if (date >= 0) {
    draft.dateLine = block[date]!;
    const m = DATE_LINE.exec(block[date]!)!;
    if (m[3]) draft.date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  }
  const lines = block.filter((_, i) => i !== date);
  const lastReport = lines.map((l) => /报告|年报/.test(l)).lastIndexOf(true);
  draft.title = lastReport >= 0 ? lines.slice(0, lastReport + 1) : lines.slice(0, 1);
  const rest = lines.slice(draft.title.length);
  if (rest.length > 0) draft.unitLine = rest.join('');
  if (draft.title.length === 0) {
    draft.title = ['【待填写】'];
    markUnsure(draft, 'title', '原文开头没有找到标题');
  }

  // Agency and year: from the title (`<机关><年度>年…报告`, or `<年度>年<机关>政府信息公开…`),
  // else the unit line, else the text.
  const joined = draft.title.join('').replace(/(\d)\s+(?=年)/g, '$1');
  const yearFirst = /^((?:19|20)\d{2})\s*年度?(.+?)(?:政府信息公开|信息公开|政务公开)/.exec(joined);
  const m = yearFirst ? ([joined, yearFirst[2]!, yearFirst[1]!] as unknown as RegExpExecArray) : /^(.*?)((?:19|20)\d{2})\s*年/.exec(joined);
  const agency = (m?.[1] ?? '').replace(/[（(]$/, '').trim();
  draft.agency = agency || draft.unitLine || '';
  if (!agency && draft.unitLine) draft.notes.push('标题中没有机关名称，机关全称取自标题下的署名行');
  if (!draft.agency) markUnsure(draft, 'agency', '原文标题中没有找到机关名称');
  const preambleYear = /((?:19|20)\d{2})年1月1日/.exec((draft.preamble ?? []).join(''));
  const year = m ? Number(m[2]) : preambleYear ? Number(preambleYear[1]) : yearHint;
  if (year === null) {
    draft.year = new Date().getFullYear() - 1;
    markUnsure(draft, 'year', '原文中没有找到报告年度');
  } else {
    draft.year = year;
    if (!m) markUnsure(draft, 'year', '标题中没有年度，年度取自正文');
  }
  const expected = TEMPLATES.title({ agency: draft.agency, year: draft.year });
  if (joined.replace(/\s+/g, '') !== expected && !(draft.unitLine && joined === `${draft.year}年政府信息公开工作年度报告`)) {
    const hint = /政府信息公开工作年度报告/.test(joined) ? '' : '（标题可能有错别字或非标准写法，已照原文保留）';
    if (hint) draft.notes.push(`标题“${joined}”与标准写法“${expected}”不同${hint}`);
  }
}

/**
 * Lines a portal page prints around a report (the crawler or the copy picked them up): 发布日期,
 * 来源, 浏览次数, 字体 大 中 小, 打印, 关闭, the breadcrumb, index numbers. Never the agency or
 * the title; the publication date is kept for `published.date`.
 */
const FURNITURE = /^[【\[]?\s*(发布日期|发布时间|生成日期|成文日期|日期|来源|信息来源|文章来源|浏览次数|浏览量|访问次数|阅读次数|点击数|点击量|作者|编辑|责任编辑|字体|字号|分享|打印|关闭|当前位置|您当前的位置|您的位置|索引号|信息索引号|发文字号|文号|发布机构|公开方式|公开范围|主题分类|有效性)\s*[：:】\]]/;
const PRINT_WORDS = /^[【\[]?(打印本页|打印|关闭窗口|关闭|分享到|收藏|字体[：:]?\s*大\s*中\s*小)[】\]]?$/;
const PUBLISHED_ON = /(?:发布日期|发布时间|生成日期|日期)\s*[：:]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

export function pageFurniture(p: string): { date: string | null } | null {
  const t = p.trim();
  if (!FURNITURE.test(t) && !PRINT_WORDS.test(t)) return null;
  const d = PUBLISHED_ON.exec(t);
  return { date: d ? `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}` : null };
}
