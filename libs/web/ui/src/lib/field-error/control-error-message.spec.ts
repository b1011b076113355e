import { controlErrorMessage } from './control-error-message';

describe('controlErrorMessage', () => {
  it.each([
    [null, null],
    [{ required: true }, { kind: 'key', key: 'validation.required' }],
    [{ email: true }, { kind: 'key', key: 'validation.email' }],
    [{ minlength: { requiredLength: 10, actualLength: 3 } }, { kind: 'key', key: 'validation.minLength', params: { min: 10 } }],
    [{ maxlength: { requiredLength: 80, actualLength: 90 } }, { kind: 'key', key: 'validation.maxLength', params: { max: 80 } }],
    [{ pattern: { requiredPattern: '^x$' } }, { kind: 'key', key: 'validation.pattern' }],
    [{ timeZone: true }, { kind: 'key', key: 'validation.timeZone' }],
    [{ messageKey: 'errors.code.already_member' }, { kind: 'key', key: 'errors.code.already_member' }],
  ])('%j → %j', (errors, expected) => {
    expect(controlErrorMessage(errors)).toEqual(expected);
  });

  it('lets a field say what its pattern means', () => {
    expect(controlErrorMessage({ pattern: {} }, 'validation.slug')).toEqual({ kind: 'key', key: 'validation.slug' });
  });

  it('shows the API’s own messages before anything else', () => {
    expect(controlErrorMessage({ required: true, server: ['slug is taken', 'try another'] })).toEqual({
      kind: 'text',
      text: 'slug is taken try another',
    });
  });
});
