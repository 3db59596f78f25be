import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Edition } from '../editions/index.js';
import type { YamlPath } from '../model/report.js';
import type { Checked } from '../pipeline.js';
import type { SourceFile } from '../source/load.js';
import type { SessionInfo } from './api.js';
import type { FormTables } from './form/figures.js';
import type { Field } from './view/dom.js';

/**
 * The editor page's state. The YAML text is the one source of truth: everything else (the loaded
 * value, the form's tables, the diagnostics) is derived from it after each change (sync.ts).
 */
export interface State {
  info: SessionInfo;
  text: string;
  saved: string;
  /** The file exists on disk (false for `--new` and `--from` until the first save). */
  written: boolean;
  base: string;
  previous: Checked | undefined;
  checked: Checked | undefined;
  source: SourceFile | undefined;
  edition: Edition | undefined;
  form: FormTables | undefined;
  signature: string;
  unsure: Diagnostic[];
  lastProse: HTMLTextAreaElement | undefined;
}


export let state: State;

export function initState(info: SessionInfo, previous: Checked | undefined): void {
  state = { info, text: info.text, saved: info.text, written: info.kind === 'file', base: info.base, previous, checked: undefined, source: undefined, edition: undefined, form: undefined, signature: '', unsure: [], lastProse: undefined };
}

/** Every control of the form by its YAML path key (form/figures.ts pathKey). */
export const fields = new Map<string, Field>();

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export const dirty = (): boolean => state.text !== state.saved;

/** The value at a YAML path of the loaded file. */
export const getIn = (path: YamlPath): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), state.source?.value);

export function setStatus(text: string, problem = false): void {
  const status = $('nb-status');
  status.textContent = text;
  status.classList.toggle('nb-problem', problem);
}
