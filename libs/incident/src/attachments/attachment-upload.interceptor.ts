import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { VarnaConfig } from '@varna/config';
import type { Observable } from 'rxjs';
import { AttachmentErrors } from './attachment.errors';

/** The part of multer's file the upload reads (multer ships without type declarations here). */
export interface UploadedAttachment {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * Nest's FileInterceptor for the one field `file`, in memory, limited to `attachmentMaxBytes`, one
 * file and no other parts; multer's refusals become the coded errors (413 ATTACHMENT_TOO_LARGE,
 * 400 ATTACHMENT_UPLOAD_INVALID). A body that is not multipart passes with no file, which the
 * service refuses after the access checks (so a caller out of reach still gets 404).
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly inner: NestInterceptor;

  constructor(private readonly config: VarnaConfig) {
    // No `dest` and no `storage`: multer keeps the file in memory (its MemoryStorage).
    const Multer = FileInterceptor('file', {
      defParamCharset: 'utf8',
      limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 0, parts: 1 },
    });
    this.inner = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.inner.intercept(context, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException)
        throw AttachmentErrors.tooLarge(this.config.attachmentMaxBytes);
      if (err instanceof BadRequestException || err instanceof UnsupportedMediaTypeException) {
        throw AttachmentErrors.uploadInvalid(err.message);
      }
      throw err;
    }
  }
}
