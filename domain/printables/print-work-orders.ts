// "Imprimir" an order and the batch print of a technician's day: the orders are chosen under the
// reader's rules (a technician prints his orders only, a supervisor scoped to sites those of his sites; a
// hidden order is refused like a missing one), then drawn with the active WORK_ORDER template.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import { templateBodyFor } from '../templates/active-template.js';
import type { Pdf } from './pdf-layout.js';
import { PRINTABLE_WORDS, type PrintLanguage } from './printable-words.js';
import { workOrderPdf } from './work-order-pdf.js';
import { workOrderSheets } from './work-order-sheet.js';

type PrintDb = Pick<Db, 'workOrder' | 'template' | 'technician'>;
export interface PrintOptions {
  language: PrintLanguage;
  timeZone: string;
  /** A template body to use instead of the active one (the template editor's preview). */
  body?: string;
}

function readableOrders(ability: AppAbility): Prisma.WorkOrderWhereInput {
  const allowed = accessibleWhere(ability, 'read', 'WorkOrder');
  if (!allowed) throw new AccessDeniedError('read', 'WorkOrder');
  return allowed as Prisma.WorkOrderWhereInput;
}

export async function printWorkOrder(db: PrintDb, ability: AppAbility, workOrderId: number, options: PrintOptions): Promise<{ pdf: Pdf; number: string }> {
  const where = { AND: [{ id: workOrderId }, readableOrders(ability)] };
  const sheets = await workOrderSheets(db, where, options);
  const sheet = sheets[0];
  if (!sheet) throw new Refusal('printOrderNotFound', {}, { kind: 'notFound' });
  const body = options.body ?? (await templateBodyFor(db, 'WORK_ORDER', options.language));
  return { pdf: workOrderPdf(sheets, { body, language: options.language, title: sheet.number }), number: sheet.number };
}

/** The orders planned on `day` (a plant date) assigned to the technician or shared with him, by priority. */
export async function printTechnicianDay(db: PrintDb, ability: AppAbility, input: { technicianId: unknown; day: unknown }, options: PrintOptions) {
  const technicianId = typeof input.technicianId === 'string' && /^[1-9]\d{0,9}$/.test(input.technicianId) ? Number(input.technicianId) : null;
  if (technicianId === null) throw new Refusal('printDayTechnicianMissing', {}, { field: 'technicianId' });
  const day = typeof input.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.day) ? new Date(`${input.day}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime())) throw new Refusal('printDayDateInvalid', { value: String(input.day ?? '').slice(0, 20) }, { field: 'day' });
  const technician = await db.technician.findUnique({ where: { id: technicianId }, select: { name: true } });
  if (!technician) throw new Refusal('printDayTechnicianMissing', {}, { field: 'technicianId' });
  const where: Prisma.WorkOrderWhereInput = {
    AND: [
      readableOrders(ability),
      { plannedOn: day, state: { not: 'CANCELLED' } },
      { OR: [{ technicianId }, { shares: { some: { technicianId } } }] },
    ],
  };
  // Most urgent first; the database's order of priority codes is alphabetical, so it is sorted here.
  const sheets = (await workOrderSheets(db, where, { ...options, orderBy: [{ number: 'asc' }] })).sort(
    (a, b) => PRIORITY_RANK[String(a.values.priorityCode)]! - PRIORITY_RANK[String(b.values.priorityCode)]!,
  );
  const body = options.body ?? (await templateBodyFor(db, 'WORK_ORDER', options.language));
  const title = `${PRINTABLE_WORDS[options.language].dayOf} ${input.day} · ${technician.name}`;
  return { pdf: workOrderPdf(sheets, { body, language: options.language, title }), count: sheets.length, title };
}

const PRIORITY_RANK: Record<string, number> = { URGENT: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };
