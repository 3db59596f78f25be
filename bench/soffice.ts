import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './dist.js';
import { median, runProcess } from './measure.js';

/**
 * The path users take today, LibreOffice turning the DOCX into a PDF, against nianbao's PDF path
 * for the same reports, both as whole processes (milliseconds):
 * - one report per process (a clerk with one file): the medians over the examples;
 * - a batch in one process (an archivist with a folder): the cost of each further report,
 *   (time for all − time for the first k) / (n − k), which leaves out the tool's start-up. k is 1
 *   for LibreOffice and 2 for nianbao, whose pool (and its start-up) begins at two files. nianbao
 *   gets all the generated reports, LibreOffice a few dozen (a thousand would take an hour): its
 *   cost per report is the same from the first, while nianbao's workers warm up over their first
 *   fifty or so, as they do in a real batch.
 */
export interface SofficeComparison {
  singleSoffice: number;
  singleNianbao: number;
  sofficeReports: number;
  nianbaoReports: number;
  perReportSoffice: number;
  perReportNianbao: number;
}

export async function compareWithSoffice(examples: string[], batch: string[], nianbaoBatch: string[], dir: string, env: NodeJS.ProcessEnv): Promise<SofficeComparison | undefined> {
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  const docx = async (inputs: string[], out: string) => {
    await runProcess(process.execPath, [BIN, 'render', ...inputs, '--docx', '-o', out, '--jobs', '1'], env);
    return readdirSync(out)
      .filter((n) => n.endsWith('.docx'))
      .map((n) => join(out, n));
  };
  // Its own profile, created by one untimed run first: a user's LibreOffice has one already.
  const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
  const soffice = (files: string[]) => runProcess('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'soffice-pdf'), ...files]);
  const nianbao = (files: string[], out: string) => runProcess(process.execPath, [BIN, 'render', ...files, '--pdf', '-o', join(dir, out)], env);

  log(`LibreOffice vs nianbao: each example as one process, then ${batch.length} (LibreOffice) and ${nianbaoBatch.length} (nianbao) reports in one process`);
  const exampleDocx = await docx(examples, join(dir, 'examples-docx'));
  const batchDocx = await docx(batch, join(dir, 'batch-docx'));
  if (exampleDocx.length === 0 || batchDocx.length < 2 || nianbaoBatch.length < 3) return undefined;
  await soffice([exampleDocx[0]!]);
  const singleSoffice: number[] = [];
  const singleNianbao: number[] = [];
  for (const [i, f] of exampleDocx.entries()) {
    const r = await soffice([f]);
    if (r.code === 0) singleSoffice.push(r.ms);
    singleNianbao.push((await nianbao([examples[i]!], `single-${i}`)).ms);
  }
  const oneSoffice = (await soffice([batchDocx[0]!])).ms;
  const allSoffice = (await soffice(batchDocx)).ms;
  const twoNianbao = (await nianbao(nianbaoBatch.slice(0, 2), 'batch-two')).ms;
  const allNianbao = (await nianbao(nianbaoBatch, 'batch-all')).ms;
  return {
    singleSoffice: median(singleSoffice),
    singleNianbao: median(singleNianbao),
    sofficeReports: batchDocx.length,
    nianbaoReports: nianbaoBatch.length,
    perReportSoffice: (allSoffice - oneSoffice) / (batchDocx.length - 1),
    perReportNianbao: (allNianbao - twoNianbao) / (nianbaoBatch.length - 2),
  };
}
