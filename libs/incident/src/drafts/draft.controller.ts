import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import { contentDisposition } from '../attachments/attachment-types';
import { DraftService, type DraftKind } from './draft.service';

const PDF = {
  description: 'The draft (PDF, "Utkast" on every page)',
  schema: { type: 'string', format: 'binary' },
};

/**
 * Regulator drafts of one incident (ADR 0013). The guard asks for `read RegulatoryObligation` (every
 * role that may export incidents or prepare a notification has it); the service decides per draft.
 */
@ApiTags('incidents')
@Controller('incidents/:id/drafts')
export class DraftController {
  constructor(private readonly drafts: DraftService) {}

  @Get('imy-notification.pdf')
  @Can('read', 'RegulatoryObligation')
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'DRAFT_REGIME_NOT_APPLICABLE: not a personal data breach' })
  @Header('Cache-Control', 'private, no-store')
  imyNotification(@CurrentPrincipal() p: Principal, @Param('id', UUID_PARAM) id: string) {
    return this.render(p, id, 'imy-notification');
  }

  @Get('csirt-early-warning.pdf')
  @Can('read', 'RegulatoryObligation')
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'DRAFT_REGIME_NOT_APPLICABLE: the cyber act does not apply' })
  @Header('Cache-Control', 'private, no-store')
  csirtEarlyWarning(@CurrentPrincipal() p: Principal, @Param('id', UUID_PARAM) id: string) {
    return this.render(p, id, 'csirt-early-warning');
  }

  @Get('csirt-notification.pdf')
  @Can('read', 'RegulatoryObligation')
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'DRAFT_REGIME_NOT_APPLICABLE: the cyber act does not apply' })
  @Header('Cache-Control', 'private, no-store')
  csirtNotification(@CurrentPrincipal() p: Principal, @Param('id', UUID_PARAM) id: string) {
    return this.render(p, id, 'csirt-notification');
  }

  @Get('csirt-intermediate-report.pdf')
  @Can('read', 'RegulatoryObligation')
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'DRAFT_REGIME_NOT_APPLICABLE: the cyber act does not apply' })
  @Header('Cache-Control', 'private, no-store')
  csirtIntermediateReport(@CurrentPrincipal() p: Principal, @Param('id', UUID_PARAM) id: string) {
    return this.render(p, id, 'csirt-intermediate-report');
  }

  @Get('csirt-progress-report.pdf')
  @Can('read', 'RegulatoryObligation')
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'DRAFT_REGIME_NOT_APPLICABLE: the cyber act does not apply' })
  @Header('Cache-Control', 'private, no-store')
  csirtProgressReport(@CurrentPrincipal() p: Principal, @Param('id', UUID_PARAM) id: string) {
    return this.render(p, id, 'csirt-progress-report');
  }

  @Get('csirt-final-report.pdf')
  @Can('read', 'RegulatoryObligation')
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'DRAFT_REGIME_NOT_APPLICABLE: the cyber act does not apply' })
  @Header('Cache-Control', 'private, no-store')
  csirtFinalReport(@CurrentPrincipal() p: Principal, @Param('id', UUID_PARAM) id: string) {
    return this.render(p, id, 'csirt-final-report');
  }

  private async render(p: Principal, id: string, kind: DraftKind): Promise<StreamableFile> {
    const { pdf, fileName } = await this.drafts.render(p, id, kind);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      length: pdf.length,
      disposition: contentDisposition(fileName),
    });
  }
}
