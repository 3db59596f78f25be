import { COMMON_RESULTS, REVIEW, SECTION_TITLES, applicantColumns, applicationsDefinition } from './common.js';
import type { Edition, ProactiveColumn } from './types.js';

/** 上一年项目数量 / 本年增/减 / 处理决定数量 — spec §2.1 R6, R10. */
const ITEM_COLUMNS: ProactiveColumn[] = [
  { key: 'previousCount', label: '上一年项目数量', kind: 'count', span: 1 },
  { key: 'change', label: '本年增/减', kind: 'signed', span: 1 },
  { key: 'decisions', label: '处理决定数量', kind: 'count', span: 1 },
];

/** 国办公开办函〔2019〕60号, spec §2. */
export const EDITION_2019: Edition = {
  id: '2019',
  source: '国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》',
  sectionTitles: SECTION_TITLES,
  proactive: {
    items: [
      {
        key: 'item1',
        title: '第二十条第（一）项',
        header: '信息内容',
        columns: [
          { key: 'made', label: '本年新\n制作数量', kind: 'count', span: 1 },
          { key: 'published', label: '本年新\n公开数量', kind: 'count', span: 1 },
          { key: 'total', label: '对外公开总数量', kind: 'count', span: 1 },
        ],
        rows: [
          { key: 'rules', label: '规章' },
          { key: 'normativeDocuments', label: '规范性文件' },
        ],
      },
      {
        key: 'item5',
        title: '第二十条第（五）项',
        header: '信息内容',
        columns: ITEM_COLUMNS,
        rows: [
          { key: 'licensing', label: '行政许可' },
          { key: 'otherServices', label: '其他对外管理服务事项', allowsSubRows: true },
        ],
      },
      {
        key: 'item6',
        title: '第二十条第（六）项',
        header: '信息内容',
        columns: ITEM_COLUMNS,
        rows: [
          { key: 'penalty', label: '行政处罚' },
          { key: 'enforcement', label: '行政强制' },
        ],
      },
      {
        key: 'item8',
        title: '第二十条第（八）项',
        header: '信息内容',
        columns: [
          { key: 'previousCount', label: '上一年项目数量', kind: 'count', span: 1 },
          { key: 'change', label: '本年增/减', kind: 'signed', span: 2 },
        ],
        rows: [{ key: 'fees', label: '行政事业性收费' }],
      },
      {
        key: 'item9',
        title: '第二十条第（九）项',
        header: '信息内容',
        columns: [
          { key: 'projects', label: '采购项目数量', kind: 'count', span: 1 },
          { key: 'amount', label: '采购总金额', kind: 'money', span: 2 },
        ],
        rows: [{ key: 'procurement', label: '政府集中采购' }],
      },
    ],
  },
  applications: applicationsDefinition(applicantColumns('商业企业', '科研机构'), [
    ...COMMON_RESULTS,
    { key: 'other', label: '（六）其他处理' },
  ]),
  review: REVIEW,
};
