import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListAssetsQueryDto } from '../dto/asset.dto';
import { ListInformationSetsQueryDto } from '../dto/information-set.dto';

const FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** The list's filters without paging (an export holds every matching row) and the file format. */
export class ExportInformationSetsQueryDto extends OmitType(ListInformationSetsQueryDto, [
  'limit',
  'offset',
]) {
  @ApiPropertyOptional({ enum: FORMATS, default: 'xlsx', description: 'xlsx, or csv (UTF-8 with BOM, `;`)' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: ExportFormat;
}

export class ExportAssetsQueryDto extends OmitType(ListAssetsQueryDto, ['limit', 'offset']) {
  @ApiPropertyOptional({ enum: FORMATS, default: 'xlsx', description: 'xlsx, or csv (UTF-8 with BOM, `;`)' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: ExportFormat;
}

/** What an import created (every row of the file, or nothing). */
export class ImportResultDto {
  @ApiProperty() created: number;
  @ApiProperty({ type: [String], description: 'The codes created, in file order' }) codes: string[];
}

/** One problem of a refused import (400 IMPORT_INVALID, in `details`). */
export class ImportErrorDto {
  @ApiProperty({ description: 'Row as in Excel: the header is row 1' }) row: number;
  @ApiProperty({ nullable: true, type: String, description: 'Column header, as in the file' }) column:
    string | null;
  @ApiProperty() message: string;
}
