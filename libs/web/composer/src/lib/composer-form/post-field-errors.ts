import type { FieldError } from '@kadens/shared/contracts';
import { applyServerFieldErrors } from '@kadens/web/ui';

import type { ComposerForm } from './composer-form';

const TARGET_FIELD = /^targets\.(\d+)\.(\w+)/;

/**
 * Puts the API's 400 field errors on the composer's controls: `targets.N.textVariant` on the variant
 * of the Nth target sent (see `targetChannelIds`), any other `targets…` on the channel picker, and the
 * rest on the control of the same name (`mediaUrls.2` → media URLs). Returns what matched nothing.
 */
export function applyPostFieldErrors(
  form: ComposerForm,
  fieldErrors: readonly FieldError[],
  sentChannelIds: readonly string[],
): FieldError[] {
  const rest: FieldError[] = [];
  const channelMessages: string[] = [];
  for (const fieldError of fieldErrors) {
    const target = TARGET_FIELD.exec(fieldError.field);
    const channelId = target ? sentChannelIds[Number(target[1])] : undefined;
    const variant = channelId ? form.controls.variants.controls[channelId] : undefined;
    if (target?.[2] === 'textVariant' && variant) {
      applyServerFieldErrors(form.controls.variants, [{ field: channelId ?? '', messages: fieldError.messages }]);
    } else if (fieldError.field === 'targets' || fieldError.field.startsWith('targets.')) {
      channelMessages.push(...fieldError.messages);
    } else {
      rest.push(fieldError);
    }
  }
  if (channelMessages.length > 0) rest.push({ field: 'channelIds', messages: channelMessages });
  return applyServerFieldErrors(form, rest);
}
