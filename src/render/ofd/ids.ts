/** OFD object IDs (ST_ID): one counter per document, so every ID is unique and MaxUnitID the last. */
export class Ids {
  private last = 0;

  next(): number {
    return ++this.last;
  }

  get max(): number {
    return this.last;
  }
}
