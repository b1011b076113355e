import { INVITATION_VALID_DAYS, type Locale, type Role } from '@kadens/shared/contracts';

interface Words {
  subject: string;
  /** `{inviter}`, `{organization}`, `{role}`. */
  invited: string;
  /** Said when nobody is named as the inviter (they left the organisation). */
  invitedAnonymously: string;
  follow: string;
  validity: string;
  existingAccount: string;
  notExpected: string;
  roles: Record<Role, string>;
}

const WORDS: Record<Locale, Words> = {
  nb: {
    subject: 'Invitasjon til {organization} i Kadens',
    invited: '{inviter} har invitert deg til {organization} i Kadens, som {role}.',
    invitedAnonymously: 'Du er invitert til {organization} i Kadens, som {role}.',
    follow: 'Åpne lenken for å bli med:',
    validity: `Lenken virker i ${INVITATION_VALID_DAYS} dager og bare én gang.`,
    existingAccount: 'Har du allerede en Kadens-konto med denne e-postadressen, logger du inn og godtar invitasjonen der.',
    notExpected: 'Venter du ikke denne invitasjonen, kan du se bort fra e-posten.',
    roles: { admin: 'administrator', editor: 'redaktør', approver: 'godkjenner', viewer: 'leser' },
  },
  da: {
    subject: 'Invitation til {organization} i Kadens',
    invited: '{inviter} har inviteret dig til {organization} i Kadens som {role}.',
    invitedAnonymously: 'Du er inviteret til {organization} i Kadens som {role}.',
    follow: 'Åbn linket for at blive medlem:',
    validity: `Linket virker i ${INVITATION_VALID_DAYS} dage og kun én gang.`,
    existingAccount: 'Har du allerede en Kadens-konto med denne e-mailadresse, så log ind og acceptér invitationen dér.',
    notExpected: 'Hvis du ikke venter denne invitation, kan du se bort fra e-mailen.',
    roles: { admin: 'administrator', editor: 'redaktør', approver: 'godkender', viewer: 'læser' },
  },
  sv: {
    subject: 'Inbjudan till {organization} i Kadens',
    invited: '{inviter} har bjudit in dig till {organization} i Kadens som {role}.',
    invitedAnonymously: 'Du är inbjuden till {organization} i Kadens som {role}.',
    follow: 'Öppna länken för att gå med:',
    validity: `Länken fungerar i ${INVITATION_VALID_DAYS} dagar och bara en gång.`,
    existingAccount: 'Har du redan ett Kadens-konto med den här e-postadressen loggar du in och tackar ja till inbjudan där.',
    notExpected: 'Om du inte väntar dig den här inbjudan kan du bortse från mejlet.',
    roles: { admin: 'administratör', editor: 'redaktör', approver: 'godkännare', viewer: 'läsare' },
  },
  en: {
    subject: 'Invitation to {organization} on Kadens',
    invited: '{inviter} has invited you to {organization} on Kadens, as {role}.',
    invitedAnonymously: 'You have been invited to {organization} on Kadens, as {role}.',
    follow: 'Open the link to join:',
    validity: `The link works for ${INVITATION_VALID_DAYS} days, and only once.`,
    existingAccount: 'If you already have a Kadens account with this e-mail address, log in and accept the invitation there.',
    notExpected: 'If you were not expecting this invitation, you can ignore this e-mail.',
    roles: { admin: 'administrator', editor: 'editor', approver: 'approver', viewer: 'viewer' },
  },
};

export interface InvitationMailValues {
  organization: string;
  inviter: string | null;
  role: Role;
  link: string;
}

/** The invitation e-mail in the organisation's language. */
export function invitationMail(locale: Locale, values: InvitationMailValues): { subject: string; text: string } {
  const words = WORDS[locale];
  const fill = (template: string) =>
    template
      .replace('{organization}', values.organization)
      .replace('{inviter}', values.inviter ?? '')
      .replace('{role}', words.roles[values.role]);
  const opening = fill(values.inviter ? words.invited : words.invitedAnonymously);
  return {
    subject: fill(words.subject),
    text: [opening, `${words.follow}\n${values.link}`, words.validity, words.existingAccount, words.notExpected].join('\n\n') + '\n',
  };
}
