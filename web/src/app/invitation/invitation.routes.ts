/** The page the invitation e-mail links to lives in its own library, loaded when first opened. */
export { INVITATION_ROUTES } from '@kadens/web/invitations';
