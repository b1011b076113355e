import type { ChannelPromisesKept, Evaluation, Locale } from '@kadens/shared/contracts';

interface Words {
  subject: string;
  intro: string;
  promises: string;
  weeks: string;
  noMinimum: string;
  silence: string;
  publishing: string;
  lateness: string;
  signOff: string;
  leadTime: string;
  link: string;
  optOut: string;
}

/** The monthly evaluation mail per language; `{…}` are filled in by `digestMail`. */
const WORDS: Record<Locale, Words> = {
  nb: {
    subject: 'Evaluering av {month}: {organization}',
    intro: 'Slik gikk {month} i {organization}.',
    promises: 'Løfter holdt',
    weeks: '{channel}: {kept} av {weeks} uker med minst {min} innlegg',
    noMinimum: '{channel}: {posts} innlegg (uten løfte om antall per uke)',
    silence: 'lengste stillhet {days} dager',
    publishing: 'Publisering: {published} av {planned} publisert, {failed} feilet, {unconfirmed} ubekreftet.',
    lateness: 'Forsinkelse: median {p50} min, p95 {p95} min.',
    signOff: 'Godkjenning: {approved} godkjent, ønsker om endringer: {changes}.',
    leadTime: 'Fra innsending til godkjenning: median {p50} t, p95 {p95} t.',
    link: 'Se hele evalueringen:',
    optOut: 'Du får denne e-posten fordi du er administrator. Du kan slå den av på evalueringssiden.',
  },
  da: {
    subject: 'Evaluering af {month}: {organization}',
    intro: 'Sådan gik {month} i {organization}.',
    promises: 'Løfter holdt',
    weeks: '{channel}: {kept} af {weeks} uger med mindst {min} opslag',
    noMinimum: '{channel}: {posts} opslag (uden løfte om antal pr. uge)',
    silence: 'længste stilhed {days} dage',
    publishing: 'Udgivelse: {published} af {planned} udgivet, {failed} fejlede, {unconfirmed} ubekræftet.',
    lateness: 'Forsinkelse: median {p50} min., p95 {p95} min.',
    signOff: 'Godkendelse: {approved} godkendt, ønsker om ændringer: {changes}.',
    leadTime: 'Fra indsendelse til godkendelse: median {p50} t., p95 {p95} t.',
    link: 'Se hele evalueringen:',
    optOut: 'Du får denne e-mail, fordi du er administrator. Du kan slå den fra på evalueringssiden.',
  },
  sv: {
    subject: 'Utvärdering av {month}: {organization}',
    intro: 'Så gick {month} för {organization}.',
    promises: 'Löften som hölls',
    weeks: '{channel}: {kept} av {weeks} veckor med minst {min} inlägg',
    noMinimum: '{channel}: {posts} inlägg (utan löfte om antal per vecka)',
    silence: 'längsta tystnad {days} dagar',
    publishing: 'Publicering: {published} av {planned} publicerade, {failed} misslyckades, {unconfirmed} obekräftade.',
    lateness: 'Försening: median {p50} min, p95 {p95} min.',
    signOff: 'Godkännande: {approved} godkända, begäranden om ändringar: {changes}.',
    leadTime: 'Från inskickat till godkänt: median {p50} h, p95 {p95} h.',
    link: 'Se hela utvärderingen:',
    optOut: 'Du får det här mejlet eftersom du är administratör. Du kan stänga av det på utvärderingssidan.',
  },
  en: {
    subject: 'Evaluation of {month}: {organization}',
    intro: 'This is how {month} went for {organization}.',
    promises: 'Promises kept',
    weeks: '{channel}: {kept} of {weeks} weeks with at least {min} posts',
    noMinimum: '{channel}: {posts} posts (no weekly minimum promised)',
    silence: 'longest silence {days} days',
    publishing: 'Publishing: {published} of {planned} published, {failed} failed, {unconfirmed} unconfirmed.',
    lateness: 'Lateness: median {p50} min, p95 {p95} min.',
    signOff: 'Sign-off: {approved} approved, changes requested: {changes}.',
    leadTime: 'From submit to approval: median {p50} h, p95 {p95} h.',
    link: 'See the whole evaluation:',
    optOut: 'You receive this e-mail because you are an admin. You can turn it off on the evaluation page.',
  },
};

function fill(template: string, values: Record<string, string | number | null>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '–'));
}

/** "november 2026" in the reader's language. */
export function monthInWords(period: string, locale: Locale): string {
  const date = new Date(`${period}-01T12:00:00Z`);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

function channelLine(words: Words, channel: ChannelPromisesKept, format: (n: number | null) => string): string {
  const main =
    channel.minPostsPerWeek !== null && channel.weeksKept !== null
      ? fill(words.weeks, { channel: channel.name, kept: channel.weeksKept, weeks: channel.weeks, min: channel.minPostsPerWeek })
      : fill(words.noMinimum, { channel: channel.name, posts: channel.posts });
  return `- ${main}; ${fill(words.silence, { days: format(channel.longestSilenceDays) })}`;
}

/** The month's evaluation as a plain-text mail in the recipient's language, with a link to the page. */
export function digestMail(locale: Locale, organization: string, evaluation: Evaluation, link: string): { subject: string; text: string } {
  const words = WORDS[locale];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const format = (value: number | null) => (value === null ? '–' : number.format(value));
  const month = monthInWords(evaluation.period, locale);
  const { publishing, signOff } = evaluation;
  const lines = [
    fill(words.intro, { month, organization }),
    '',
    `${words.promises}:`,
    ...evaluation.promises.map((channel) => channelLine(words, channel, format)),
    '',
    fill(words.publishing, publishing as unknown as Record<string, number>),
    fill(words.lateness, { p50: format(publishing.latenessP50Minutes), p95: format(publishing.latenessP95Minutes) }),
    fill(words.signOff, { approved: signOff.approved, changes: signOff.changesRequested }),
    fill(words.leadTime, { p50: format(signOff.leadTimeP50Hours), p95: format(signOff.leadTimeP95Hours) }),
    '',
    words.link,
    link,
    '',
    words.optOut,
  ];
  return { subject: fill(words.subject, { month, organization }), text: `${lines.join('\n')}\n` };
}
