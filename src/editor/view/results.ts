import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { YamlPath } from '../../model/report.js';
import type { Checked } from '../../pipeline.js';
import { placeDiagnostics } from '../form/place.js';
import { $, fields, state } from '../state.js';
import { el } from './dom.js';

/**
 * Each diagnostic beside its field (invalid state, message as the field's description) and in
 * the list named 检查结果, whose entries move focus to their field.
 */
export function showDiagnostics(checked: Checked): void {
  const paths = [...fields.keys()].map((k) => JSON.parse(k) as YamlPath);
  const placed = placeDiagnostics([...checked.diagnostics, ...state.unsure], paths);
  for (const field of fields.values()) {
    const msgs = placed.byField.get(field.key) ?? [];
    const errors = msgs.some((d) => d.severity === 'error');
    // Only what changed is written: a keystroke touches a few fields, not the form's layout.
    setAttr(field.input, 'aria-invalid', String(errors));
    if (field.input.classList.contains('nb-warn') !== (!errors && msgs.length > 0)) field.input.classList.toggle('nb-warn');
    const text = msgs.map((d) => `${d.severity === 'error' ? '错误' : d.code === 'import/unsure' ? '待核对' : '警告'}：${d.message}`).join('\n');
    if (field.message.textContent !== text) field.message.textContent = text;
    if (field.message.hidden !== (msgs.length === 0)) field.message.hidden = msgs.length === 0;
    const described = [(field.input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '' && id !== field.message.id), msgs.length > 0 ? [field.message.id] : []].flat();
    setAttr(field.input, 'aria-describedby', described.length > 0 ? described.join(' ') : null);
    const binding = field.kind === 'cell' ? state.form?.cells.get(field.key) : undefined;
    if (binding) {
      const input = field.input as HTMLInputElement;
      if (input.placeholder !== binding.computed) input.placeholder = binding.computed;
      if (document.activeElement !== input && input.value !== binding.text) input.value = binding.text;
    }
  }
  renderList(checked.diagnostics, placed.target);
}

function setAttr(node: Element, name: string, value: string | null): void {
  if (node.getAttribute(name) === value) return;
  if (value === null) node.removeAttribute(name);
  else node.setAttribute(name, value);
}

let listSignature: string | undefined;
function renderList(diagnostics: Diagnostic[], target: Map<Diagnostic, string | undefined>): void {
  const signature = diagnostics.map((d) => `${d.code}|${d.line}|${d.column}|${d.message}`).join('\n');
  if (signature === listSignature) return;
  listSignature = signature;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  $('nb-summary').textContent = diagnostics.length === 0 ? '没有发现问题' : `${errors} 个错误，${warnings} 个警告`;
  $('nb-list').replaceChildren(
    ...diagnostics.map((d) => {
      const key = target.get(d);
      const button = el('button', { type: 'button', className: `nb-diag nb-${d.severity}` }, el('span', { className: 'nb-sev', textContent: d.severity === 'error' ? '错误' : '警告' }), ` ${d.message} `, el('span', { className: 'nb-code', textContent: `[${d.code}] 第 ${d.line} 行` }));
      button.dataset.code = d.code;
      button.disabled = !key;
      button.addEventListener('click', () => {
        const input = key ? fields.get(key)?.input : undefined;
        input?.focus();
        input?.scrollIntoView({ block: 'center' });
      });
      return el('li', {}, button);
    }),
  );
}

