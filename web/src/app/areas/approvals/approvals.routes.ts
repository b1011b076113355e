/** The approvals area (inbox, review screen, approval settings) lives in its own library, loaded when first opened. */
export { APPROVALS_ROUTES } from '@kadens/web/approvals';
