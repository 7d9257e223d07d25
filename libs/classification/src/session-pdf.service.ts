import { Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@varna/authz';
import { VarnaConfig } from '@varna/config';
import { Clock } from '@varna/core';
import { EMPTY_VALUE, renderPdf, stockholmDateTime, type PdfBlock } from '@varna/documents';
import { TenantEntity } from '@varna/organisation';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLASSIFICATION_STATUS_LABELS } from './domain';
import { sessionSubject } from './session-access';
import { SESSION_STATUS_LABELS } from './session.domain';
import { ClassificationSessionService } from './session.service';

/**
 * The protokoll of a klassningstillfälle (Swedish, through libs/documents): when and where, who led
 * and took part, each set with how far its classification got in the session, and the minutes.
 * Marked "Utkast" until the session is closed.
 */
@Injectable()
export class ClassificationSessionPdfService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: ClassificationSessionService,
    private readonly config: VarnaConfig,
    private readonly clock: Clock,
  ) {}

  async render(principal: Principal, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    const { session, sets, classifications, people } = await this.sessions.detail(principal, id);
    assertCan(principal.ability, 'export', 'ClassificationSession', sessionSubject(session));
    const tenant = await this.dataSource.manager.findOneByOrFail(TenantEntity, { id: session.tenantId });
    const blocks: PdfBlock[] = [
      {
        type: 'section',
        heading: 'Uppgifter om tillfället',
        rows: [
          { label: 'Klassningstillfälle', value: session.code },
          { label: 'Rubrik', value: session.title },
          {
            label: 'Enhet',
            value: session.orgUnit ? `${session.orgUnit.code} ${session.orgUnit.name}` : null,
          },
          { label: 'Status', value: SESSION_STATUS_LABELS[session.status].sv },
          { label: 'Planerat till', value: stockholmDateTime(session.plannedAt) },
          { label: 'Genomfört', value: session.heldAt ? stockholmDateTime(session.heldAt) : null },
          { label: 'Leds av', value: session.ledBy?.displayName },
          {
            label: 'Deltagare',
            value: session.participantIds
              .map((p) => people.get(p) ?? '')
              .filter(Boolean)
              .join(', '),
          },
        ],
      },
      {
        type: 'section',
        heading: 'Informationsmängder',
        rows: sets.map((s) => {
          const made = classifications.filter((c) => c.informationSetId === s.id);
          const latest = made.at(-1);
          return {
            label: s.code,
            value: `${s.name}: ${latest ? CLASSIFICATION_STATUS_LABELS[latest.status].sv : 'ingen klassning påbörjad vid tillfället'}`,
          };
        }),
      },
      { type: 'section', heading: 'Protokoll', paragraphs: [session.minutes?.trim() || EMPTY_VALUE] },
    ];
    if (session.status === 'CANCELLED')
      blocks.unshift({ type: 'notice', heading: 'Inställt', text: session.cancelReason ?? EMPTY_VALUE });
    const pdf = await renderPdf(
      {
        organisationName: tenant.name,
        title: 'Protokoll från klassningstillfälle',
        subtitle: `${session.code} ${session.title}`,
        draft: session.status !== 'CLOSED',
        generatedAt: this.clock.now(),
        blocks,
      },
      { compress: this.config.pdfCompress },
    );
    return { fileName: `${session.code}-protokoll.pdf`, pdf };
  }
}
