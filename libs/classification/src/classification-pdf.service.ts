import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@varna/authz';
import { conflict } from '@varna/core';
import { stockholmDateTime } from '@varna/documents';
import { OrgUnitEntity, PersonEntity } from '@varna/organisation';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { ClassificationService } from './classification.service';
import {
  ASPECT_LABELS,
  ASPECTS,
  CLASSIFICATION_STATUS_LABELS,
  DEFAULT_CLASSIFICATION_MODEL,
  levelName,
} from './domain';

const DECISION_STATUSES = ['DECIDED', 'SPECIAL_HANDLING', 'SUPERSEDED'];

/**
 * The decision document of a classification for the diarium (Swedish; pdfkit's built-in Helvetica
 * covers åäö): set, unit, owner, each aspect's level with its name and motivation, decider,
 * decision date, diarienummer, validity and model version.
 */
@Injectable()
export class ClassificationPdfService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly classifications: ClassificationService,
  ) {}

  async render(principal: Principal, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    const c = await this.classifications.get(principal, id);
    if (!DECISION_STATUSES.includes(c.status) || !c.decidedAt) {
      throw conflict('CLASSIFICATION_NOT_DECIDED', 'Endast en beslutad klassning kan skrivas ut som beslut.');
    }
    const m = this.dataSource.manager;
    const set = c.informationSet;
    const unit = await m.findOneBy(OrgUnitEntity, { id: c.orgUnitId });
    const name = async (personId: string | null) =>
      personId ? ((await m.findOneBy(PersonEntity, { id: personId }))?.displayName ?? '–') : '–';
    const title = `Beslut om informationsklassning: ${set?.code ?? ''} ${set?.name ?? ''}`.trim();

    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: title, Author: 'Värna', Subject: set?.name ?? '', Keywords: c.diarienummer ?? '' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });

    doc.font('Helvetica-Bold').fontSize(16).text('Beslut om informationsklassning');
    doc.moveDown(0.5).font('Helvetica').fontSize(11);
    const row = (label: string, value: string) =>
      doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
    row('Informationsmängd', `${set?.code ?? ''} ${set?.name ?? ''}`);
    row('Enhet', unit ? `${unit.code} ${unit.name}` : '–');
    row('Informationsägare', await name(c.informationOwnerId));
    row('Diarienummer', c.diarienummer ?? '–');
    row('Status', CLASSIFICATION_STATUS_LABELS[c.status].sv);
    row('Beslutad', stockholmDateTime(c.decidedAt));
    row('Beslutsfattare', await name(c.decidedById));
    row('Föreslagen av', await name(c.proposedById));
    row('Giltig till', c.validUntil ?? '–');
    row('Klassningsmodell', `version ${c.modelVersion}`);
    doc.moveDown();

    if (c.specialHandling) {
      doc
        .font('Helvetica-Bold')
        .text('Särskild hantering (nivå 4)')
        .font('Helvetica')
        .text(
          'Informationen hanteras utanför Värna enligt säkerhetsskyddslagstiftningen. Inga nivåer eller motiveringar lagras.',
        );
    } else {
      doc.font('Helvetica-Bold').fontSize(13).text('Konsekvensnivåer');
      doc.fontSize(11);
      for (const aspect of ASPECTS) {
        const level = c[`level${aspect}`];
        const model = DEFAULT_CLASSIFICATION_MODEL.aspects.find((a) => a.code === aspect);
        doc.moveDown(0.5);
        doc
          .font('Helvetica-Bold')
          .text(
            `${ASPECT_LABELS[aspect].sv} (${aspect}): ${level === null ? '–' : `${level} ${levelName(level)}`}`,
          );
        doc.font('Helvetica-Oblique').text(model?.questionSv ?? '');
        doc.font('Helvetica').text(`Motivering: ${c[`rationale${aspect}`] ?? '–'}`);
      }
    }
    if (c.legalRefs.length)
      doc
        .moveDown()
        .font('Helvetica')
        .text(`Rättsliga grunder: ${c.legalRefs.join('; ')}`);
    if (c.consequenceCategories.length)
      doc.text(`Konsekvenskategorier: ${c.consequenceCategories.join('; ')}`);
    doc.end();
    return { fileName: `klassning-${set?.code ?? c.id}.pdf`, pdf: await done };
  }
}
