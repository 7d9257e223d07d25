import { describe, expect, it } from 'vitest';
import {
  checkAttachmentType,
  cleanFileName,
  contentDisposition,
  normaliseContentType,
} from './attachment-types';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);

describe('checkAttachmentType', () => {
  it('needs the declared type, the extension and the first bytes to agree', () => {
    expect(checkAttachmentType('image/png', 'a.PNG', PNG)).toMatchObject({
      ok: true,
      type: { contentType: 'image/png' },
    });
    expect(checkAttachmentType('image/png', 'a.jpg', PNG)).toEqual({
      ok: false,
      reason: 'EXTENSION_MISMATCH',
    });
    expect(checkAttachmentType('image/png', 'png', PNG)).toEqual({ ok: false, reason: 'EXTENSION_MISMATCH' });
    expect(checkAttachmentType('image/png', 'a.png', Buffer.from('GIF89a'))).toEqual({
      ok: false,
      reason: 'CONTENT_MISMATCH',
    });
    expect(checkAttachmentType('application/octet-stream', 'a.png', PNG)).toEqual({
      ok: false,
      reason: 'TYPE_NOT_ALLOWED',
    });
    expect(checkAttachmentType('text/html', 'a.txt', Buffer.from('x'))).toEqual({
      ok: false,
      reason: 'TYPE_NOT_ALLOWED',
    });
  });

  it('accepts text without magic bytes, but not with a NUL byte; HEIC by its ftyp brand', () => {
    expect(checkAttachmentType('Text/Plain; charset=UTF-8', 'logg.txt', Buffer.from('åäö')).ok).toBe(true);
    expect(checkAttachmentType('text/plain', 'logg.txt', Buffer.from([0x41, 0x00])).ok).toBe(false);
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'latin1')]);
    expect(checkAttachmentType('image/heif', 'bild.heic', heic).ok).toBe(true);
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1')]);
    expect(checkAttachmentType('image/heic', 'bild.heic', mp4).ok).toBe(false);
  });

  it('normalises the declared type', () => {
    expect(normaliseContentType(' Image/JPEG ; q=1')).toBe('image/jpeg');
  });
});

describe('file names', () => {
  it('keeps the last path segment, without control characters, at most 255 characters with the extension', () => {
    expect(cleanFileName('C:\\Users\\emma\\Skärmdump.png')).toBe('Skärmdump.png');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    const long = cleanFileName(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('writes an RFC 6266 disposition with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Brev "till" IMY åäö.pdf')).toBe(
      `attachment; filename="Brev _till_ IMY ___.pdf"; filename*=UTF-8''Brev%20%22till%22%20IMY%20%C3%A5%C3%A4%C3%B6.pdf`,
    );
  });
});
