import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { chineseDaysArrangements } from './chinese-days-data.js';

const { version } = createRequire(import.meta.url)('chinese-days/package.json') as {
  version: string;
};
const years = chineseDaysArrangements();

describe('the chinese-days package data', () => {
  it('gives every year 2004–2026 as a package arrangement, titled with the package version', () => {
    expect([...years.keys()]).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const y = years.get(2026);
    expect(y?.year).toBe(2026);
    expect(y?.origin).toBe('package');
    expect(y?.source).toEqual({ title: `chinese-days ${version}` });
    expect(version).toMatch(/^1\.5\./);
    expect(y?.holidays.size).toBe(33);
    expect(y?.workdays.size).toBe(6);
  });

  it('names holidays as the State Council’s notices do, in Chinese and English', () => {
    const y = years.get(2026);
    expect(y?.holidays.get('2026-04-05')).toEqual({ zh: '清明节', en: 'Qingming Festival' });
    expect(y?.holidays.get('2026-06-19')).toEqual({ zh: '端午节', en: 'Dragon Boat Festival' });
    expect(y?.holidays.get('2026-09-25')).toEqual({ zh: '中秋节', en: 'Mid-Autumn Festival' });
    expect(y?.holidays.get('2026-02-16')).toEqual({ zh: '春节', en: 'Spring Festival' });
    expect(y?.workdays.get('2026-09-20')).toEqual({ zh: '国庆节', en: 'National Day' });
    expect(y?.holidays.get('2026-10-09')).toBeUndefined();
    // A holiday without a standard English name keeps the package's.
    expect(years.get(2015)?.holidays.get('2015-09-03')).toEqual({
      zh: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
      en: 'Anti-Fascist 70th Day',
    });
  });
});
