import { camelCaseSuggestions, needsCamelCase } from './hashtags';

describe('CamelCase for hashtags', () => {
  it('suggests long tags in lower case, each once, and leaves the rest alone', () => {
    const text =
      'Les! #sommerlesing #SommerLesing #fjordvikkommune #jul #biblioteket #fjordvik_kommune #valg2027 #sommerlesing ' +
      'https://fjordvik.no/#ankerlenkeheltlang e-post#ikkeenemerkelapp';
    expect(camelCaseSuggestions(text)).toEqual([{ tag: '#sommerlesing' }, { tag: '#fjordvikkommune' }]);
  });

  it('counts letters, not bytes, and knows æøå and äö', () => {
    expect(needsCamelCase('høstferieåpent')).toBe(true);
    expect(needsCamelCase('läsfrämjande')).toBe(true); // 12 letters
    expect(needsCamelCase('biblioteket')).toBe(false); // 11 letters
    expect(needsCamelCase('HøstferieÅpent')).toBe(false);
  });
});
