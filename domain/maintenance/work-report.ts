// What both the technician's completion and the supervisor's closeout report about the work done: labour
// hours, the failure (problem → cause under it → remedy under that cause; required on corrective orders),
// observations and the materials used. Judged field by field, so every wrong field is said at once.
import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import type { FieldRefusal } from '../refusal.js';

const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? undefined : v), z.coerce.number().int().positive().optional());

/** The report's fields as forms send them; loose on purpose (strings from forms), judged below. */
export const WorkReportInput = z.object({
  laborHours: z.union([z.string(), z.number()]).optional(),
  problemId: optionalId,
  causeId: optionalId,
  remedyId: optionalId,
  observations: z.string().optional(),
  materials: z.array(z.object({ description: z.string().default(''), quantity: z.union([z.string(), z.number()]).optional(), unit: z.string().default('') })).default([]),
});
export type WorkReport = z.output<typeof WorkReportInput>;
export interface MaterialLine { description: string; quantity: number; unit: string }

/** A decimal as people type it ("1,5" or "1.5"); null when it is not one. */
export const decimal = (raw: string | number | undefined) => {
  const text = raw === undefined ? '' : String(raw).trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
};

/** Judges the report: the refusals per field, and the values to write when there are none. */
export async function judgeWorkReport(tx: Prisma.TransactionClient, kind: string, input: WorkReport) {
  const errors: FieldRefusal[] = [];
  const laborHours = decimal(input.laborHours);
  if (laborHours === null || laborHours <= 0 || laborHours > 999_999)
    errors.push({ field: 'laborHours', key: 'closeoutLaborHours', params: { value: String(input.laborHours ?? '') } });
  errors.push(...(await checkFailure(tx, kind, input)));
  if ((input.observations ?? '').length > 4000) errors.push({ field: 'observations', key: 'closeoutObservationsTooLong', params: { max: 4000 } });

  const materials = input.materials
    .map((m, index) => ({ ...m, index, description: m.description.trim(), unit: m.unit.trim() }))
    .filter((m) => m.description !== '' || String(m.quantity ?? '').trim() !== '' || m.unit !== '');
  const lines: MaterialLine[] = [];
  for (const m of materials) {
    const row = m.index + 1;
    if (!m.description) errors.push({ field: `materials.${m.index}.description`, key: 'closeoutMaterialDescription', params: { row } });
    if (m.description.length > 200) errors.push({ field: `materials.${m.index}.description`, key: 'closeoutMaterialDescriptionTooLong', params: { row, max: 200 } });
    const quantity = decimal(m.quantity);
    if (quantity === null || quantity <= 0) errors.push({ field: `materials.${m.index}.quantity`, key: 'closeoutMaterialQuantity', params: { row, value: String(m.quantity ?? '') } });
    if (!m.unit || m.unit.length > 20) errors.push({ field: `materials.${m.index}.unit`, key: 'closeoutMaterialUnit', params: { row } });
    lines.push({ description: m.description, quantity: quantity ?? 0, unit: m.unit });
  }
  return {
    errors,
    laborHours: laborHours ?? 0,
    failure: { problemId: input.problemId ?? null, causeId: input.causeId ?? null, remedyId: input.remedyId ?? null },
    observations: input.observations?.trim() || null,
    materials: lines,
  };
}

async function checkFailure(tx: Prisma.TransactionClient, kind: string, input: WorkReport): Promise<FieldRefusal[]> {
  const levels = [
    { field: 'problemId', kind: 'PROBLEM', id: input.problemId, parentId: undefined as number | undefined },
    { field: 'causeId', kind: 'CAUSE', id: input.causeId, parentId: input.problemId },
    { field: 'remedyId', kind: 'REMEDY', id: input.remedyId, parentId: input.causeId },
  ];
  const ids = levels.map((l) => l.id).filter((id): id is number => id !== undefined);
  const codes = new Map((await tx.failureCode.findMany({ where: { id: { in: ids } } })).map((c) => [c.id, c]));
  const errors: FieldRefusal[] = [];
  for (const level of levels) {
    if (level.id === undefined) {
      if (kind === 'CORRECTIVE') errors.push({ field: level.field, key: `closeoutFailureRequired_${level.kind}`, params: {} });
      continue;
    }
    const code = codes.get(level.id);
    if (!code || code.kind !== level.kind) errors.push({ field: level.field, key: `closeoutFailureWrongKind_${level.kind}`, params: {} });
    else if (level.parentId !== undefined && code.parentId !== level.parentId)
      errors.push({ field: level.field, key: `closeoutFailureNotUnder_${level.kind}`, params: { code: code.code } });
    else if (level.parentId === undefined && level.kind !== 'PROBLEM')
      errors.push({ field: level.field, key: `closeoutFailureNotUnder_${level.kind}`, params: { code: code.code } });
  }
  return errors;
}
