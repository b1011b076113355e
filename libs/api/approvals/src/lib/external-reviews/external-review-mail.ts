import type { Locale } from '@kadens/shared/contracts';

interface Words {
  /** `{organization}`. */
  subject: string;
  /** `{name}`. */
  greeting: string;
  /** `{requester}`, `{organization}`, `{title}`. */
  asked: string;
  follow: string;
  /** `{days}`. */
  validity: string;
  notExpected: string;
}

const WORDS: Record<Locale, Words> = {
  nb: {
    subject: 'Kan du godkjenne et innlegg fra {organization}?',
    greeting: 'Hei {name},',
    asked: '{requester} i {organization} ber deg se gjennom innlegget «{title}» før det publiseres.',
    follow: 'Åpne lenken for å lese innlegget og godkjenne det eller be om endringer. Du trenger ingen konto:',
    validity: 'Lenken virker i {days} dager og for én avgjørelse.',
    notExpected: 'Venter du ikke denne e-posten, kan du se bort fra den.',
  },
  da: {
    subject: 'Vil du godkende et opslag fra {organization}?',
    greeting: 'Hej {name},',
    asked: '{requester} i {organization} beder dig se opslaget »{title}« igennem, før det udgives.',
    follow: 'Åbn linket for at læse opslaget og godkende det eller bede om ændringer. Du behøver ingen konto:',
    validity: 'Linket virker i {days} dage og til én afgørelse.',
    notExpected: 'Hvis du ikke venter denne e-mail, kan du se bort fra den.',
  },
  sv: {
    subject: 'Kan du godkänna ett inlägg från {organization}?',
    greeting: 'Hej {name},',
    asked: '{requester} på {organization} ber dig granska inlägget ”{title}” innan det publiceras.',
    follow: 'Öppna länken för att läsa inlägget och godkänna det eller be om ändringar. Du behöver inget konto:',
    validity: 'Länken fungerar i {days} dagar och för ett beslut.',
    notExpected: 'Om du inte väntar dig det här mejlet kan du bortse från det.',
  },
  en: {
    subject: 'Could you sign off a post from {organization}?',
    greeting: 'Hello {name},',
    asked: '{requester} at {organization} asks you to review the post “{title}” before it is published.',
    follow: 'Open the link to read the post and approve it or request changes. You do not need an account:',
    validity: 'The link works for {days} days and for one decision.',
    notExpected: 'If you were not expecting this e-mail, you can ignore it.',
  },
};

export interface ExternalReviewMailValues {
  name: string;
  requester: string;
  organization: string;
  title: string;
  link: string;
  days: number;
}

/** The request mailed to the outside person, in the organisation's language. */
export function externalReviewMail(locale: Locale, values: ExternalReviewMailValues): { subject: string; text: string } {
  const words = WORDS[locale];
  const fill = (template: string) =>
    template
      .replace('{organization}', values.organization)
      .replace('{name}', values.name)
      .replace('{requester}', values.requester)
      .replace('{title}', values.title)
      .replace('{days}', String(values.days));
  return {
    subject: fill(words.subject),
    text:
      [fill(words.greeting), fill(words.asked), `${words.follow}\n${values.link}`, fill(words.validity), words.notExpected].join('\n\n') +
      '\n',
  };
}
