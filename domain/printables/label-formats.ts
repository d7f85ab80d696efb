// Common self-adhesive label sheets, measured from their makers' templates (millimetres, converted to PDF
// points). Each label holds the asset's QR on the left and the LABEL_SHEET template's lines beside it.
const MM = 72 / 25.4;
const INCH = 72;

export interface LabelFormat {
  code: string;
  /** What the form's select shows. */
  name: string;
  page: 'A4' | 'LETTER';
  columns: number;
  rows: number;
  width: number;
  height: number;
  top: number;
  left: number;
  /** Distance from one label's left edge to the next one's, and from one row's top to the next. */
  pitchX: number;
  pitchY: number;
}

export const LABEL_FORMATS: Record<string, LabelFormat> = {
  L7163: { code: 'L7163', name: 'Avery L7163 · A4 · 2 × 7 (99,1 × 38,1 mm)', page: 'A4', columns: 2, rows: 7, width: 99.1 * MM, height: 38.1 * MM, top: 15.1 * MM, left: 4.65 * MM, pitchX: 101.6 * MM, pitchY: 38.1 * MM },
  L7159: { code: 'L7159', name: 'Avery L7159 · A4 · 3 × 8 (63,5 × 33,9 mm)', page: 'A4', columns: 3, rows: 8, width: 63.5 * MM, height: 33.9 * MM, top: 12.9 * MM, left: 6.45 * MM, pitchX: 66.04 * MM, pitchY: 33.9 * MM },
  '5160': { code: '5160', name: 'Avery 5160 · Letter · 3 × 10 (2 5/8 × 1 in)', page: 'LETTER', columns: 3, rows: 10, width: 2.625 * INCH, height: 1 * INCH, top: 0.5 * INCH, left: 0.1875 * INCH, pitchX: 2.75 * INCH, pitchY: 1 * INCH },
};

export const DEFAULT_LABEL_FORMAT = 'L7163';

export function labelFormatOf(code: unknown): LabelFormat | null {
  if (code === undefined || code === '') return LABEL_FORMATS[DEFAULT_LABEL_FORMAT]!;
  return typeof code === 'string' && Object.hasOwn(LABEL_FORMATS, code) ? LABEL_FORMATS[code]! : null;
}
