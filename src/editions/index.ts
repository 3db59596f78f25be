import type { EditionId } from '../model/report.js';
import { EDITION_2019 } from './e2019.js';
import { EDITION_2021 } from './e2021.js';
import type { Edition } from './types.js';

export type { Edition } from './types.js';
export { SECTION_KEYS } from './types.js';

export const EDITIONS: Record<EditionId, Edition> = { '2019': EDITION_2019, '2021': EDITION_2021 };

/** Spec §0: years up to 2020 use the 2019 trial format, 2021 onward the 2021 revision. */
export const FIRST_YEAR_OF_2021_EDITION = 2021;

export function defaultEditionForYear(year: number): EditionId {
  return year < FIRST_YEAR_OF_2021_EDITION ? '2019' : '2021';
}

export function getEdition(id: EditionId): Edition {
  return EDITIONS[id];
}
