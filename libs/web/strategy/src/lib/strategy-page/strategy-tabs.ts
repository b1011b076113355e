/** The parts of the strategy page, in the order its tabs show them; the URL's `?tab=` names one. */
export const STRATEGY_TABS = ['initiatives', 'themes', 'audiences', 'channels'] as const;
type StrategyTab = (typeof STRATEGY_TABS)[number];

export const STRATEGY_TAB_PARAM = 'tab';

export function isStrategyTab(value: unknown): value is StrategyTab {
  return (STRATEGY_TABS as readonly unknown[]).includes(value);
}
