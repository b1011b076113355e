import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, as a migration's SQL must never change (DEFAULT_CONTENT_TYPE_NAMES in the shared contracts may).
const NAMES: ReadonlyArray<[locale: string, key: string, name: string]> = [
  ['nb', 'news', 'Nyhet'],
  ['nb', 'how_to', 'Slik gjør du'],
  ['nb', 'event', 'Arrangement'],
  ['nb', 'campaign', 'Kampanje'],
  ['nb', 'press_release', 'Pressemelding'],
  ['nb', 'question_poll', 'Spørsmål/avstemning'],
  ['da', 'news', 'Nyhed'],
  ['da', 'how_to', 'Sådan gør du'],
  ['da', 'event', 'Arrangement'],
  ['da', 'campaign', 'Kampagne'],
  ['da', 'press_release', 'Pressemeddelelse'],
  ['da', 'question_poll', 'Spørgsmål/afstemning'],
  ['sv', 'news', 'Nyhet'],
  ['sv', 'how_to', 'Så gör du'],
  ['sv', 'event', 'Evenemang'],
  ['sv', 'campaign', 'Kampanj'],
  ['sv', 'press_release', 'Pressmeddelande'],
  ['sv', 'question_poll', 'Fråga/omröstning'],
];
const ENGLISH: ReadonlyArray<[key: string, name: string]> = [
  ['news', 'News'],
  ['how_to', 'How-to'],
  ['event', 'Event'],
  ['campaign', 'Campaign'],
  ['press_release', 'Press release'],
  ['question_poll', 'Question/poll'],
];

/**
 * The seeded content types were named in English for every organisation, so a Norwegian kindergarten's
 * reports, exports and monthly e-mail said "News" and "Question/poll". New organisations now get them in
 * their default language; this renames the existing ones — only those still carrying the English name
 * they were seeded with (an admin's own name stays), and not where another type of the organisation
 * already has the name (names are unique per organisation).
 */
export class ContentTypeNames1765610000000 implements MigrationInterface {
  name = 'ContentTypeNames1765610000000';

  async up(db: QueryRunner): Promise<void> {
    await this.rename(db, 'english.name', 'local.name');
  }

  async down(db: QueryRunner): Promise<void> {
    await this.rename(db, 'local.name', 'english.name');
  }

  private async rename(db: QueryRunner, from: string, to: string): Promise<void> {
    await db.query(
      `UPDATE content_types ct
          SET name = ${to}
         FROM organizations o,
              jsonb_to_recordset($1::jsonb) AS local (locale text, key text, name text),
              jsonb_to_recordset($2::jsonb) AS english (key text, name text)
        WHERE o.id = ct.organization_id AND local.locale = o.default_locale
          AND local.key = ct.key AND english.key = ct.key AND ct.name = ${from}
          AND NOT EXISTS (SELECT 1 FROM content_types other WHERE other.organization_id = ct.organization_id AND lower(other.name) = lower(${to}))`,
      [
        JSON.stringify(NAMES.map(([locale, key, name]) => ({ locale, key, name }))),
        JSON.stringify(ENGLISH.map(([key, name]) => ({ key, name }))),
      ],
    );
  }
}
