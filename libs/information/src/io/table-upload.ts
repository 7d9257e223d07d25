import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import { badRequest } from '@varna/core';
import { SpreadsheetErrors, TABLE_LIMITS } from '@varna/spreadsheet';
import { catchError, type Observable } from 'rxjs';

/** The uploaded file as multer hands it over (memory storage). */
export interface UploadedTable {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export const UploadErrors = {
  missing: () =>
    badRequest(
      'IMPORT_FILE_MISSING',
      'Skicka filen som multipart/form-data i fältet "file" (Excel .xlsx eller CSV).',
    ),
};

/** multer's refusals (file too large, another field) as the import's own coded errors. */
@Injectable()
class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((e: unknown) => {
        if (e instanceof HttpException && e.getStatus() === 413) throw SpreadsheetErrors.tooLarge();
        if (e instanceof HttpException && e.getStatus() === 400) throw UploadErrors.missing();
        throw e;
      }),
    );
  }
}

/**
 * An import route: one file in the multipart field `file`, XLSX or CSV (told apart by content),
 * at most TABLE_LIMITS.maxBytes (larger: 413 IMPORT_FILE_TOO_LARGE, before the body is buffered).
 */
export function TableUpload(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(
      UploadErrorsInterceptor,
      FileInterceptor('file', { limits: { fileSize: TABLE_LIMITS.maxBytes, files: 1 } }),
    ),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      description:
        'The register as Excel (.xlsx, the first worksheet) or CSV (UTF-8, with or without BOM; `;` or `,` ' +
        'separated, detected from the header line). Row 1 holds the Swedish column headers of the export. ' +
        `At most ${TABLE_LIMITS.maxBytes / 1024 / 1024} MB and ${TABLE_LIMITS.maxRows} rows.`,
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      },
    }),
    ApiPayloadTooLargeResponse({ description: 'IMPORT_FILE_TOO_LARGE' }),
  );
}
