/** The external review page (an outside person signs off one post by link, without an account) lives in the approvals library, loaded when first opened. */
export { EXTERNAL_REVIEW_ROUTES } from '@kadens/web/approvals';
