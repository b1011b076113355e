/**
 * The header every file upload (media, CSV import) carries. An HTML form cannot set a header, and a
 * cross-site fetch() that sets one needs a CORS preflight Kadens never grants, so together with the
 * same-origin check this is the second lock on the two routes that take a body other than JSON.
 */
export const UPLOAD_HEADER = 'Kadens-Upload';
export const UPLOAD_HEADERS: Readonly<Record<string, string>> = { [UPLOAD_HEADER]: '1' };
