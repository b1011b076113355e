import type { Locale } from '@kadens/shared/contracts';

import type { AccountMail } from '../mail/account-mailer';

interface Wording {
  subject: string;
  body: (name: string, link: string) => string;
}

const WORDING: Record<Locale, Wording> = {
  nb: {
    subject: 'Nytt passord til Kadens',
    body: (name, link) =>
      `Hei ${name},\n\nNoen (forhåpentligvis du) har bedt om å få sette nytt passord for Kadens-kontoen din.\n\nVelg nytt passord her – lenken virker i én time og kan bare brukes én gang:\n${link}\n\nHar du ikke bedt om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.\n\nHilsen Kadens`,
  },
  da: {
    subject: 'Ny adgangskode til Kadens',
    body: (name, link) =>
      `Hej ${name}\n\nNogen (forhåbentlig dig) har bedt om at få en ny adgangskode til din Kadens-konto.\n\nVælg en ny adgangskode her – linket virker i en time og kan kun bruges én gang:\n${link}\n\nHar du ikke bedt om det, kan du bare se bort fra denne mail. Din adgangskode er ikke ændret.\n\nVenlig hilsen Kadens`,
  },
  sv: {
    subject: 'Nytt lösenord till Kadens',
    body: (name, link) =>
      `Hej ${name}!\n\nNågon (förhoppningsvis du) har bett om att få välja ett nytt lösenord för ditt Kadens-konto.\n\nVälj ett nytt lösenord här – länken gäller i en timme och kan bara användas en gång:\n${link}\n\nHar du inte bett om detta kan du strunta i mejlet. Ditt lösenord är oförändrat.\n\nHälsningar\nKadens`,
  },
  en: {
    subject: 'Your new Kadens password',
    body: (name, link) =>
      `Hi ${name},\n\nSomeone (hopefully you) asked to set a new password for your Kadens account.\n\nChoose a new password here — the link works for one hour and only once:\n${link}\n\nIf you did not ask for this, you can ignore this e-mail. Your password has not changed.\n\nKadens`,
  },
};

/** The reset mail in the person's language; the link carries the raw token, which is stored nowhere. */
export function passwordResetMail(input: { to: string; name: string; locale: Locale; publicUrl: string; token: string }): AccountMail {
  const wording = WORDING[input.locale];
  const link = `${input.publicUrl}/reset-password?token=${encodeURIComponent(input.token)}`;
  return { kind: 'password_reset', to: input.to, subject: wording.subject, text: wording.body(input.name, link) };
}
