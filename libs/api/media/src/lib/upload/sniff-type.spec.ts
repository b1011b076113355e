import { sniffMediaType } from './sniff-type';

const box = (type: string, brand = '') => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(type + brand, 'latin1'), Buffer.alloc(8)]);

describe('sniffMediaType', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['GIF', Buffer.from('GIF89a\x01\x00', 'latin1'), 'image/gif'],
    ['WebP', Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'), 'image/webp'],
    ['MP4', box('ftyp', 'isom'), 'video/mp4'],
    ['MOV', box('ftyp', 'qt  '), 'video/quicktime'],
    ['old QuickTime', box('moov'), 'video/quicktime'],
  ])('knows %s by its bytes', (_name, head, mimeType) => {
    expect(sniffMediaType(head)?.mimeType).toBe(mimeType);
  });

  it.each([
    ['text', Buffer.from('hello world, not an image')],
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ', 'latin1')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['too short', Buffer.from([0xff, 0xd8])],
  ])('refuses %s', (_name, head) => expect(sniffMediaType(head)).toBeNull());
});
