import type { OutputFormat } from '../dist/render/types.js';
import type { AbResult } from './ab.js';
import type { ProcessRun } from './measure.js';
import type { SofficeComparison } from './soffice.js';
import { FORMATS, type WarmResult } from './warm.js';

export interface BenchReport {
  machine: string;
  fake: boolean;
  n: number;
  sample: number;
  repeat: number;
  examples: number;
  warmExamples: WarmResult;
  warmGenerated: WarmResult;
  batch: (ProcessRun & { outputs: number; bytes: number }) | undefined;
  /** The formats the batch writes (`render` with no format chosen). */
  batchFormats: readonly OutputFormat[];
  ofdVsPdf: AbResult | undefined;
  coldMs: number | undefined;
  soffice: SofficeComparison | undefined;
}

const NA = 'n/a';
const ms = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? NA : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const kb = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? NA : `${(x / 1024).toFixed(0)} KB`);
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const head = (cells: string[]): string => `${row(cells)}\n${row(cells.map(() => '---'))}`;
const fmt = (r: WarmResult, f: OutputFormat, pick: (s: NonNullable<WarmResult['formats'][OutputFormat]>) => string): string => {
  const s = r.formats[f];
  return s ? pick(s) + (s.failures ? ` (${s.failures} failed)` : '') : NA;
};

/** Markdown tables, ready to paste into the README. */
export function printReport(b: BenchReport): void {
  const out: string[] = [];
  out.push(`nianbao benchmark — ${b.machine}${b.fake ? ' — FAKE RENDERERS (NIANBAO_TEST_RENDERERS), numbers are not real' : ''}`, '');
  out.push('Per report, warm process (median):', '');
  out.push(head(['inputs', 'check + compose', ...FORMATS.map((f) => f.toUpperCase())]));
  for (const [label, r] of [[`examples (${b.examples}; median of ${b.repeat} runs each)`, b.warmExamples], [`generated (${b.sample} of ${b.n})`, b.warmGenerated]] as const) {
    out.push(row([label + (r.invalid ? `, ${r.invalid} invalid` : ''), ms(r.checkMs), ...FORMATS.map((f) => fmt(r, f, (s) => ms(s.medianMs)))]));
  }
  for (const [label, r] of [['output size, examples (median / max)', b.warmExamples], ['output size, generated (median / max)', b.warmGenerated]] as const) {
    out.push(row([label, '', ...FORMATS.map((f) => fmt(r, f, (s) => `${kb(s.medianBytes)} / ${kb(s.maxBytes)}`))]));
  }
  const registered = b.batchFormats;
  out.push('', `Whole batch (\`nianbao render gen/*.yaml -o out\`, ${registered.length} formats: ${registered.join(', ') || 'none'}):`, '');
  out.push(head(['reports', 'wall time', 'throughput', 'peak RSS (incl. workers)', 'files written', 'total size']));
  const bt = b.batch;
  out.push(
    bt
      ? row([String(b.n), ms(bt.ms), `${(b.n / (bt.ms / 1000)).toFixed(1)} reports/s, ${(bt.outputs / (bt.ms / 1000)).toFixed(1)} files/s`, `${bt.peakMb.toFixed(0)} MB`, `${bt.outputs}${bt.code === 0 ? '' : ` (exit ${bt.code})`}`, `${(bt.bytes / 1024 / 1024).toFixed(1)} MB`])
      : row([String(b.n), NA, NA, NA, NA, NA]),
  );
  const pdf = b.warmExamples.formats.pdf;
  const pdfMax = Math.max(b.warmExamples.formats.pdf?.maxBytes ?? NaN, b.warmGenerated.formats.pdf?.maxBytes ?? NaN);
  const all3 = registered.length === 3;
  const verdict = (ok: boolean | undefined): string => (ok === undefined ? NA : ok ? '✓' : '✗');
  out.push('', 'Targets (issues 5 and 17):', '');
  out.push(head(['measure', 'measured', 'target', 'met']));
  out.push(row([`${b.n} reports × 3 formats, wall time`, bt ? `${ms(bt.ms)}${all3 ? '' : ` (${registered.length} formats only)`}` : NA, `≤ 60 s for 1,000`, verdict(bt && all3 && b.n >= 1000 ? bt.ms <= 60_000 : undefined)]));
  out.push(row(['peak memory, batch', bt ? `${bt.peakMb.toFixed(0)} MB` : NA, '≤ 400 MB', verdict(bt ? bt.peakMb <= 400 : undefined)]));
  const so = b.soffice;
  const single = so ? so.singleSoffice / so.singleNianbao : undefined;
  const perReport = so ? so.perReportSoffice / so.perReportNianbao : undefined;
  out.push(row(['one report per process: soffice DOCX→PDF / `nianbao render one.yaml --pdf` (medians, examples)', so ? `${ms(so.singleSoffice)} / ${ms(so.singleNianbao)} = ${single!.toFixed(1)}×` : NA, '', '']));
  out.push(
    row([
      `PDF path vs soffice, each further report of a batch in one process (${so ? `${so.sofficeReports} / ${so.nianbaoReports}` : NA} generated reports)`,
      so ? `${ms(so.perReportSoffice)} / ${ms(so.perReportNianbao)} = ${perReport!.toFixed(1)}×` : NA,
      '≥ 10× faster',
      verdict(perReport === undefined ? undefined : perReport >= 10),
    ]),
  );
  out.push(row(['warm PDF per report (examples)', pdf ? ms(pdf.medianMs) : NA, '≤ 60 ms', verdict(pdf ? pdf.medianMs <= 60 : undefined)]));
  if (so && pdf) out.push(row(['PDF path vs soffice, warm renderer / one soffice conversion', `${ms(so.singleSoffice)} / ${ms(pdf.medianMs)} = ${(so.singleSoffice / pdf.medianMs).toFixed(0)}×`, '', '']));
  out.push(row(['cold `render one.yaml --pdf` (whole process)', ms(b.coldMs), '≤ 1.5 s', verdict(b.coldMs === undefined ? undefined : b.coldMs <= 1500)]));
  out.push(row(['largest PDF', Number.isNaN(pdfMax) ? NA : kb(pdfMax), '≤ 200 KB', verdict(Number.isNaN(pdfMax) ? undefined : pdfMax <= 200 * 1024)]));
  const o = b.ofdVsPdf;
  if (o) {
    const x = (v: number) => `${v.toFixed(2)}×`;
    out.push(
      row([
        `warm OFD / warm PDF per report, A/B in one run (examples, ${o.rounds} rounds each, order swapped each round; issue 17)`,
        `${ms(o.bMs)} / ${ms(o.aMs)}: ${x(o.ratio.median)} (per report ${x(o.ratio.min)}–${x(o.ratio.max)}, quartiles ${x(o.ratio.q1)}–${x(o.ratio.q3)})`,
        '≤ 1.5×',
        verdict(o.ratio.median <= 1.5),
      ]),
    );
  }
  out.push(row(['peak RSS, warm process', `${Math.max(b.warmExamples.peakRssMb, b.warmGenerated.peakRssMb).toFixed(0)} MB`, '', '']));
  process.stdout.write(`${out.join('\n')}\n`);
}
