import { AccountMailer } from '@kadens/api/core';
import { createTestApp, startTestMailbox, type TestApp, type TestMailbox } from '@kadens/api/core/testing';
import { DemoSeeder } from '@kadens/api/organizations';

import { EvaluationModule } from '../evaluation.module';
import { type EvaluationWorld, evaluationWorld } from '../testing/evaluation-world';
import { EvaluationDigest } from './evaluation-digest';

/** The monthly evaluation mail against PostgreSQL and the local SMTP server. */
describe('monthly evaluation digest (real PostgreSQL, local SMTP server)', () => {
  let t: TestApp;
  let mailbox: TestMailbox;
  let w: EvaluationWorld;

  beforeAll(async () => {
    mailbox = await startTestMailbox();
    // No scheduler role: the test calls the job itself, at the moments it chooses.
    t = await createTestApp([EvaluationModule], { SMTP_URL: mailbox.url, APP_ROLES: 'api' });
    await t.app.get(DemoSeeder).seed();
    w = await evaluationWorld(t);
    // A Swedish-speaking admin, and an admin who turned the mail off.
    await t.db.query(
      `INSERT INTO users (email, name, password_hash, locale) VALUES ('sara@example.se', 'Sara', 'x', 'sv'), ('olav@example.no', 'Olav', 'x', NULL)`,
    );
    await t.db.query(
      `INSERT INTO memberships (organization_id, user_id, role, monthly_evaluation_mail)
       SELECT $1, id, 'admin', email <> 'olav@example.no' FROM users WHERE email IN ('sara@example.se', 'olav@example.no')`,
      [w.org],
    );
  });
  afterAll(async () => {
    await t?.close();
    await mailbox.close();
  });

  const digests = () => t.db.query(`SELECT month, recipients FROM evaluation_digests WHERE organization_id = $1 ORDER BY month`, [w.org]);

  it('goes out once per organisation and month, after the month has ended in the organisation’s zone', async () => {
    const digest = t.app.get(EvaluationDigest);
    // February's last week runs from Monday 23 February to Sunday 1 March: due at midnight in Oslo (CET).
    expect(await digest.sendDue(new Date('2026-03-01T22:30:00Z'))).toBe(0);
    expect(await digest.sendDue(new Date('2026-03-01T23:30:00Z'))).toBe(1);
    expect(await digest.sendDue(new Date('2026-03-02T09:00:00Z'))).toBe(0);
    // 23:30 on Sunday 5 April in Oslo (CEST): March is over, its last week (from Monday 30 March) is not.
    expect(await digest.sendDue(new Date('2026-04-05T21:30:00Z'))).toBe(0);
    // 00:30 on Monday 6 April in Oslo: all of March is over. Two schedulers at once, then a restart: March is written once.
    const at = new Date('2026-04-05T22:30:00Z');
    const [a, b] = await Promise.all([digest.sendDue(at), t.app.get(EvaluationDigest).sendDue(at)]);
    expect(a + b).toBe(1);
    expect(await digest.sendDue(at)).toBe(0);
    // The demo organisations did not exist yet in March 2026: nothing for them.
    expect(await digests()).toEqual([
      { month: '2026-02', recipients: 2 },
      { month: '2026-03', recipients: 2 },
    ]);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM account_mails WHERE kind = 'evaluation_digest'`);
    expect(count).toBe(4);
  });

  it('sends each admin the month in their language with a link to the page; not to one who opted out', async () => {
    const mailer = t.app.get(AccountMailer);
    while ((await mailer.sendPending()) > 0);
    const norwegian = await mailbox.waitFor('admin@kadens.demo', /Evaluering av mars 2026: Evalvik kommune/);
    expect(norwegian.raw).toContain(`/o/${w.org}/reports/evaluation?period=2026-03`);
    expect(norwegian.raw).toContain('Facebook: 3 av 5 uker med minst 2 innlegg; lengste stillhet 6 dager');
    expect(norwegian.raw).toContain('Publisering: 8 av 10 publisert, 1 feilet, 1 ubekreftet.');
    // The Swedish subject is MIME-encoded (ä); the body says which month.
    const swedish = mailbox.mails.find((mail) => mail.to.includes('sara@example.se') && mail.raw.includes('Så gick mars 2026'));
    if (!swedish) throw new Error('no Swedish mail about March');
    expect(swedish.raw).toContain('Facebook: 3 av 5 veckor med minst 2 inlägg');
    expect(swedish.raw).toContain('Godkännande: 2 godkända');
    expect(mailbox.mails.filter((mail) => mail.to.includes('olav@example.no'))).toEqual([]);
    expect(mailbox.mails.map((mail) => mail.to[0]).sort()).toEqual([
      'admin@kadens.demo',
      'admin@kadens.demo',
      'sara@example.se',
      'sara@example.se',
    ]);
  });
});
