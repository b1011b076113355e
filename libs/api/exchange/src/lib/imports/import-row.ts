import type { ImportIssue, Platform, PlanCsvColumn } from '@kadens/shared/contracts';
import { platformRules } from '@kadens/shared/platform-rules';
import { createHash } from 'node:crypto';

import { instantInZone, nameKey, parseCivilDate, parseWallTime, parseYesNo, splitNames, splitUrls } from '../csv/csv-values';

/** The organisation's names an import resolves, each keyed by `nameKey`. */
export interface ImportLookups {
  timeZone: string;
  channels: ReadonlyMap<string, { id: string; name: string; platform: Platform }>;
  themes: ReadonlyMap<string, string>;
  audiences: ReadonlyMap<string, string>;
  /** By name and by key (`news`, `how_to`…). */
  contentTypes: ReadonlyMap<string, string>;
  defaultContentTypeId: string | null;
}

/** A row read into a draft: what PostsService.create takes. */
export interface ImportDraft {
  title: string;
  body: string;
  link: string | null;
  mediaUrls: string[];
  contentTypeId: string;
  themeId: string;
  audienceIds: string[];
  plannedAt: string | null;
  invitesDialogue: boolean;
  channelIds: string[];
}

export interface ReadRow {
  row: number;
  title: string;
  plannedAt: string | null;
  channels: string[];
  draft: ImportDraft | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

const MAX_TITLE = 200;
const MAX_BODY = 100_000;
const MAX_URL = 2048;
const MAX_MEDIA = 20;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && value.length <= MAX_URL;
  } catch {
    return false;
  }
}

/**
 * One CSV row checked and read into a draft, or its problems: required cells, names the organisation
 * knows, dates in its zone, URLs, and each channel's platform text rules (blocking ones are errors,
 * advice is a warning). Pure: the promise checks and duplicates are the service's.
 */
export function readImportRow(row: number, cells: Partial<Record<PlanCsvColumn, string>>, lookups: ImportLookups): ReadRow {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const cell = (column: PlanCsvColumn) => (cells[column] ?? '').trim();
  const fail = (column: PlanCsvColumn | null, code: string, params: Record<string, string | number> = {}) =>
    errors.push({ column, code, params });

  const title = cell('title').replace(/\s+/g, ' ');
  if (title === '') fail('title', 'import.required');
  else if (title.length > MAX_TITLE) fail('title', 'import.too_long', { max: MAX_TITLE, count: title.length });

  const body = (cells.text ?? '').replace(/\r\n?/g, '\n').trim();
  if (body.length > MAX_BODY) fail('text', 'import.too_long', { max: MAX_BODY, count: body.length });

  let plannedAt: string | null = null;
  const dateText = cell('date');
  const timeText = cell('time');
  if (dateText === '' && timeText !== '') fail('date', 'import.required');
  if (dateText !== '') {
    const date = parseCivilDate(dateText);
    const time = timeText === '' ? null : parseWallTime(timeText);
    if (!date) fail('date', 'import.invalid_date', { value: dateText });
    if (timeText === '') fail('time', 'import.required');
    else if (!time) fail('time', 'import.invalid_time', { value: timeText });
    if (date && time) plannedAt = instantInZone(date, time, lookups.timeZone);
  }

  const channelNames = splitWhole(cell('channels'), lookups.channels);
  const channels: Array<{ id: string; name: string; platform: Platform }> = [];
  if (channelNames.length === 0) fail('channels', 'import.required');
  for (const name of channelNames) {
    const channel = lookups.channels.get(nameKey(name));
    if (!channel) fail('channels', 'import.unknown_channel', { name });
    else if (!channels.some((c) => c.id === channel.id)) channels.push(channel);
  }

  const themeName = cell('theme');
  const themeId = themeName === '' ? undefined : lookups.themes.get(nameKey(themeName));
  if (themeName === '') fail('theme', 'import.required');
  else if (!themeId) fail('theme', 'import.unknown_theme', { name: themeName });

  const audienceIds: string[] = [];
  for (const name of splitWhole(cell('audience'), lookups.audiences)) {
    const id = lookups.audiences.get(nameKey(name));
    if (!id) fail('audience', 'import.unknown_audience', { name });
    else if (!audienceIds.includes(id)) audienceIds.push(id);
  }

  const typeName = cell('contentType');
  const contentTypeId = typeName === '' ? lookups.defaultContentTypeId : (lookups.contentTypes.get(nameKey(typeName)) ?? null);
  if (typeName !== '' && !contentTypeId) fail('contentType', 'import.unknown_content_type', { name: typeName });

  const link = cell('link') === '' ? null : cell('link');
  if (link !== null && !isHttpUrl(link)) fail('link', 'import.invalid_url', { value: link.slice(0, 80) });

  const mediaUrls = splitUrls(cell('mediaUrl'));
  for (const url of mediaUrls) if (!isHttpUrl(url)) fail('mediaUrl', 'import.invalid_url', { value: url.slice(0, 80) });
  if (mediaUrls.length > MAX_MEDIA) fail('mediaUrl', 'import.too_many', { max: MAX_MEDIA, count: mediaUrls.length });
  if (cell('altText') !== '') warnings.push({ column: 'altText', code: 'import.alt_text_not_stored', params: {} });

  const dialogue = parseYesNo(cell('dialogue'));
  if (dialogue === null) fail('dialogue', 'import.invalid_yes_no', { value: cell('dialogue') });

  for (const channel of channels) {
    for (const issue of platformRules(channel.platform).validate({ text: body, link, mediaUrls })) {
      const column: PlanCsvColumn = issue.code.startsWith('media.') ? 'mediaUrl' : 'text';
      const entry = { column, code: issue.code, params: { ...issue.params, channel: channel.name } };
      (issue.severity === 'block' ? errors : warnings).push(entry);
    }
  }

  // The channels as the file names them, so the preview shows an unknown one where it stands.
  const base = { row, title, plannedAt, channels: channelNames, errors, warnings };
  if (errors.length > 0 || !themeId || !contentTypeId) return { ...base, draft: null };
  return {
    ...base,
    draft: {
      title,
      body,
      link,
      mediaUrls,
      contentTypeId,
      themeId,
      audienceIds,
      plannedAt,
      invitesDialogue: dialogue ?? false,
      channelIds: channels.map((c) => c.id),
    },
  };
}

/** A cell of names: the whole cell when it is one known name (a name may hold a comma), else its parts. */
function splitWhole(value: string, known: ReadonlyMap<string, unknown>): string[] {
  if (value === '') return [];
  return known.has(nameKey(value)) ? [value] : splitNames(value);
}

/**
 * The import key: SHA-256 of the organisation and the draft's values, normalised (instant, sorted ids),
 * so the same row imported again — from the same file, or re-exported — is recognised.
 */
export function importKey(organizationId: string, draft: ImportDraft): string {
  const normal = {
    ...draft,
    plannedAt: draft.plannedAt === null ? null : new Date(draft.plannedAt).toISOString(),
    audienceIds: [...draft.audienceIds].sort(),
    channelIds: [...draft.channelIds].sort(),
  };
  const ordered = Object.fromEntries(Object.entries(normal).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(organizationId).update('\n').update(JSON.stringify(ordered)).digest('hex');
}
