import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipEntries } from './zip.js';

const entries = new Map<string, Uint8Array>([
  ['[Content_Types].xml', Buffer.from('<Types/>')],
  ['word/document.xml', Buffer.from('<w:document>政府信息公开'.repeat(500) + '</w:document>')],
  ['word/fonts/字体.odttf', new Uint8Array([0, 1, 2, 3, 255])],
  ['empty.txt', new Uint8Array(0)],
]);
const stamp = { year: 2022, month: 1, day: 20, hour: 12 };

describe('zipEntries', () => {
  it('writes an archive that zip readers open, entries in order, contents intact, deflated', () => {
    const zip = zipEntries(entries, stamp);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual([...entries.keys()]);
    for (const [name, data] of entries) expect(Buffer.from(back[name]!).equals(Buffer.from(data))).toBe(true);
    expect(zip.length).toBeLessThan(entries.get('word/document.xml')!.length / 10);
  });

  it('dates every entry with the stamp, in every time zone, and gives the same bytes every time', async () => {
    const zip = zipEntries(entries, stamp);
    const read = await JSZip.loadAsync(zip);
    // JSZip reads the DOS fields as a UTC time.
    for (const f of Object.values(read.files)) expect([f.date.getUTCFullYear(), f.date.getUTCMonth() + 1, f.date.getUTCDate(), f.date.getUTCHours()]).toEqual([2022, 1, 20, 12]);
    expect(Buffer.from(zipEntries(entries, stamp)).equals(Buffer.from(zip))).toBe(true);
  });

  it('marks a non-ASCII name as UTF-8 (general purpose flag bit 11)', () => {
    const zip = Buffer.from(zipEntries(entries, stamp));
    const at = zip.indexOf(Buffer.from('word/fonts/字体.odttf')) - 30;
    expect(zip.readUInt32LE(at)).toBe(0x04034b50);
    expect(zip.readUInt16LE(at + 6) & 0x0800).toBe(0x0800);
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0);
  });
});
