import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { YamlPath } from '../../model/report.js';
import { pathKey } from './figures.js';

/**
 * Where each diagnostic shows in the form: on the field or cell at its YAML path; else on the
 * first field under that path (a row's problem on the row's first cell); else on the nearest
 * field above it (a paragraph's problem on its text area). Diagnostics of the whole file, or of
 * a part the form has no field for, go only into the list.
 */
export function placeDiagnostics(diagnostics: readonly Diagnostic[], fields: readonly YamlPath[]): { byField: Map<string, Diagnostic[]>; target: Map<Diagnostic, string | undefined> } {
  const keys = fields.map(pathKey);
  const known = new Set(keys);
  const byField = new Map<string, Diagnostic[]>();
  const target = new Map<Diagnostic, string | undefined>();
  const startsWith = (p: YamlPath, prefix: YamlPath) => prefix.length <= p.length && prefix.every((s, i) => p[i] === s);
  for (const d of diagnostics) {
    let key: string | undefined;
    if (d.path.length > 0) {
      const own = pathKey(d.path);
      if (known.has(own)) key = own;
      else {
        const under = fields.findIndex((f) => startsWith(f, d.path));
        if (under >= 0) key = keys[under];
        else {
          for (let n = d.path.length - 1; n > 0 && !key; n--) {
            const up = pathKey(d.path.slice(0, n));
            if (known.has(up)) key = up;
          }
        }
      }
    }
    target.set(d, key);
    if (key) byField.set(key, [...(byField.get(key) ?? []), d]);
  }
  return { byField, target };
}
