import { LOCALES } from '@kadens/shared/contracts';

import { invitationMail } from './invitation-mail';

describe('invitationMail', () => {
  const values = {
    organization: 'Fjordvik kommune',
    inviter: 'Ada Admin',
    role: 'approver' as const,
    link: 'https://kadens.example/invitation?token=abc',
  };

  it.each([
    ['nb', 'Invitasjon til Fjordvik kommune i Kadens', 'Ada Admin har invitert deg til Fjordvik kommune i Kadens, som godkjenner.'],
    ['da', 'Invitation til Fjordvik kommune i Kadens', 'Ada Admin har inviteret dig til Fjordvik kommune i Kadens som godkender.'],
    ['sv', 'Inbjudan till Fjordvik kommune i Kadens', 'Ada Admin har bjudit in dig till Fjordvik kommune i Kadens som godkännare.'],
    ['en', 'Invitation to Fjordvik kommune on Kadens', 'Ada Admin has invited you to Fjordvik kommune on Kadens, as approver.'],
  ] as const)('words the %s mail', (locale, subject, opening) => {
    const mail = invitationMail(locale, values);
    expect(mail.subject).toBe(subject);
    expect(mail.text.startsWith(opening)).toBe(true);
  });

  it.each(LOCALES)('carries the link on a line of its own and says how long it works (%s)', (locale) => {
    const { text } = invitationMail(locale, values);
    expect(text.split('\n')).toContain(values.link);
    expect(text).toMatch(/\b7\b/);
  });

  it('leaves the inviter out when nobody is named', () => {
    expect(
      invitationMail('en', { ...values, inviter: null }).text.startsWith(
        'You have been invited to Fjordvik kommune on Kadens, as approver.',
      ),
    ).toBe(true);
  });
});
