import { ApiError, CSRF_COOKIE } from '../api/client';
import type { MessageKey } from '../i18n/messages';

/**
 * The files an incident may carry, as the API allows them (libs/incident attachments/attachment-types.ts,
 * ADR 0013): the declared type and the extension must agree. The server also checks the first bytes.
 */
export const ATTACHMENT_TYPES: readonly { declared: readonly string[]; extensions: readonly string[] }[] = [
  { declared: ['application/pdf'], extensions: ['pdf'] },
  { declared: ['image/png'], extensions: ['png'] },
  { declared: ['image/jpeg', 'image/pjpeg'], extensions: ['jpg', 'jpeg'] },
  { declared: ['image/heic', 'image/heif'], extensions: ['heic', 'heif'] },
  { declared: ['image/gif'], extensions: ['gif'] },
  { declared: ['text/plain'], extensions: ['txt'] },
  { declared: ['text/csv'], extensions: ['csv'] },
  {
    declared: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    extensions: ['docx'],
  },
  { declared: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], extensions: ['xlsx'] },
  { declared: ['message/rfc822'], extensions: ['eml'] },
  { declared: ['application/vnd.ms-outlook'], extensions: ['msg'] },
];

/** The API's default limit (VARNA_ATTACHMENT_MAX_BYTES, 10 MiB); the server has the last word. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The file input's `accept`: every extension and declared type. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((t) => [
  ...t.extensions.map((e) => `.${e}`),
  ...t.declared,
]).join(',');

/**
 * Why this file cannot be attached, or null. The extension decides the type; a declared type, when
 * the browser gives one, must be that type's (phones often give none for HEIC or msg).
 */
export function checkAttachmentFile(
  file: Pick<File, 'name' | 'size' | 'type'>,
  maxBytes: number = ATTACHMENT_MAX_BYTES,
): MessageKey | null {
  if (file.size === 0) return 'attachment.error.empty';
  if (file.size > maxBytes) return 'attachment.error.tooLarge';
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const type = extension ? ATTACHMENT_TYPES.find((t) => t.extensions.includes(extension)) : undefined;
  if (!type) return 'attachment.error.typeNotAllowed';
  const declared = file.type.split(';')[0].trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && !type.declared.includes(declared))
    return 'attachment.error.typeMismatch';
  return null;
}

/** A failed upload in the person's words (the API's code decides). */
export function uploadErrorKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'attachment.error.failed';
  if (error.code === 'ATTACHMENT_TOO_LARGE' || error.status === 413) return 'attachment.error.tooLarge';
  if (error.code === 'ATTACHMENT_TYPE_NOT_ALLOWED' || error.status === 415)
    return 'attachment.error.typeNotAllowed';
  if (error.code === 'ATTACHMENT_INFECTED') return 'attachment.error.infected';
  return 'attachment.error.failed';
}

/** "12,3 kB" style sizes for the person (sv-SE decimals). */
export function formatFileSize(bytes: number): string {
  const format = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} kB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}

/** An incident's attachment as the API returns it (AttachmentDto). */
export interface Attachment {
  id: string;
  incidentId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  scanStatus: string;
  scanStatusLabel: string;
  uploadedById: string | null;
  uploadedByName: string | null;
  uploadedByMasked: boolean;
  uploadedAt: string;
  contentAvailable: boolean;
}

export const attachmentPath = (incidentId: string, attachmentId?: string) =>
  `/api/incidents/${encodeURIComponent(incidentId)}/attachments${
    attachmentId ? `/${encodeURIComponent(attachmentId)}` : ''
  }`;

function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * `POST /api/incidents/{id}/attachments` as multipart/form-data (field `file`). The JSON helper
 * cannot send a file, so this one does the same: cookie session, CSRF header, errors as ApiError.
 */
export async function uploadAttachment(incidentId: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  const csrf = csrfToken();
  let response: Response;
  try {
    response = await fetch(attachmentPath(incidentId), {
      method: 'POST',
      headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: form,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      error instanceof Error ? error.message : String(error),
      null,
      null,
    );
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const body = (typeof data === 'object' && data !== null ? data : {}) as {
      code?: string;
      message?: string;
      correlationId?: string;
      details?: unknown;
    };
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? response.statusText,
      body.correlationId ?? response.headers.get('x-request-id'),
      body.details ?? null,
    );
  }
  return data as Attachment;
}
