import { describe, expect, it } from 'vitest';
import { parseTableFile } from './table-file.js';

const where = (text: string): string[] => {
  const r = parseTableFile(text, { year: 2027 });
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => `${p.path} ${p.code}`);
};

describe('the path of each problem', () => {
  it('names the "from" of a range day already listed', () => {
    expect(
      where(
        '{"year":2027,"source":{"title":"t"},"holidays":[{"name":"A","dates":["2027-10-02"]},' +
          '{"name":"B","from":"2027-10-01","to":"2027-10-03"}],"workdays":[]}',
      ),
    ).toEqual(['holidays[1].from DUPLICATE_DATE']);
  });

  it('names a holiday’s English name and the source’s fields that are not strings', () => {
    expect(
      where(
        '{"year":2027,"source":{"title":"t","document":1,"url":true,"published":2026},' +
          '"holidays":[{"name":"A","nameEn":1,"dates":["2027-10-02"]}],"workdays":[]}',
      ),
    ).toEqual([
      'source.document WRONG_TYPE',
      'source.url WRONG_TYPE',
      'source.published WRONG_TYPE',
      'holidays[0].nameEn WRONG_TYPE',
    ]);
  });
});
