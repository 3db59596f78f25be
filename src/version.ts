/** The tool's version, printed by `--version` and in every `--json` output (package.json's, checked by a test). */
export const VERSION = '0.2.0';
