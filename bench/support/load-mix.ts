// What each group does in the back office at shift change, as weighted requests of the AdminJS client:
// lists with filters, reference search, show pages, the dashboard, a technician recording a step, a
// supervisor closing out an order. Every request here should succeed for its group: any status >= 400
// is counted as an error.
import type { GroupCode } from '../../prisma/groups.js';
import type { LoadPlant, LoadUser } from './load-plant.js';
import type { LoadSession, Sample } from './load-session.js';

type Step = (session: LoadSession, user: LoadUser, plant: LoadPlant, record: (sample: Sample) => void) => Promise<void>;

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;
const WORDS = ['bomba', 'motor', 'valvula', 'rodamiento', 'inspeccion', 'sello', 'transformador', 'compresor'];
const ORDER_STATES = ['IN_PROGRESS', 'ASSIGNED', 'PENDING', 'COMPLETED', 'ON_HOLD'];

/** One timed GET or POST; the answer's body is returned for the steps that read it. */
async function timed(session: LoadSession, record: (s: Sample) => void, kind: string, path: string, body?: unknown): Promise<unknown> {
  const start = performance.now();
  try {
    const answer = await session.json<unknown>(path, body === undefined ? {} : { method: 'POST', body });
    record({ kind, ms: performance.now() - start, status: answer.status, at: performance.now() });
    return answer.status < 400 ? answer.body : undefined;
  } catch {
    record({ kind, ms: performance.now() - start, status: 0, at: performance.now() });
    return undefined;
  }
}

const list = (resource: string, query: (plant: LoadPlant) => Record<string, string>, label = ''): Step => (session, _user, plant, record) =>
  timed(session, record, `list ${resource}${label}`, `/admin/api/resources/${resource}/actions/list?${new URLSearchParams(query(plant))}`).then(() => undefined);
const show = (resource: string, ids: (plant: LoadPlant, user: LoadUser) => number[]): Step => async (session, user, plant, record) => {
  const candidates = ids(plant, user);
  if (candidates.length) await timed(session, record, `show ${resource}`, `/admin/api/resources/${resource}/records/${pick(candidates)}/show`);
};
const search = (resource: string): Step => (session, _user, _plant, record) =>
  timed(session, record, `search ${resource}`, `/admin/api/resources/${resource}/search/${pick(WORDS)}`).then(() => undefined);
const dashboard: Step = (session, _user, _plant, record) => timed(session, record, 'dashboard', '/admin/api/dashboard').then(() => undefined);

interface FormStep { id: number; valueType: string; minValue: string | null; maxValue: string | null; value: string }
const valueFor = (step: FormStep): string =>
  step.valueType === 'NUMBER'
    ? String(step.minValue !== null && step.maxValue !== null ? (Number(step.minValue) + Number(step.maxValue)) / 2 : Number(step.minValue ?? step.maxValue ?? 1))
    : step.valueType === 'BOOLEAN' ? 'sí' : 'Bien';

/** A technician opens "Registrar pasos" on one of his orders in progress and records one step's value. */
const recordStep: Step = async (session, user, _plant, record) => {
  if (!user.ordersInProgress.length) return;
  const id = pick(user.ordersInProgress);
  const form = (await timed(session, record, 'step form', `/admin/api/resources/WorkOrder/records/${id}/recordSteps`)) as { form?: { steps: FormStep[] } } | undefined;
  const steps = form?.form?.steps ?? [];
  if (!steps.length) return;
  const step = pick(steps);
  const saved = (await timed(session, record, 'record step', `/admin/api/resources/WorkOrder/records/${id}/recordSteps`, { steps: [{ procedureStepId: step.id, value: valueFor(step) }] })) as { notice?: { message?: string } } | undefined;
  if (saved && saved.notice?.message !== 'stepValuesRecorded') record({ kind: 'record step (refused)', ms: 0, status: 422, at: performance.now() });
};

/** A supervisor closes out a completed preventive order: labour hours and a value for every step. */
const closeOut: Step = async (session, user, _plant, record) => {
  const id = user.ordersToClose.shift();
  if (id === undefined) return;
  const form = (await timed(session, record, 'closeout form', `/admin/api/resources/WorkOrder/records/${id}/close`)) as { form?: { steps: FormStep[] } } | undefined;
  if (!form?.form) return;
  const steps = form.form.steps.map((s) => ({ procedureStepId: s.id, value: s.value || valueFor(s) }));
  const closed = (await timed(session, record, 'closeout', `/admin/api/resources/WorkOrder/records/${id}/close`, { laborHours: '1,5', observations: 'Cerrada en la prueba de carga.', steps, materials: [] })) as { notice?: { message?: string } } | undefined;
  if (closed && closed.notice?.message !== 'workOrderClosed') record({ kind: `closeout (refused: ${closed.notice?.message})`, ms: 0, status: 422, at: performance.now() });
};

const w = (weight: number, step: Step) => ({ weight, step });
const MIXES: Record<GroupCode, { weight: number; step: Step }[]> = {
  TECHNICIANS: [
    w(20, dashboard),
    w(20, list('WorkOrder', () => ({}))),
    w(15, list('WorkOrder', () => ({ 'filters.state': 'IN_PROGRESS' }), ' by state')),
    w(20, show('WorkOrder', (_p, u) => u.ordersInProgress)),
    w(15, recordStep),
    w(10, search('Asset')),
  ],
  SUPERVISORS: [
    w(15, dashboard),
    w(20, list('WorkOrder', () => ({ 'filters.state': pick(ORDER_STATES) }), ' by state')),
    w(10, list('WorkOrder', () => ({ 'filters.description': pick(WORDS) }), ' by text')),
    w(15, show('WorkOrder', (p) => p.workOrderIds)),
    w(10, list('Asset', (p) => ({ 'filters.location': String(pick(p.locationIds)) }), ' by location')),
    w(10, search('Asset')),
    w(8, closeOut),
    w(12, list('WorkRequest', () => ({}))),
  ],
  OPERATORS: [
    w(25, list('WorkRequest', () => ({}))),
    w(20, list('Ticket', () => ({}))),
    w(20, search('Asset')),
    w(15, show('Asset', (p) => p.assetIds)),
    w(10, list('Asset', () => ({ 'filters.description': pick(WORDS) }), ' by text')),
    w(10, dashboard),
  ],
  CONSULTANTS: [
    w(20, dashboard),
    w(20, list('Asset', () => ({ 'filters.status': 'IN_SERVICE' }), ' by status')),
    w(20, list('WorkOrder', () => ({ 'filters.state': pick(ORDER_STATES) }), ' by state')),
    w(15, show('Asset', (p) => p.assetIds)),
    w(15, show('WorkOrder', (p) => p.workOrderIds)),
    w(10, search('Asset')),
  ],
  ADMINISTRATORS: [
    w(20, dashboard),
    w(10, list('User', () => ({}))),
    w(20, list('Asset', () => ({}))),
    w(20, list('WorkOrder', () => ({}))),
    w(10, show('WorkOrder', (p) => p.workOrderIds)),
    w(10, show('Asset', (p) => p.assetIds)),
    w(10, list('Location', () => ({}))),
  ],
};

/** One request (or a form's GET and POST) of this user's group, chosen by weight. */
export function nextStep(user: LoadUser): Step {
  const mix = MIXES[user.group];
  let roll = Math.random() * mix.reduce((sum, m) => sum + m.weight, 0);
  for (const m of mix) if ((roll -= m.weight) < 0) return m.step;
  return mix[0]!.step;
}


/** A user's first request on opening the back office at shift change: his dashboard or his group's main list. */
export function landingStep(user: LoadUser): Step {
  const main: Record<GroupCode, Step> = {
    TECHNICIANS: list('WorkOrder', () => ({})),
    SUPERVISORS: list('WorkOrder', () => ({ 'filters.state': 'ASSIGNED' }), ' by state'),
    OPERATORS: list('WorkRequest', () => ({})),
    CONSULTANTS: list('Asset', () => ({})),
    ADMINISTRATORS: list('User', () => ({})),
  };
  return Math.random() < 0.5 ? dashboard : main[user.group];
}
