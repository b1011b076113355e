import { calendarJson } from './calendar-sql';

describe('calendarJson', () => {
  it('joins the pieces in the order of their number and leaves out the empty ones', () => {
    const json = calendarJson([
      { n: 2, body: '{"id":"c"}' },
      { n: 0, body: '{"id":"a"},{"id":"b"}' },
      { n: 1, body: null },
    ]);
    expect(JSON.parse(json)).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(calendarJson([{ n: 0, body: null }])).toBe('[]');
    expect(calendarJson([])).toBe('[]');
  });
});
