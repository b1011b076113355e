/** The strategy area lives in its own library, loaded when the area is first opened. */
export { STRATEGY_ROUTES } from '@kadens/web/strategy';
