/** Which list an item belongs to; its texts live under `strategy.<kind>.*`. */
export type StrategyKind = 'themes' | 'audiences' | 'channels' | 'initiatives';

/** How test ids name one item of a kind: `theme-item`, `theme-edit`, `theme-add` … */
export const ITEM_TEST_ID: Readonly<Record<StrategyKind, string>> = {
  themes: 'theme',
  audiences: 'audience',
  channels: 'channel',
  initiatives: 'initiative',
};
