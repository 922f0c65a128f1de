import { compareText, powerOfTwoText, withThousands } from '../../src/util/text';

describe('withThousands', () => {
  test.each([
    [0, '0'], [7, '7'], [999, '999'], [1000, '1,000'], [65536, '65,536'], [1234567, '1,234,567'],
    [4294967296, '4,294,967,296'], [-1000, '-1,000'], [2n ** 40n, '1,099,511,627,776'],
  ])('%p → %s', (n, text) => {
    expect(withThousands(n)).toBe(text);
  });

  test('agrees with en-US toLocaleString on integers of every length', () => {
    for (let digits = 1; digits <= 15; digits++) {
      const n = Number('9'.repeat(digits)) - digits;
      expect(withThousands(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});

describe('powerOfTwoText', () => {
  test.each([
    [0, '1'], [1, '2'], [8, '256'], [16, '65,536'], [32, '4,294,967,296'], [33, '2^33'], [53, '2^53'], [64, '2^64'],
  ])('2^%p → %s', (bits, text) => {
    expect(powerOfTwoText(bits)).toBe(text);
  });
});

describe('compareText', () => {
  test('orders by code unit, not by locale: upper case before lower case, "-" before letters', () => {
    expect(['b', 'a-b', 'B', 'a', 'ab'].sort(compareText)).toEqual(['B', 'a', 'a-b', 'ab', 'b']);
  });

  test('equal strings compare 0', () => {
    expect(compareText('ovn join', 'ovn join')).toBe(0);
  });
});
