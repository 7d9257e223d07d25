import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import { AttachmentDto, AttachmentListDto } from './attachment.dto';
import { toAttachmentDto } from './attachment.mapper';
import { AttachmentService } from './attachment.service';
import { contentDisposition } from './attachment-types';
import { AttachmentUploadInterceptor, type UploadedAttachment } from './attachment-upload.interceptor';

@ApiTags('incidents')
@Controller('incidents/:id/attachments')
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  @Post()
  @Can('create', 'IncidentAttachment')
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description:
            'PDF, PNG, JPEG, HEIC, GIF, TXT, CSV, DOCX, XLSX, EML or MSG; the declared type, the extension and the first bytes must agree',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiNotFoundResponse()
  @ApiPayloadTooLargeResponse({ description: 'ATTACHMENT_TOO_LARGE (VARNA_ATTACHMENT_MAX_BYTES)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'ATTACHMENT_TYPE_NOT_ALLOWED' })
  @ApiUnprocessableEntityResponse({ description: 'ATTACHMENT_INFECTED: nothing stored' })
  async add(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @UploadedFile() file: UploadedAttachment | undefined,
  ): Promise<AttachmentDto> {
    const { attachment, access } = await this.attachments.add(p, id, file);
    return toAttachmentDto(attachment, access);
  }

  @Get()
  @Can('read', 'IncidentAttachment')
  @ApiOkResponse({ type: AttachmentListDto })
  @ApiNotFoundResponse()
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<AttachmentListDto> {
    const { items, access } = await this.attachments.list(p, id);
    return { items: items.map((a) => toAttachmentDto(a, access)) };
  }

  @Get(':attachmentId')
  @Can('read', 'IncidentAttachment')
  // The stored type is served as it is, never sniffed; the browser saves the file instead of showing it.
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse()
  async download(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('attachmentId', UUID_PARAM) attachmentId: string,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.download(p, id, attachmentId);
    return new StreamableFile(content, {
      type: attachment.contentType,
      length: content.length,
      disposition: contentDisposition(attachment.fileName),
    });
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @Can('delete', 'IncidentAttachment')
  @ApiNoContentResponse({ description: 'Removed; the timeline records it' })
  @ApiNotFoundResponse()
  async remove(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('attachmentId', UUID_PARAM) attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(p, id, attachmentId);
  }
}
