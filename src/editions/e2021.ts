import { COMMON_RESULTS, REVIEW, SECTION_TITLES, applicantColumns, applicationsDefinition } from './common.js';
import type { Edition } from './types.js';

/** 国办公开办函〔2021〕30号, spec §3. */
export const EDITION_2021: Edition = {
  id: '2021',
  source: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
  sectionTitles: SECTION_TITLES,
  proactive: {
    items: [
      {
        key: 'item1',
        title: '第二十条第（一）项',
        header: '信息内容',
        columns: [
          { key: 'issued', label: '本年制发件数', kind: 'count', span: 1 },
          { key: 'repealed', label: '本年废止件数', kind: 'count', span: 1 },
          { key: 'inForce', label: '现行有效件数', kind: 'count', span: 1 },
        ],
        rows: [
          { key: 'rules', label: '规章' },
          { key: 'normativeDocuments', label: '行政规范性文件' },
        ],
      },
      {
        key: 'item5',
        title: '第二十条第（五）项',
        header: '信息内容',
        columns: [{ key: 'decisions', label: '本年处理决定数量', kind: 'count', span: 3 }],
        rows: [{ key: 'licensing', label: '行政许可' }],
      },
      {
        key: 'item6',
        title: '第二十条第（六）项',
        header: '信息内容',
        columns: [{ key: 'decisions', label: '本年处理决定数量', kind: 'count', span: 3 }],
        rows: [
          { key: 'penalty', label: '行政处罚' },
          { key: 'enforcement', label: '行政强制' },
        ],
      },
      {
        key: 'item8',
        title: '第二十条第（八）项',
        header: '信息内容',
        columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', kind: 'money', span: 3 }],
        rows: [{ key: 'fees', label: '行政事业性收费' }],
      },
    ],
  },
  // Spec §3.2: 商业⏎企业 / 科研⏎机构 template breaks; （六）其他处理 split into three items.
  applications: applicationsDefinition(applicantColumns('商业\n企业', '科研\n机构'), [
    ...COMMON_RESULTS,
    {
      key: 'other',
      label: '（六）其他处理',
      items: [
        { key: 'noCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
        { key: 'unpaidFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
        { key: 'other', label: '3.其他' },
      ],
    },
  ]),
  review: REVIEW,
};
