import { badRequest, DomainError, forbidden, notFound } from '@varna/core';
import { ALLOWED_TYPES } from './attachment-types';

const ALLOWED = ALLOWED_TYPES.map((t) => t.label).join(', ');

export const AttachmentErrors = {
  notFound: () => notFound('ATTACHMENT_NOT_FOUND', 'Bilagan finns inte eller ligger utanför din behörighet.'),
  fileRequired: () =>
    badRequest('ATTACHMENT_FILE_REQUIRED', 'Skicka filen som multipart/form-data i fältet "file".', [
      { field: 'file', messages: ['En fil krävs.'] },
    ]),
  uploadInvalid: (message: string) =>
    badRequest('ATTACHMENT_UPLOAD_INVALID', `Uppladdningen kunde inte läsas: ${message}`),
  nameInvalid: () =>
    badRequest('ATTACHMENT_NAME_INVALID', 'Filen saknar namn.', [
      { field: 'file', messages: ['Filen saknar namn.'] },
    ]),
  tooLarge: (maxBytes: number) =>
    new DomainError(
      'PAYLOAD_TOO_LARGE',
      'ATTACHMENT_TOO_LARGE',
      `Filen är för stor. Största tillåtna storlek är ${formatBytes(maxBytes)}.`,
      { maxBytes },
    ),
  typeNotAllowed: (reason: string) =>
    new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      reason === 'CONTENT_MISMATCH'
        ? 'Filens innehåll stämmer inte med den angivna filtypen.'
        : reason === 'EXTENSION_MISMATCH'
          ? 'Filnamnets ändelse stämmer inte med den angivna filtypen.'
          : `Filtypen är inte tillåten. Tillåtna: ${ALLOWED}.`,
      {
        reason,
        allowed: ALLOWED_TYPES.map((t) => ({ contentType: t.contentType, extensions: t.extensions })),
      },
    ),
  infected: () =>
    new DomainError(
      'UNPROCESSABLE',
      'ATTACHMENT_INFECTED',
      'Virskontrollen hittade skadlig kod i filen. Den har inte sparats.',
    ),
  contentRestricted: () =>
    forbidden(
      'ATTACHMENT_CONTENT_RESTRICTED',
      'Incidenten har sekretessmarkerade uppgifter: bilagornas innehåll visas bara för den som handlägger den.',
    ),
};

/** 10 MiB → "10 MB" (binary megabytes, as file managers show them), Swedish decimals. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} kB`;
  return `${bytes} byte`;
}
