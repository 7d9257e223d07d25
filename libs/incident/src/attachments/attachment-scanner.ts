import { DynamicModule, Global, Module } from '@nestjs/common';

/** What a virus scan says about a file. */
export const SCAN_RESULTS = ['CLEAN', 'INFECTED', 'NOT_SCANNED'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

export const SCAN_RESULT_LABELS: Record<ScanResult, string> = {
  CLEAN: 'Genomsökt, inget hittat',
  INFECTED: 'Skadlig kod hittad',
  NOT_SCANNED: 'Inte genomsökt',
};

/** The file as it will be stored, for a scanner to look at. */
export interface ScannedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * The virus-scan hook (the Nest provider token is this class, as for `Clock`): called for every
 * upload after the type checks and before anything is stored. INFECTED refuses the upload (422,
 * nothing stored); CLEAN and NOT_SCANNED are stored with that status and shown in the list. A
 * scanner that fails should throw: the upload then fails (500) and nothing is stored.
 *
 * To use ClamAV, implement `scan` against clamd (`zINSTREAM` over TCP 3310: 4-byte big-endian
 * length-prefixed chunks, a zero-length chunk, then read `stream: OK` → CLEAN or
 * `stream: <name> FOUND` → INFECTED) and pass the instance as `attachmentScanner` to `createApp`
 * (apps/api/src/main.ts); ADR 0013.
 */
export abstract class AttachmentScanner {
  abstract scan(file: ScannedFile): Promise<ScanResult>;
}

/** The default: no scanner installed, every file is stored as NOT_SCANNED. */
export class NoAttachmentScanner extends AttachmentScanner {
  scan(): Promise<ScanResult> {
    return Promise.resolve('NOT_SCANNED');
  }
}

/** Provides the installation's scanner (the composition root chooses it, as it chooses the clock). */
@Global()
@Module({})
export class AttachmentScannerModule {
  static forRoot(scanner: AttachmentScanner = new NoAttachmentScanner()): DynamicModule {
    return {
      module: AttachmentScannerModule,
      providers: [{ provide: AttachmentScanner, useValue: scanner }],
      exports: [AttachmentScanner],
    };
  }
}
