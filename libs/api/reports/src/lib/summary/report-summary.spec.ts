import { figuresOf, reportSummary, type SummaryBody } from './report-summary';

const sums = (overrides: Record<string, number | string | boolean | null>) => ({
  current: true,
  posts: 0,
  demo: 0,
  engagement_sum: 0,
  engagement_n: 0,
  ...overrides,
});

describe('report figures', () => {
  it('leaves out a metric no target has, averages over the targets that have it, one decimal', () => {
    expect(figuresOf(sums({ posts: 3, views_sum: 100, views_n: 3, reach_sum: 0, reach_n: 0, engagement_sum: 7, engagement_n: 2 }))).toEqual(
      {
        posts: 3,
        totals: { views: 100 },
        perPost: { views: 33.3 },
        engagement: 7,
      },
    );
  });

  it('is 0 posts and nothing known without data; a known 0 stays 0', () => {
    expect(figuresOf(undefined)).toEqual({ posts: 0, totals: {}, perPost: {}, engagement: null });
    expect(figuresOf(sums({ posts: 1, reactions_sum: 0, reactions_n: 1, engagement_n: 1 }))).toEqual({
      posts: 1,
      totals: { reactions: 0 },
      perPost: { reactions: 0 },
      engagement: 0,
    });
  });

  it('orders groups by posts, names the "none" group in the organisation’s language, ranks content types by engagement per post', () => {
    const body: SummaryBody = {
      timeZone: 'Europe/Copenhagen',
      locale: 'da',
      groups: [sums({ key: 'i1', posts: 1 }), sums({ key: null, posts: 4 }), sums({ key: 'i2', current: false, posts: 9 })],
      totals: [sums({ posts: 5, demo: 1 })],
      audienceContent: [
        { audience_id: 'a1', content_type_id: 'c1', posts: 4, engagement_sum: 8, engagement_n: 4 },
        { audience_id: 'a1', content_type_id: 'c2', posts: 1, engagement_sum: 0, engagement_n: 0 },
        { audience_id: 'a1', content_type_id: 'c3', posts: 2, engagement_sum: 9, engagement_n: 2 },
      ],
      entities: [
        { id: 'i1', name: 'Én', color: null, active: true },
        { id: 'i2', name: 'To', color: null, active: false },
        { id: 'i3', name: 'Tre', color: null, active: false },
      ],
      audiences: [{ id: 'a1', name: 'Forældre' }],
      contentTypes: [
        { id: 'c1', name: 'Nyhed' },
        { id: 'c2', name: 'Event' },
        { id: 'c3', name: 'Guide' },
      ],
    };
    const summary = reportSummary({ from: '2026-11-01', to: '2026-11-30', groupBy: 'initiative' }, body);
    expect(summary.groups.map((g) => [g.key, g.name, g.posts, g.previous.posts])).toEqual([
      [null, 'Uden initiativ', 4, 0],
      ['i1', 'Én', 1, 0],
      ['i2', 'To', 0, 9],
    ]);
    expect(summary).toMatchObject({
      previousFrom: '2026-10-02',
      previousTo: '2026-10-31',
      includesDemo: true,
      timeZone: 'Europe/Copenhagen',
    });
    expect(summary.contentTypesByAudience[0]?.contentTypes.map((c) => [c.name, c.engagementPerPost])).toEqual([
      ['Guide', 4.5],
      ['Nyhed', 2],
      ['Event', null],
    ]);
  });
});
