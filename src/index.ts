export type * from './model/document.js';
export type * from './model/report.js';
export { resolveGrid, GridError } from './model/grid.js';
export type { GridSlot, ResolvedGrid } from './model/grid.js';
export { EDITIONS, getEdition, defaultEditionForYear, SECTION_KEYS } from './editions/index.js';
export type { Edition } from './editions/index.js';
export { figureRows, cellName } from './editions/rows.js';
export { proactiveTable, applicationsTable, reviewTable, tableLabelIds } from './compose/tables.js';
