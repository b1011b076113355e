import { changeOf, engagementPerPost, figureOf, formatPercent, formatReportNumber, previousFigureOf } from './report-numbers';

describe('report numbers', () => {
  const figures = { posts: 4, totals: { views: 1200, reach: 0 }, perPost: {}, engagement: 30 };

  it('reads a figure, and unknown as null — never 0', () => {
    expect(figureOf(figures, 'posts')).toBe(4);
    expect(figureOf(figures, 'engagement')).toBe(30);
    expect(figureOf(figures, 'views')).toBe(1200);
    expect(figureOf(figures, 'reach')).toBe(0);
    expect(figureOf(figures, 'clicks')).toBeNull();
    expect(figureOf({ ...figures, engagement: null }, 'engagement')).toBeNull();
  });

  it('counts a previous period without posts as 0, so the change reads "new"', () => {
    const none = { posts: 0, totals: {}, perPost: {}, engagement: null };
    expect(previousFigureOf(none, 'engagement')).toBe(0);
    expect(previousFigureOf(none, 'views')).toBe(0);
    expect(previousFigureOf(figures, 'clicks')).toBeNull();
    expect(previousFigureOf(figures, 'views')).toBe(1200);
  });

  it('works out engagement per post to one decimal', () => {
    expect(engagementPerPost(figures)).toBe(7.5);
    expect(engagementPerPost({ ...figures, engagement: 10, posts: 3 })).toBe(3.3);
    expect(engagementPerPost({ ...figures, posts: 0 })).toBeNull();
    expect(engagementPerPost({ ...figures, engagement: null })).toBeNull();
  });

  it.each([
    [120, 100, { direction: 'up', percent: 20 }],
    [50, 200, { direction: 'down', percent: 75 }],
    [7, 7, { direction: 'same', percent: 0 }],
    [5, 0, { direction: 'up', percent: null }],
    [0, 0, { direction: 'same', percent: null }],
  ])('%s against %s', (current, previous, expected) => {
    expect(changeOf(current, previous)).toEqual(expected);
  });

  it('tells no change when either side is unknown', () => {
    expect(changeOf(null, 5)).toBeNull();
    expect(changeOf(5, null)).toBeNull();
  });

  it("writes numbers and per cents the reader's way", () => {
    expect(formatReportNumber(12345.67, 'en')).toBe('12,345.7');
    expect(formatReportNumber(12345, 'nb').replace(/\s/g, ' ')).toBe('12 345');
    expect(formatReportNumber(2.5, 'da')).toBe('2,5');
    expect(formatPercent(12, 'en')).toBe('12%');
    expect(formatPercent(12, 'sv').replace(/\s/g, ' ')).toBe('12 %');
  });
});
