/** Windows-1252 bytes 0x80–0x9F, which differ from Latin-1 (the standard fonts' encoding). */
const CP1252_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

const decodeHex = (hex: string) => {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    out += CP1252_HIGH[byte] ?? String.fromCharCode(byte);
  }
  return out;
};

/**
 * The text of a PDF written by {@link renderPdf} with `compress: false`, one line per text
 * operation joined by single spaces (so a wrapped value reads as it was given). Reads pdfkit's
 * hex-encoded `TJ` arrays only: a check for tests and tooling, not a general PDF parser.
 */
export function extractPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)) {
    const pieces = [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => decodeHex(m[1]));
    lines.push(pieces.join(''));
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}
