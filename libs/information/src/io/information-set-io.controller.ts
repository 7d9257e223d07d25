import { Controller, Get, Post, Query, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import type { Response } from 'express';
import { ExportInformationSetsQueryDto, ImportErrorDto, ImportResultDto } from './register-io.dto';
import { RegisterExportService, type ExportFile } from './register-export.service';
import { RegisterImportService } from './register-import.service';
import { TableUpload, UploadErrors, type UploadedTable } from './table-upload';

export const SPREADSHEET_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
] as const;

/** Sends an export as a download. */
export function download(res: Response, file: ExportFile): StreamableFile {
  res.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
  return new StreamableFile(file.buffer, { type: file.contentType, length: file.buffer.length });
}

export const IMPORT_INVALID_RESPONSE = ApiBadRequestResponse({
  description:
    'IMPORT_INVALID: `details` lists every problem as {row, column, message} (ImportErrorDto) and nothing is ' +
    'written; IMPORT_FILE_MISSING, IMPORT_FILE_UNREADABLE, IMPORT_TOO_MANY_ROWS',
});

/**
 * Informationsmängdsförteckning as XLSX or CSV (§4a "Reports and exports"), and its import. Declared
 * before the register's own controller so that `export` is not taken for an id.
 */
@ApiTags('information-sets')
@ApiExtraModels(ImportErrorDto)
@Controller('information-sets')
export class InformationSetIoController {
  constructor(
    private readonly exports: RegisterExportService,
    private readonly imports: RegisterImportService,
  ) {}

  @Get('export')
  @Can('export', 'InformationSet')
  @ApiProduces(...SPREADSHEET_TYPES)
  @ApiOkResponse({
    description: 'The sets the caller may export, with the list’s filters; Swedish headers and labels',
    schema: { type: 'string', format: 'binary' },
  })
  async export(
    @CurrentPrincipal() p: Principal,
    @Query() { format, ...filters }: ExportInformationSetsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return download(res, await this.exports.exportInformationSets(p, filters, format ?? 'xlsx'));
  }

  @Post('import')
  @Can('create', 'InformationSet')
  @TableUpload()
  @ApiCreatedResponse({ type: ImportResultDto })
  @IMPORT_INVALID_RESPONSE
  async import(
    @CurrentPrincipal() p: Principal,
    @UploadedFile() file: UploadedTable | undefined,
  ): Promise<ImportResultDto> {
    if (!file) throw UploadErrors.missing();
    return this.imports.importInformationSets(p, file.buffer);
  }
}
