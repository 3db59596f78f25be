/**
 * Text as a PDF's ToUnicode maps it → the characters meant. A CJK font draws 工 and the Kangxi
 * radical ⼯ with one glyph, and some producers (Chromium's font subsets) map that glyph back to
 * the radical: text copied from such a PDF reads 政府信息公开⼯作. Kangxi radicals (U+2F00–U+2FD5)
 * and compatibility ideographs (U+F900–U+FAFF) have a compatibility decomposition to the unified
 * ideograph (NFKC); the simplified-form radicals of the CJK Radicals Supplement have none, so their
 * equivalents (Unicode's EquivalentUnifiedIdeograph.txt) are listed here. Nothing else is touched
 * (NFKC on the whole text would also turn full-width punctuation into ASCII).
 */
const SUPPLEMENT: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长', '⻔': '门',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼',
  '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻁': '虎', '⻗': '雨',
  '⻊': '足',
  // Kangxi radicals whose compatibility mapping is the traditional form, where simplified-Chinese
  // fonts share the glyph with the simplified character.
  '⼾': '户', '⿈': '黄',
};

export function unifyIdeographs(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]/g, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}
