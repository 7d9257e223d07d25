import PDFDocument from 'pdfkit';
import { stockholmDateTime } from './stockholm';

/** What an empty value prints, so the reader of a draft sees what is left to fill in. */
export const EMPTY_VALUE = 'Ej angivet';

/** One label/value row; a null, undefined or blank value prints {@link EMPTY_VALUE}. */
export interface PdfRow {
  label: string;
  value: string | null | undefined;
}

/** A heading with label/value rows and then free-text paragraphs (either may be left out). */
export interface PdfSection {
  type: 'section';
  heading: string;
  rows?: PdfRow[];
  paragraphs?: string[];
}

/** A framed, tinted box for a warning the reader must not miss. */
export interface PdfNotice {
  type: 'notice';
  heading: string;
  text: string;
}

export type PdfBlock = PdfSection | PdfNotice;

/**
 * A document: the heading block (organisation, title, optional subtitle, the "Utkast" label and
 * watermark when `draft`, "Skapad" in Europe/Stockholm) and the blocks in order. Every page gets
 * "Sida n av m" in the footer.
 */
export interface PdfDocumentSpec {
  /** The kommun, region or bolag the document is from (first line of the heading). */
  organisationName: string;
  title: string;
  subtitle?: string;
  /** Marks every page "Utkast" (label under the title and a watermark). */
  draft?: boolean;
  /** From the injected Clock: printed, and the PDF's CreationDate (same input, same bytes). */
  generatedAt: Date;
  blocks: PdfBlock[];
}

export interface RenderPdfOptions {
  /**
   * Deflate the content streams (default true). Tests pass false so the text can be read back
   * with {@link extractPdfText}.
   */
  compress?: boolean;
}

const MARGIN = { top: 56, left: 56, right: 56, bottom: 64 };
const LABEL_WIDTH = 170;
const GAP = 12;
const GREY = '#555555';
const INK = '#111111';
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** Characters of Windows-1252 above Latin-1's printable range that the standard fonts can draw. */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * The built-in Helvetica covers Windows-1252 (å, ä, ö, é, §, –, …): anything else would print as a
 * wrong glyph, so it becomes "?"; tabs become spaces, other control characters are dropped.
 */
function printable(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\n' || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) out += ch;
    else if (CP1252_EXTRAS.has(ch)) out += ch;
    else if (code >= 0x7f) out += '?';
  }
  return out;
}

const shown = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === '' ? EMPTY_VALUE : printable(value);

/**
 * Renders a document to PDF bytes: A4, Helvetica, Swedish labels. Deterministic for the same spec
 * (the creation date is `generatedAt`, the file id derives from it), so tests may compare bytes.
 */
export function renderPdf(spec: PdfDocumentSpec, options: RenderPdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: printable(spec.title),
      Author: printable(spec.organisationName),
      Creator: 'Värna',
      Producer: 'Värna',
      CreationDate: spec.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  /** Starts a new page when `height` does not fit below the cursor. */
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // Heading block.
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor(GREY)
    .text(printable(spec.organisationName), left, MARGIN.top, { width });
  doc.moveDown(0.3);
  doc.font(BOLD).fontSize(18).fillColor(INK).text(printable(spec.title), { width });
  if (spec.subtitle) doc.font(FONT).fontSize(11).text(printable(spec.subtitle), { width });
  doc.moveDown(0.4);
  if (spec.draft) {
    const y = doc.y;
    doc.rect(left, y, 64, 18).fillAndStroke('#fde8e8', '#b42318');
    doc
      .font(BOLD)
      .fontSize(10)
      .fillColor('#b42318')
      .text('UTKAST', left, y + 5, { width: 64, align: 'center' });
    doc.y = y + 24;
  }
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(GREY)
    .text(`Skapad ${stockholmDateTime(spec.generatedAt)} (svensk tid)`, left, doc.y, { width });
  doc.moveDown(0.5);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.moveDown(1);

  for (const block of spec.blocks) {
    if (block.type === 'notice') {
      const heading = printable(block.heading);
      const text = printable(block.text);
      const inner = width - 20;
      doc.font(BOLD).fontSize(10);
      const headingHeight = doc.heightOfString(heading, { width: inner });
      doc.font(FONT).fontSize(10);
      const textHeight = doc.heightOfString(text, { width: inner });
      const height = headingHeight + textHeight + 24;
      ensureRoom(height);
      const y = doc.y;
      doc.rect(left, y, width, height).lineWidth(1).fillAndStroke('#fff7e0', '#b7791f');
      doc
        .font(BOLD)
        .fontSize(10)
        .fillColor(INK)
        .text(heading, left + 10, y + 10, { width: inner });
      doc
        .font(FONT)
        .fontSize(10)
        .text(text, left + 10, doc.y + 4, { width: inner });
      doc.y = y + height + 14;
      continue;
    }
    const heading = printable(block.heading);
    doc.font(BOLD).fontSize(12);
    ensureRoom(doc.heightOfString(heading, { width }) + 30);
    doc.fillColor(INK).text(heading, left, doc.y, { width });
    doc.moveDown(0.4);
    for (const row of block.rows ?? []) {
      const label = printable(row.label);
      const value = shown(row.value);
      const valueWidth = width - LABEL_WIDTH - GAP;
      doc.font(BOLD).fontSize(9.5);
      const labelHeight = doc.heightOfString(label, { width: LABEL_WIDTH });
      doc.font(FONT).fontSize(10);
      const valueHeight = doc.heightOfString(value, { width: valueWidth });
      ensureRoom(Math.min(Math.max(labelHeight, valueHeight), bottom() - MARGIN.top));
      const y = doc.y;
      doc.font(BOLD).fontSize(9.5).fillColor(GREY).text(label, left, y, { width: LABEL_WIDTH });
      const afterLabel = doc.y;
      doc
        .font(FONT)
        .fontSize(10)
        .fillColor(value === EMPTY_VALUE ? GREY : INK)
        .text(value, left + LABEL_WIDTH + GAP, y, { width: valueWidth });
      // A value longer than the page continues on the next one; the cursor follows it.
      doc.y = doc.y < y ? doc.y : Math.max(afterLabel, doc.y);
      doc.moveDown(0.35);
    }
    for (const paragraph of block.paragraphs ?? []) {
      doc.font(FONT).fontSize(10).fillColor(INK).text(shown(paragraph), left, doc.y, { width });
      doc.moveDown(0.5);
    }
    doc.moveDown(0.8);
  }

  // Footer and watermark on every page, now that the page count is known.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    if (spec.draft) {
      doc.save();
      doc.rotate(-40, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc
        .font(BOLD)
        .fontSize(110)
        .fillColor('#b42318')
        .fillOpacity(0.08)
        .text('UTKAST', 0, doc.page.height / 2 - 60, {
          width: doc.page.width,
          align: 'center',
          lineBreak: false,
        });
      doc.restore();
    }
    const footerY = doc.page.height - 40;
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(GREY)
      .fillOpacity(1)
      .text(printable(spec.title), left, footerY, { width: width / 2, lineBreak: false, ellipsis: true });
    doc.text(`Sida ${i - start + 1} av ${count}`, left + width / 2, footerY, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
