/**
 * Spreadsheet keys in a table of the form: ↑ ↓ move to the cell above or below (the one covering
 * the same grid column), ← → to the neighbouring cell once the caret is at the edge of the text,
 * Enter moves down and Shift+Enter up.
 */
export function gridKeys(root: HTMLElement): void {
  root.addEventListener('keydown', (e) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.classList.contains('nb-cell')) return;
    const table = input.closest('table');
    if (!table || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    const cells = [...table.querySelectorAll<HTMLInputElement>('input.nb-cell')];
    const pos = (i: HTMLInputElement) => ({ row: Number(i.dataset.row), col: Number(i.dataset.col), span: Number(i.dataset.span) });
    const here = pos(input);
    const covers = (i: HTMLInputElement, col: number) => pos(i).col <= col && col < pos(i).col + pos(i).span;
    let next: HTMLInputElement | undefined;
    const vertical = (dir: 1 | -1) => {
      const candidates = cells.filter((c) => covers(c, here.col) && Math.sign(pos(c).row - here.row) === dir);
      return candidates.sort((a, b) => dir * (pos(a).row - pos(b).row))[0];
    };
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) next = vertical(1);
    else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) next = vertical(-1);
    else if (e.key === 'ArrowLeft' && atStart) next = cells.filter((c) => pos(c).row === here.row && pos(c).col < here.col).pop();
    else if (e.key === 'ArrowRight' && atEnd) next = cells.find((c) => pos(c).row === here.row && pos(c).col > here.col);
    else return;
    if (e.key === 'Enter') e.preventDefault();
    if (!next) return;
    e.preventDefault();
    next.focus();
    next.select();
  });
}
