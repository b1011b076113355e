import { tidyClockInput } from './clock-input';

describe('tidyClockInput', () => {
  it.each([
    ['9', '09:00'],
    ['09', '09:00'],
    ['12', '12:00'],
    ['930', '09:30'],
    ['0930', '09:30'],
    ['9:30', '09:30'],
    ['9.30', '09:30'],
    ['9,30', '09:30'],
    [' 16:45 ', '16:45'],
    ['24', '24:00'],
    ['2400', '24:00'],
    ['0', '00:00'],
  ])('%p → %p', (typed, tidy) => {
    expect(tidyClockInput(typed)).toBe(tidy);
  });

  it.each(['', 'noon', '25', '24:30', '9:60', '9:5', '12345', '9 am'])('%p is not a time of day', (typed) => {
    expect(tidyClockInput(typed)).toBeNull();
  });
});
