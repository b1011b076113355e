import { type Locale, PLAN_CSV_COLUMNS, type PlanCsvColumn } from '@kadens/shared/contracts';

/** The header an export writes, in the organisation's language; the import reads any of them (and the aliases). */
export const EXPORT_HEADERS: Readonly<Record<Locale, Readonly<Record<PlanCsvColumn, string>>>> = {
  en: {
    date: 'Date',
    time: 'Time',
    channels: 'Channels',
    title: 'Title',
    text: 'Text',
    theme: 'Theme',
    audience: 'Audience',
    contentType: 'Content type',
    link: 'Link',
    mediaUrl: 'Media URL',
    altText: 'Alt text',
    dialogue: 'Dialogue',
  },
  nb: {
    date: 'Dato',
    time: 'Tid',
    channels: 'Kanaler',
    title: 'Tittel',
    text: 'Tekst',
    theme: 'Tema',
    audience: 'Målgruppe',
    contentType: 'Innholdstype',
    link: 'Lenke',
    mediaUrl: 'Media-URL',
    altText: 'Alt-tekst',
    dialogue: 'Dialog',
  },
  da: {
    date: 'Dato',
    time: 'Tid',
    channels: 'Kanaler',
    title: 'Titel',
    text: 'Tekst',
    theme: 'Tema',
    audience: 'Målgruppe',
    contentType: 'Indholdstype',
    link: 'Link',
    mediaUrl: 'Medie-URL',
    altText: 'Alt-tekst',
    dialogue: 'Dialog',
  },
  sv: {
    date: 'Datum',
    time: 'Tid',
    channels: 'Kanaler',
    title: 'Titel',
    text: 'Text',
    theme: 'Tema',
    audience: 'Målgrupp',
    contentType: 'Innehållstyp',
    link: 'Länk',
    mediaUrl: 'Media-URL',
    altText: 'Alt-text',
    dialogue: 'Dialog',
  },
};

/** More spellings people use in nb, da, sv and en (compared after `headerKey`). */
const ALIASES: Readonly<Record<PlanCsvColumn, readonly string[]>> = {
  date: ['date', 'dato', 'datum', 'dag', 'day', 'publiseringsdato', 'publiceringsdatum'],
  time: ['time', 'tid', 'klokkeslett', 'klokkeslæt', 'klockslag', 'kl', 'tidspunkt', 'tidpunkt', 'klokka'],
  channels: ['channels', 'channel', 'kanaler', 'kanal', 'kanalar'],
  title: ['title', 'tittel', 'titel', 'overskrift', 'rubrik'],
  text: ['text', 'tekst', 'body', 'brødtekst', 'brödtext', 'innlegg', 'opslag', 'inlägg'],
  theme: ['theme', 'tema', 'themes'],
  audience: ['audience', 'audiences', 'målgruppe', 'målgrupper', 'målgrupp'],
  contentType: ['content type', 'contenttype', 'type', 'typ', 'innholdstype', 'indholdstype', 'innehållstyp', 'innehållstyper'],
  link: ['link', 'lenke', 'lenkje', 'länk', 'url'],
  mediaUrl: ['media url', 'media', 'media urls', 'medie url', 'medier', 'bilde', 'billede', 'bild', 'image url'],
  altText: ['alt text', 'alt tekst', 'alternativ tekst', 'alternativ text', 'alttext', 'alttekst', 'bildetekst', 'bildtext', 'billedtekst'],
  dialogue: ['dialogue', 'dialog', 'invites dialogue', 'inviterer til dialog', 'inviterar till dialog'],
};

/** Lower case, no BOM, dots, dashes, underscores or repeated spaces: `Media-URL` and `media_url` both become `media url`. */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[._\-:/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_KEY: ReadonlyMap<string, PlanCsvColumn> = (() => {
  const map = new Map<string, PlanCsvColumn>();
  for (const column of PLAN_CSV_COLUMNS) {
    for (const alias of ALIASES[column]) map.set(headerKey(alias), column);
    for (const headers of Object.values(EXPORT_HEADERS)) map.set(headerKey(headers[column]), column);
  }
  return map;
})();

/** The column a header names, or null (ignored). */
export function columnOf(header: string): PlanCsvColumn | null {
  return BY_KEY.get(headerKey(header)) ?? null;
}
