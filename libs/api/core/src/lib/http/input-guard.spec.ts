import { findInputProblem, MAX_INPUT_DEPTH, unstorableText } from './input-guard';

describe('findInputProblem', () => {
  it.each([
    [{ email: 'a\u0000b' }, 'email', 'invalid_characters'],
    [{ targets: [{ channelId: 'x' }, { body: 'x\ud800y' }] }, 'targets.1.body', 'invalid_characters'],
    [{ note: '\udc00 trailing low' }, 'note', 'invalid_characters'],
    [{ a: { 'b\u0000': 1 } }, 'a', 'invalid_characters'],
    [JSON.parse('{"a":{"__proto__":{"admin":true}}}'), 'a.__proto__', 'forbidden_key'],
    [{ constructor: { prototype: {} } }, 'constructor', 'forbidden_key'],
    ['x\u0000', 'body', 'invalid_characters'],
  ])('refuses %j, naming %s', (value, field, code) => {
    expect(findInputProblem(value, 'body')).toMatchObject({ field, code });
  });

  it('accepts well-formed text, emoji (surrogate pairs) included, and ordinary nesting', () => {
    expect(findInputProblem({ title: 'Bølgeby 🌊', targets: [{ body: 'hei 👋🏽' }], n: 1, ok: true, none: null }, 'body')).toBeNull();
    expect(findInputProblem(undefined, 'body')).toBeNull();
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH}, naming the root, without overflowing the stack`, () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findInputProblem({ a: deep }, 'body')).toMatchObject({ field: 'body', code: 'too_deeply_nested' });
    let edge: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) edge = [edge];
    expect(findInputProblem(edge, 'body')).toBeNull();
    expect(findInputProblem([edge], 'body')).toMatchObject({ code: 'too_deeply_nested' });
  });

  it('explains the problem in words', () => {
    expect(unstorableText('a\u0000')).toMatch(/NUL/);
    expect(unstorableText('\ud800')).toMatch(/surrogate/);
    expect(unstorableText('\ud83d\ude00')).toBeNull();
  });
});
