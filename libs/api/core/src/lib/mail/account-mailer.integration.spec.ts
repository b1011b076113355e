import { createTestApp, startTestMailbox, type TestApp, type TestMailbox } from '../../testing';
import { AccountMailer } from './account-mailer';

describe('AccountMailer (real PostgreSQL, local SMTP server)', () => {
  let t: TestApp;
  let mailbox: TestMailbox;

  beforeAll(async () => {
    mailbox = await startTestMailbox();
    t = await createTestApp([], { SMTP_URL: mailbox.url, APP_ROLES: 'api' });
  });
  afterAll(async () => {
    await t.close();
    await mailbox.close();
  });

  it('sends what a committed transaction enqueued, once, and nothing a rolled-back one did', async () => {
    const mailer = t.app.get(AccountMailer);
    await t.db.transaction((tx) =>
      mailer.enqueue(tx, { kind: 'test', to: 'kari@example.no', subject: 'Hei Kari', text: 'Lenke: http://localhost/x?token=abc' }),
    );
    await t.db
      .transaction(async (tx) => {
        await mailer.enqueue(tx, { kind: 'test', to: 'ola@example.no', subject: 'Hei Ola', text: 'never' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);

    expect(await mailer.sendPending()).toBe(1);
    expect(await mailer.sendPending()).toBe(0);
    const mail = await mailbox.waitFor('kari@example.no', /Hei Kari/);
    expect(mail.raw).toContain('http://localhost/x?token=abc');
    expect(mailbox.mails.map((m) => m.to[0])).toEqual(['kari@example.no']);
    const [row] = await t.db.query(`SELECT sent_at, attempts FROM account_mails WHERE to_email = 'kari@example.no'`);
    expect(row.sent_at).not.toBeNull();
    expect(row.attempts).toBe(1);
  });
});
