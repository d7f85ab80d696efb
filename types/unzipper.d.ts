// The part of unzipper (exceljs's own zip reader) that the import pipeline uses to check a workbook.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';
  export interface CentralDirectoryEntry {
    path: string;
    type: 'File' | 'Directory';
    uncompressedSize: number;
    stream(): Readable;
  }
  export interface CentralDirectory {
    files: CentralDirectoryEntry[];
  }
  export const Open: { file(path: string): Promise<CentralDirectory> };
}
