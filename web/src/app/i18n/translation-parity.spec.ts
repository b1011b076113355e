import { LOCALES } from '@kadens/shared/contracts';
import { describeTranslationParity } from '@kadens/web/ui/testing';

import { readAllTranslations } from './translation-files.testing';

describeTranslationParity(null);

describe('translation files', () => {
  it('exist for every language Kadens speaks', () => {
    expect(Object.keys(readAllTranslations()).sort()).toEqual([...LOCALES].sort());
  });
});
