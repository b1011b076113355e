import type { Locale, NotificationKind } from '@kadens/shared/contracts';

type Words = Record<NotificationKind, { subject: string; body: string }>;

/**
 * E-mail wording per language; `{post}` is the post's title, `{organization}` the organisation's name,
 * `{channel}` and `{date}` a channel's name and when its connection expires.
 */
const MAIL: Record<Locale, Words> = {
  nb: {
    review_requested: { subject: 'Til godkjenning: {post}', body: '«{post}» i {organization} venter på din godkjenning.' },
    approved: { subject: 'Godkjent: {post}', body: '«{post}» i {organization} er godkjent.' },
    changes_requested: { subject: 'Endringer ønsket: {post}', body: 'En godkjenner ber om endringer i «{post}» i {organization}.' },
    expired: {
      subject: 'Ikke publisert: {post}',
      body: '«{post}» i {organization} ble ikke godkjent i tide og er ikke publisert. Sett en ny tid.',
    },
    cancelled: { subject: 'Avlyst: {post}', body: '«{post}» i {organization} er avlyst.' },
    commented: { subject: 'Ny kommentar: {post}', body: 'Det er en ny kommentar til «{post}» i {organization}.' },
    connection_expiring: {
      subject: 'Koble til på nytt: {channel}',
      body: 'Tilkoblingen til kanalen «{channel}» i {organization} utløper {date}. Koble den til på nytt, ellers blir innleggene som er planlagt etter det ikke publisert.',
    },
  },
  da: {
    review_requested: { subject: 'Til godkendelse: {post}', body: '“{post}” i {organization} venter på din godkendelse.' },
    approved: { subject: 'Godkendt: {post}', body: '“{post}” i {organization} er godkendt.' },
    changes_requested: { subject: 'Ændringer ønskes: {post}', body: 'En godkender beder om ændringer i “{post}” i {organization}.' },
    expired: {
      subject: 'Ikke udgivet: {post}',
      body: '“{post}” i {organization} blev ikke godkendt i tide og er ikke udgivet. Vælg et nyt tidspunkt.',
    },
    cancelled: { subject: 'Aflyst: {post}', body: '“{post}” i {organization} er aflyst.' },
    commented: { subject: 'Ny kommentar: {post}', body: 'Der er en ny kommentar til “{post}” i {organization}.' },
    connection_expiring: {
      subject: 'Forbind igen: {channel}',
      body: 'Forbindelsen til kanalen “{channel}” i {organization} udløber {date}. Forbind den igen, ellers bliver opslagene, der er planlagt derefter, ikke udgivet.',
    },
  },
  sv: {
    review_requested: { subject: 'För godkännande: {post}', body: '”{post}” i {organization} väntar på ditt godkännande.' },
    approved: { subject: 'Godkänt: {post}', body: '”{post}” i {organization} är godkänt.' },
    changes_requested: { subject: 'Ändringar önskas: {post}', body: 'En godkännare ber om ändringar i ”{post}” i {organization}.' },
    expired: {
      subject: 'Inte publicerat: {post}',
      body: '”{post}” i {organization} godkändes inte i tid och har inte publicerats. Välj en ny tid.',
    },
    cancelled: { subject: 'Inställt: {post}', body: '”{post}” i {organization} är inställt.' },
    commented: { subject: 'Ny kommentar: {post}', body: 'Det finns en ny kommentar till ”{post}” i {organization}.' },
    connection_expiring: {
      subject: 'Anslut igen: {channel}',
      body: 'Anslutningen till kanalen ”{channel}” i {organization} löper ut {date}. Anslut den igen, annars publiceras inte de inlägg som är planerade efter det.',
    },
  },
  en: {
    review_requested: { subject: 'For approval: {post}', body: '“{post}” in {organization} is waiting for your approval.' },
    approved: { subject: 'Approved: {post}', body: '“{post}” in {organization} has been approved.' },
    changes_requested: { subject: 'Changes requested: {post}', body: 'An approver asks for changes to “{post}” in {organization}.' },
    expired: {
      subject: 'Not published: {post}',
      body: '“{post}” in {organization} was not approved in time and has not been published. Choose a new time.',
    },
    cancelled: { subject: 'Cancelled: {post}', body: '“{post}” in {organization} has been cancelled.' },
    commented: { subject: 'New comment: {post}', body: 'There is a new comment on “{post}” in {organization}.' },
    connection_expiring: {
      subject: 'Connect again: {channel}',
      body: 'The connection of the channel “{channel}” in {organization} expires {date}. Connect it again, or the posts planned after that will not be published.',
    },
  },
};

export function notificationMail(
  locale: Locale,
  kind: NotificationKind,
  values: { post: string; organization: string; link: string; channel?: string; date?: string },
): { subject: string; text: string } {
  const words = MAIL[locale][kind];
  const fill = (template: string) =>
    template
      .replace('{post}', values.post)
      .replace('{organization}', values.organization)
      .replace('{channel}', values.channel ?? '')
      .replace('{date}', values.date ?? '');
  return { subject: fill(words.subject), text: `${fill(words.body)}\n\n${values.link}\n` };
}
