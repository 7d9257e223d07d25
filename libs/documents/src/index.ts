// Generated documents (PDF) in Swedish: one small helper every module reuses (ADR 0013).
export {
  renderPdf,
  EMPTY_VALUE,
  type PdfDocumentSpec,
  type PdfBlock,
  type PdfSection,
  type PdfNotice,
  type PdfRow,
  type RenderPdfOptions,
} from './pdf';
export { stockholmDateTime } from './stockholm';
export { extractPdfText } from './pdf-text';
