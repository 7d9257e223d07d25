import { Controller, Get, Post, Query, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import type { Response } from 'express';
import { download, IMPORT_INVALID_RESPONSE, SPREADSHEET_TYPES } from './information-set-io.controller';
import { ExportAssetsQueryDto, ImportErrorDto, ImportResultDto } from './register-io.dto';
import { RegisterExportService } from './register-export.service';
import { RegisterImportService } from './register-import.service';
import { TableUpload, UploadErrors, type UploadedTable } from './table-upload';

/**
 * Tillgångsförteckning as XLSX or CSV, and its import (an inventory import may create ACTIVE assets,
 * D-53; linked sets by code). Declared before the register's own controller.
 */
@ApiTags('assets')
@ApiExtraModels(ImportErrorDto)
@Controller('assets')
export class AssetIoController {
  constructor(
    private readonly exports: RegisterExportService,
    private readonly imports: RegisterImportService,
  ) {}

  @Get('export')
  @Can('export', 'Asset')
  @ApiProduces(...SPREADSHEET_TYPES)
  @ApiOkResponse({
    description: 'The assets the caller may export, with the list’s filters; linked sets as "IM-09 (Lagrar)"',
    schema: { type: 'string', format: 'binary' },
  })
  async export(
    @CurrentPrincipal() p: Principal,
    @Query() { format, ...filters }: ExportAssetsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return download(res, await this.exports.exportAssets(p, filters, format ?? 'xlsx'));
  }

  @Post('import')
  @Can('create', 'Asset')
  @TableUpload()
  @ApiCreatedResponse({ type: ImportResultDto })
  @IMPORT_INVALID_RESPONSE
  async import(
    @CurrentPrincipal() p: Principal,
    @UploadedFile() file: UploadedTable | undefined,
  ): Promise<ImportResultDto> {
    if (!file) throw UploadErrors.missing();
    return this.imports.importAssets(p, file.buffer);
  }
}
