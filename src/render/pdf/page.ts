import { MissingGlyphs } from './flow.js';
import type { Geometry } from './geometry.js';
import type { Item, PageLayout } from './types.js';

/** The layout's cursor: the page being filled and the top of the next free line slot. */
export class Pager {
  readonly pages: PageLayout[] = [];
  readonly missing = new MissingGlyphs();
  y = 0;

  constructor(readonly g: Geometry) {
    this.newPage();
  }

  get page(): PageLayout {
    return this.pages[this.pages.length - 1]!;
  }

  get index(): number {
    return this.pages.length - 1;
  }

  /** True while nothing has been placed on the current page. */
  get fresh(): boolean {
    return this.page.items.length === 0;
  }

  get room(): number {
    return this.g.bottom - this.y;
  }

  newPage(): void {
    this.pages.push({ number: this.pages.length + 1, items: [] });
    this.y = this.g.top;
  }

  /** Moves to a new page unless `height` still fits here (or the page is empty anyway). */
  ensure(height: number): void {
    if (height > this.room + 0.01 && !this.fresh) this.newPage();
  }

  push(item: Item): void {
    this.page.items.push(item);
  }
}
