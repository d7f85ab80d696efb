// What a printed work order shows, read in one go for one order or a technician's day: the header's
// values (for the template), the procedure's steps with what was recorded, the permits and their
// isolations, the reserved materials, and after closeout the closure, materials used and who signed.
// Closed values are in the reader's language; moments in the plant's time zone.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { resourceTranslationsEN } from '../labels/resources.en.js';
import { resourceTranslationsES } from '../labels/resources.es.js';
import type { TemplateValues } from '../templates/render-template.js';
import type { PrintLanguage } from './printable-words.js';

export interface SheetStep {
  position: number;
  instruction: string;
  valueType: string;
  unit: string | null;
  range: string | null;
  value: string | null;
  passed: boolean | null;
}
export interface SheetPermit {
  number: string;
  kind: string;
  state: string;
  validity: string;
  isolations: { point: string; lockNumber: string | null; lockedBy: string | null; verifiedBy: string | null; removedAt: string | null }[];
  signatures: SheetSignature[];
}
export interface SheetSignature {
  role: string;
  name: string;
  at: string;
  sha256?: string;
}
export interface WorkOrderSheet {
  id: number;
  number: string;
  /** The values the template's header and footer are rendered with. */
  values: TemplateValues;
  closed: boolean;
  steps: SheetStep[];
  permits: SheetPermit[];
  reserved: { material: string; warehouse: string; quantity: string; state: string }[];
  used: { description: string; quantity: string }[];
  closure: { laborHours: string; problem: string; cause: string; remedy: string; observations: string; closedBy: string; closedAt: string } | null;
  completion: { laborHours: string; reportedBy: string; reportedAt: string } | null;
}

const include = {
  asset: { select: { code: true, description: true, location: { select: { fullName: true } } } },
  technician: { select: { name: true } },
  schedule: { select: { routine: { select: { procedure: { select: { steps: { orderBy: { position: 'asc' } } } } } } } },
  stepValues: { select: { procedureStepId: true, value: true, passed: true } },
  workPermits: {
    orderBy: { id: 'asc' },
    include: {
      permitKind: { select: { name: true } },
      isolations: {
        orderBy: { id: 'asc' },
        include: {
          isolationPoint: { select: { code: true, locationDescription: true } },
          lockedBy: { select: { name: true } },
          verifiedBy: { select: { name: true } },
        },
      },
      signatures: { orderBy: { signedAt: 'asc' }, include: { signer: { select: { name: true } } } },
    },
  },
  reservations: { orderBy: { id: 'asc' }, include: { material: { select: { code: true, description: true, unit: true } }, warehouse: { select: { name: true } } } },
  materials: { orderBy: { id: 'asc' } },
  closure: { include: { problem: true, cause: true, remedy: true, closedBy: { select: { name: true } } } },
  completion: { include: { reportedBy: { select: { name: true } } } },
} satisfies Prisma.WorkOrderInclude;

type Labels = Record<string, { labels?: Record<string, Record<string, string>> }>;

/** The sheets of the orders `where` selects (the caller's rules included), in the order given. */
export async function workOrderSheets(
  db: Pick<Db, 'workOrder'>,
  where: Prisma.WorkOrderWhereInput,
  options: { language: PrintLanguage; timeZone: string; orderBy?: Prisma.WorkOrderOrderByWithRelationInput[]; now?: Date },
): Promise<WorkOrderSheet[]> {
  const orders = await db.workOrder.findMany({ where, include, orderBy: options.orderBy ?? [{ id: 'asc' }] });
  const translations = (options.language === 'en' ? resourceTranslationsEN : resourceTranslationsES) as unknown as Labels;
  const label = (model: string, field: string, value: string | null) => (value === null ? '' : translations[model]?.labels?.[field]?.[value] ?? value);
  // As the back office shows them (admin/components/plant-format.ts): 02/12/2026, 15:30; 4,5 and 9.570.
  const locale = options.language;
  const DAY: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
  const moment = (at: Date | null) =>
    at ? new Intl.DateTimeFormat(locale, { ...DAY, hour: '2-digit', minute: '2-digit', timeZone: options.timeZone }).format(at) : '';
  // @db.Date columns are UTC midnights of plant days: formatted in UTC, never shifted a day back.
  const day = (at: Date | null) => (at ? new Intl.DateTimeFormat(locale, { ...DAY, timeZone: 'UTC' }).format(at) : '');
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: 'always' } as Intl.NumberFormatOptions);
  const number = (value: Prisma.Decimal | number | null) => (value === null ? '' : numberFormat.format(Number(value)));
  const failure = (code: { code: string; name: string } | null) => (code ? `${code.code} · ${code.name}` : '');

  return orders.map((order) => {
    const recorded = new Map(order.stepValues.map((v) => [v.procedureStepId, v]));
    const steps = (order.schedule?.routine.procedure?.steps ?? []).map((step): SheetStep => {
      const value = recorded.get(step.id);
      const low = step.minValue === null ? null : number(step.minValue);
      const high = step.maxValue === null ? null : number(step.maxValue);
      const range = low === null && high === null ? null : `${low ?? '…'} – ${high ?? '…'}${step.unit ? ` ${step.unit}` : ''}`;
      const shown = !value ? null : step.valueType === 'BOOLEAN' ? (value.value === 'true' ? 'yes' : 'no') : step.valueType === 'NUMBER' && Number.isFinite(Number(value.value)) ? number(Number(value.value)) : value.value;
      return { position: step.position, instruction: step.instruction, valueType: step.valueType, unit: step.unit, range, value: shown, passed: value?.passed ?? null };
    });
    const closed = order.state === 'CLOSED';
    return {
      id: order.id,
      number: order.number,
      closed,
      values: {
        number: order.number,
        kind: label('WorkOrder', 'kind', order.kind),
        state: label('WorkOrder', 'state', order.state),
        priority: label('WorkOrder', 'priority', order.priority),
        priorityCode: order.priority,
        description: order.description,
        asset: { code: order.asset.code, name: order.asset.description },
        location: order.asset.location.fullName,
        plannedOn: day(order.plannedOn),
        startedAt: moment(order.startedAt),
        completedAt: moment(order.completedAt),
        technician: order.technician?.name ?? '',
        printedAt: moment(options.now ?? new Date()),
      },
      steps,
      permits: order.workPermits.map((permit) => ({
        number: permit.number,
        kind: permit.permitKind.name,
        state: label('WorkPermit', 'state', permit.state),
        validity: `${moment(permit.validFrom)} – ${moment(permit.validUntil)}`,
        isolations: permit.isolations.map((isolation) => ({
          point: `${isolation.isolationPoint.code} · ${isolation.isolationPoint.locationDescription}`,
          lockNumber: isolation.lockNumber,
          lockedBy: isolation.lockedBy ? `${isolation.lockedBy.name} ${moment(isolation.lockedAt)}` : null,
          verifiedBy: isolation.verifiedBy ? `${isolation.verifiedBy.name} ${moment(isolation.verifiedAt)}` : null,
          removedAt: isolation.removedAt ? moment(isolation.removedAt) : null,
        })),
        signatures: permit.signatures.map((signature) => ({
          role: `${permit.number} · ${label('PermitSignature', 'purpose', signature.purpose)}`,
          name: signature.signer.name,
          at: moment(signature.signedAt),
          sha256: signature.sha256,
        })),
      })),
      reserved: order.reservations.map((reservation) => ({
        material: `${reservation.material.code} · ${reservation.material.description}`,
        warehouse: reservation.warehouse.name,
        quantity: `${number(reservation.requested)} ${reservation.material.unit}`,
        state: label('Reservation', 'state', reservation.state),
      })),
      used: order.materials.map((material) => ({ description: material.description, quantity: `${number(material.quantity)} ${material.unit}` })),
      closure: order.closure && {
        laborHours: number(order.closure.laborHours),
        problem: failure(order.closure.problem),
        cause: failure(order.closure.cause),
        remedy: failure(order.closure.remedy),
        observations: order.closure.observations ?? '',
        closedBy: order.closure.closedBy.name,
        closedAt: moment(order.closure.closedAt),
      },
      completion: order.completion && {
        laborHours: number(order.completion.laborHours),
        reportedBy: order.completion.reportedBy.name,
        reportedAt: moment(order.completion.reportedAt),
      },
    };
  });
}
