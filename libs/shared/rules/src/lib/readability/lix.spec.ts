import { DEFAULT_READABILITY_TARGET, isAboveTarget, isLixLocale, lixBand, lixOf, readabilityTarget } from './lix';

describe('LIX', () => {
  it('counts a plain Norwegian text: 8 words, 2 sentences, 2 long words → 8/2 + 100·2/8 = 29', () => {
    // Biblioteket(11) har åpent i dag. | Velkommen(9) til alle!
    const result = lixOf('Biblioteket har åpent i dag. Velkommen til alle!');
    expect(result).toMatchObject({ words: 8, sentences: 2, longWords: 2, lix: 29, band: 'very_easy' });
    expect(result?.exact).toBeCloseTo(29, 6);
  });

  it('counts a difficult Swedish text: 10 words, 2 sentences, 6 long words → 5 + 60 = 65', () => {
    // Kommunfullmäktige beslutade förändringar verksamhetsplanen | Medborgardialogen genomförs are long; hösten has 6 letters.
    const result = lixOf('Kommunfullmäktige beslutade om förändringar i verksamhetsplanen. Medborgardialogen genomförs under hösten.');
    expect(result).toMatchObject({ words: 10, sentences: 2, longWords: 6, lix: 65, band: 'very_difficult' });
  });

  it('leaves out URLs, hashtags, mentions and numbers, and lets abbreviations and ordinals run on', () => {
    // 1: Vi har bl.a bøker spill o.l for barn (8) | 2: Åpent kl den desember (4, desember long) | 3: Les mer på (3).
    // 15 words, 3 sentences, 1 long → 5 + 100/15 = 11.67
    const text =
      'Vi har bl.a. bøker, spill o.l. for barn. Åpent kl. 10–16 den 7. desember! Les mer på https://fjordvik.no/bibliotek #sommerlesing @fjordvik';
    const result = lixOf(text);
    expect(result).toMatchObject({ words: 15, sentences: 3, longWords: 1, lix: 12 });
    expect(result?.exact).toBeCloseTo(5 + 100 / 15, 6);
  });

  it('reads Danish "f.eks." as one short word that does not end the sentence', () => {
    // Tag f.eks en bog med hjem (6) | Det er gratis (3): 9 / 2 + 0 = 4.5
    expect(lixOf('Tag f.eks. en bog med hjem. Det er gratis.')).toMatchObject({ words: 9, sentences: 2, longWords: 0, exact: 4.5 });
  });

  it('ends a sentence at a line break, ? ! : and an ellipsis', () => {
    // Sommerles | Påmelding i skranken: 4 words, 2 sentences, 3 long → 2 + 75
    expect(lixOf('Sommerles\nPåmelding i skranken')).toMatchObject({ words: 4, sentences: 2, longWords: 3, lix: 77 });
    expect(lixOf('Kommer du? Ja!')?.sentences).toBe(2);
    expect(lixOf('Husk: ta med lånekort')?.sentences).toBe(2);
    expect(lixOf('Vent litt... Så kommer det.')?.sentences).toBe(2);
    expect(lixOf('Ingen punktum her')?.sentences).toBe(1);
    expect(lixOf('Hei.\n\nHa en fin dag.')?.sentences).toBe(2);
  });

  it('counts only letters towards a word’s length and joins hyphenated words', () => {
    // e-post (5 letters, one word), 12-åringer (7 letters: long), lånekort (8: long)
    expect(lixOf('Send e-post om 12-åringer med lånekort.')).toMatchObject({ words: 6, longWords: 2 });
  });

  it('gives nothing for a text without words', () => {
    expect(lixOf('')).toBeNull();
    expect(lixOf('  2026 12.30 https://fjordvik.no #fjordvik @kommune 🎉')).toBeNull();
  });

  it('puts a boundary value in the band above', () => {
    expect([29.9, 30, 39.9, 40, 50, 60, 75].map(lixBand)).toEqual([
      'very_easy',
      'easy',
      'easy',
      'medium',
      'difficult',
      'very_difficult',
      'very_difficult',
    ]);
  });

  it('is meant for nb, da and sv, and uses the organisation’s target or 40', () => {
    expect(['nb', 'da', 'sv', 'en', null].map(isLixLocale)).toEqual([true, true, true, false, false]);
    expect(readabilityTarget(null)).toBe(DEFAULT_READABILITY_TARGET);
    expect(readabilityTarget(35)).toBe(35);
    const result = lixOf('Kommunfullmäktige beslutade om förändringar i verksamhetsplanen.');
    expect(result && isAboveTarget(result, 40)).toBe(true);
    expect(isAboveTarget({ lix: 40, exact: 40.4, words: 1, sentences: 1, longWords: 0, band: 'medium' }, 40)).toBe(false);
  });
});
