import { DEFAULT_STYLE, type FontRole } from '../model/style.js';
import { defaultFontSettings, envName, resolveFonts, ROLES } from '../fonts/index.js';
import { ROLE_NAMES } from '../fonts/roles.js';
import { sharedFaceMessages, sharedFaces } from '../fonts/sharing.js';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './io.js';


const SOURCE_LABEL = { explicit: '指定', project: '项目 fonts/', system: '系统字体', open: '已安装的开源同风格字体', fallback: '开源替代字体' } as const;

/**
 * Explicit font files per role: `NIANBAO_FONT_<ROLE>` first, then `--font role=path[,role=path]`
 * (the option wins). A .ttc face is chosen as `path#PostScriptName`.
 */
export function explicitFonts(option: string | undefined, env: NodeJS.ProcessEnv): Partial<Record<FontRole, string>> {
  const out: Partial<Record<FontRole, string>> = {};
  for (const role of ROLES) {
    const v = env[envName(role)];
    if (v) out[role] = v;
  }
  for (const pair of option ? option.split(',') : []) {
    const [role, path] = pair.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!path || !(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`--font 的写法是 角色=字体文件，例如 --font body=fonts/仿宋_GB2312.ttf；角色可以是 ${ROLES.join('、')}`);
    }
    out[role as FontRole] = path;
  }
  return out;
}

/** `nianbao fonts`: which face serves which role, and from where (design.md "Fonts"). */
export async function runFonts(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['font'] });
  const set = resolveFonts(DEFAULT_STYLE.fonts, defaultFontSettings(explicitFonts(args.options.get('font'), process.env)));
  if (args.flags.has('json')) {
    const rows = ROLES.map((role) => {
      const f = set.faces[role];
      return { role, wanted: DEFAULT_STYLE.fonts[role], face: f?.postscriptName ?? null, file: f?.file ?? null, source: f?.source ?? null };
    });
    io.out(JSON.stringify({ roles: rows, shared: sharedFaces(set).map((g) => ({ face: g.face, wanted: Object.fromEntries(g.wanted), remedies: g.remedies })), problems: set.problems }, null, 2));
    return 0;
  }
  for (const role of ROLES) {
    const f = set.faces[role];
    const wanted = DEFAULT_STYLE.fonts[role];
    const substitute = f?.source === 'fallback' || f?.source === 'open';
    const what = f ? `${f.postscriptName}  ${f.file}  [${SOURCE_LABEL[f.source]}${substitute ? '，未找到正版字体' : ''}]` : '（未找到，使用该角色的中文字体）';
    io.out(`${ROLE_NAMES[role]}\t${wanted} → ${what}`);
  }
  for (const m of sharedFaceMessages(set)) io.out(`注意 ${m}`);
  for (const p of set.problems) io.err(`警告 ${p}`);
  return 0;
}
