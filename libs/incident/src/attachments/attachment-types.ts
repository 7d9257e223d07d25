/**
 * The file types an incident may carry (ADR 0013): the declared type, the file name's extension
 * and, where the format has them, the first bytes must all agree. Text formats have no magic
 * bytes; they are refused when they contain a NUL byte (a binary file declared as text).
 */
export interface AllowedType {
  /** Stored and served as this type. */
  contentType: string;
  /** Declared types accepted for it (browsers differ). */
  declared: readonly string[];
  extensions: readonly string[];
  label: string;
  matches: (content: Buffer) => boolean;
}

const startsWith =
  (...signatures: (string | number[])[]) =>
  (content: Buffer) =>
    signatures.some((s) => {
      const bytes = typeof s === 'string' ? Buffer.from(s, 'latin1') : Buffer.from(s);
      return content.length >= bytes.length && content.subarray(0, bytes.length).equals(bytes);
    });

/** HEIC/HEIF: an ISO base media file whose `ftyp` box names a HEIF brand. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const isHeif = (content: Buffer) =>
  content.length >= 12 &&
  content.subarray(4, 8).toString('latin1') === 'ftyp' &&
  HEIF_BRANDS.has(content.subarray(8, 12).toString('latin1'));

const isText = (content: Buffer) => !content.includes(0);

/** ZIP container (docx, xlsx are Office Open XML packages). */
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);
/** OLE compound file (Outlook .msg). */
const OLE = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const ALLOWED_TYPES: readonly AllowedType[] = [
  {
    contentType: 'application/pdf',
    declared: ['application/pdf'],
    extensions: ['pdf'],
    label: 'PDF',
    matches: startsWith('%PDF-'),
  },
  {
    contentType: 'image/png',
    declared: ['image/png'],
    extensions: ['png'],
    label: 'PNG',
    matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    contentType: 'image/jpeg',
    declared: ['image/jpeg', 'image/pjpeg'],
    extensions: ['jpg', 'jpeg'],
    label: 'JPEG',
    matches: startsWith([0xff, 0xd8, 0xff]),
  },
  {
    contentType: 'image/heic',
    declared: ['image/heic', 'image/heif'],
    extensions: ['heic', 'heif'],
    label: 'HEIC',
    matches: isHeif,
  },
  {
    contentType: 'image/gif',
    declared: ['image/gif'],
    extensions: ['gif'],
    label: 'GIF',
    matches: startsWith('GIF87a', 'GIF89a'),
  },
  {
    contentType: 'text/plain',
    declared: ['text/plain'],
    extensions: ['txt'],
    label: 'Text',
    matches: isText,
  },
  { contentType: 'text/csv', declared: ['text/csv'], extensions: ['csv'], label: 'CSV', matches: isText },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    declared: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    extensions: ['docx'],
    label: 'Word (docx)',
    matches: ZIP,
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    declared: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    extensions: ['xlsx'],
    label: 'Excel (xlsx)',
    matches: ZIP,
  },
  {
    contentType: 'message/rfc822',
    declared: ['message/rfc822'],
    extensions: ['eml'],
    label: 'E-post (eml)',
    matches: isText,
  },
  {
    contentType: 'application/vnd.ms-outlook',
    declared: ['application/vnd.ms-outlook'],
    extensions: ['msg'],
    label: 'Outlook (msg)',
    matches: OLE,
  },
];

/** `Text/Plain; charset=utf-8` → `text/plain`. */
export function normaliseContentType(declared: string): string {
  return declared.split(';')[0].trim().toLowerCase();
}

export type TypeCheck =
  | { ok: true; type: AllowedType }
  | { ok: false; reason: 'TYPE_NOT_ALLOWED' | 'EXTENSION_MISMATCH' | 'CONTENT_MISMATCH' };

/** Whether a file of this declared type, name and content may be stored, and as what. */
export function checkAttachmentType(declared: string, fileName: string, content: Buffer): TypeCheck {
  const type = ALLOWED_TYPES.find((t) => t.declared.includes(normaliseContentType(declared)));
  if (!type) return { ok: false, reason: 'TYPE_NOT_ALLOWED' };
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!extension || !type.extensions.includes(extension)) return { ok: false, reason: 'EXTENSION_MISMATCH' };
  if (!type.matches(content)) return { ok: false, reason: 'CONTENT_MISMATCH' };
  return { ok: true, type };
}

/**
 * The name to store: the last path segment, without control characters, at most 255 characters
 * (the extension kept). Multer already drops the path; this also covers a client that does not.
 */
export function cleanFileName(original: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (original.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base.length <= 255) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 16 ? base.slice(dot) : '';
  return base.slice(0, 255 - extension.length) + extension;
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback for old clients and
 * the exact name for the rest; quotes and backslashes never reach the quoted form.
 */
export function contentDisposition(fileName: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
