// "Registrar parada" on a work order's and a work request's page (issue 25): the asset is stopped from
// now, the stop linked to the order or request; the order's completion ends it (domain/health/downtime.ts).
import type { Db } from '../../prisma/client.js';
import { canRecordDowntimeFromOrder, canRecordDowntimeFromRequest, recordDowntimeFromOrder, recordDowntimeFromRequest } from '../../domain/health/downtime.js';
import { recordAction } from '../record-action.js';

export const recordDowntimeFromOrderAction = (prisma: Db) =>
  recordAction({
    rule: ['create', 'DowntimeEvent'],
    icon: 'PauseCircle',
    guard: 'confirmRecordDowntime',
    shownIn: canRecordDowntimeFromOrder,
    run: ({ id, ability }) => recordDowntimeFromOrder(prisma, ability, id),
    success: 'downtimeRecorded',
  });

export const recordDowntimeFromRequestAction = (prisma: Db) =>
  recordAction({
    rule: ['create', 'DowntimeEvent'],
    icon: 'PauseCircle',
    guard: 'confirmRecordDowntime',
    shownIn: canRecordDowntimeFromRequest,
    run: ({ id, ability }) => recordDowntimeFromRequest(prisma, ability, id),
    success: 'downtimeRecorded',
  });
