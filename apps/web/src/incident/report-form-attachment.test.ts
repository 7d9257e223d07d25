import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_BYTES,
  checkAttachmentFile,
  formatFileSize,
  uploadErrorKey,
} from './report-form-attachment';

const file = (name: string, size: number, type: string) => ({ name, size, type });

describe('client-side checks of an incident attachment (the API’s limits)', () => {
  it('accepts the allowed types, also when the browser declares no type', () => {
    expect(checkAttachmentFile(file('skärmbild.png', 2048, 'image/png'))).toBeNull();
    expect(checkAttachmentFile(file('FOTO.JPG', 2048, 'image/jpeg'))).toBeNull();
    expect(checkAttachmentFile(file('bild.heic', 2048, ''))).toBeNull();
    expect(checkAttachmentFile(file('brev.msg', 2048, 'application/octet-stream'))).toBeNull();
    expect(checkAttachmentFile(file('beslut.pdf', ATTACHMENT_MAX_BYTES, 'application/pdf'))).toBeNull();
  });

  it('refuses a file over the limit, an empty file and a type outside the list', () => {
    expect(checkAttachmentFile(file('stor.pdf', ATTACHMENT_MAX_BYTES + 1, 'application/pdf'))).toBe(
      'attachment.error.tooLarge',
    );
    expect(checkAttachmentFile(file('tom.txt', 0, 'text/plain'))).toBe('attachment.error.empty');
    expect(checkAttachmentFile(file('program.exe', 10, 'application/x-msdownload'))).toBe(
      'attachment.error.typeNotAllowed',
    );
    expect(checkAttachmentFile(file('utan-ändelse', 10, 'image/png'))).toBe(
      'attachment.error.typeNotAllowed',
    );
    expect(checkAttachmentFile(file('film.mp4', 10, 'video/mp4'))).toBe('attachment.error.typeNotAllowed');
  });

  it('refuses an extension that does not match the declared type', () => {
    expect(checkAttachmentFile(file('bild.png', 10, 'image/jpeg'))).toBe('attachment.error.typeMismatch');
    expect(checkAttachmentFile(file('bild.png', 10, 'image/png; charset=binary'))).toBeNull();
  });

  it('honours a smaller configured limit', () => {
    expect(checkAttachmentFile(file('a.txt', 11, 'text/plain'), 10)).toBe('attachment.error.tooLarge');
  });

  it('offers the allowed extensions and types to the file picker', () => {
    const accepted = ATTACHMENT_ACCEPT.split(',');
    for (const e of ['.png', '.jpg', '.heic', '.pdf', '.docx', '.xlsx', '.eml', '.msg', 'image/png'])
      expect(accepted).toContain(e);
    expect(accepted).not.toContain('.exe');
  });

  it('names the API’s refusals in the person’s words', () => {
    const refused = (status: number, code: string) => new ApiError(status, code, '', null, null);
    expect(uploadErrorKey(refused(413, 'ATTACHMENT_TOO_LARGE'))).toBe('attachment.error.tooLarge');
    expect(uploadErrorKey(refused(415, 'ATTACHMENT_TYPE_NOT_ALLOWED'))).toBe(
      'attachment.error.typeNotAllowed',
    );
    expect(uploadErrorKey(refused(422, 'ATTACHMENT_INFECTED'))).toBe('attachment.error.infected');
    expect(uploadErrorKey(refused(0, 'NETWORK_ERROR'))).toBe('attachment.error.failed');
    expect(uploadErrorKey(new Error('x'))).toBe('attachment.error.failed');
  });

  it('shows sizes in Swedish', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1,5 kB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB');
  });
});
