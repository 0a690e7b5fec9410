import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/model/cell.js';

describe('cell values as reports write them', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    [' 0', 0],
    ['\u00a00\u3000', 0],
    ['１２', 12],
    ['1,234', 1234],
    ['1 234', 1234],
    ['3件', 3],
  ])('count %j → %j', (raw, value) => expect(parseCell(raw, 'count', null)).toMatchObject({ value, state: 'number' }));

  it.each([
    ['', 'blank'],
    ['\u00a0', 'blank'],
    ['/', 'not-applicable'],
    ['—', 'not-applicable'],
    ['－', 'not-applicable'],
    ['无', 'not-applicable'],
    ['_', 'not-applicable'],
    ['若干', 'invalid'],
    ['1.5', 'invalid'],
    ['-1', 'invalid'],
    ['阎良区公务用车10辆', 'invalid'],
  ])('count %j is %s, with the raw text kept', (raw, state) => {
    const cell = parseCell(raw, 'count', 3);
    expect(cell).toMatchObject({ value: null, raw, page: 3, state });
  });

  it.each([
    ['减4', -4],
    ['增3', 3],
    ['+3', 3],
    ['-4', -4],
    ['－4', -4],
    ['0', 0],
  ])('signed change %j → %j', (raw, value) => expect(parseCell(raw, 'signed', null).value).toBe(value));

  it('keeps the unit an amount states and never assumes one', () => {
    expect(parseCell('251000元', 'amount', null)).toMatchObject({ value: 251000, unit: '元' });
    expect(parseCell('18.8710', 'amount', null)).toEqual({
      value: 18.871,
      raw: '18.8710',
      page: null,
      state: 'number',
    });
  });
});
