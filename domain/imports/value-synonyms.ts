// Values every import accepts in a closed column besides our codes and our Spanish and English labels:
// the codes of the system the plant migrates from (the Django seed stores `Activo.estado = 'ACTIVO'`,
// `OrdenTrabajo.tipo = 'PREVENTIVO'`, `estado = 'PENDIENTE' | 'EN_PROCESO' | 'COMPLETADO'`) and the usual
// spellings of its exports. They are compared like headers (no case, accents, spaces or punctuation:
// "EN_PROCESO" = "En proceso"). A clerk's own mappings (import_mappings) come on top of these.
//
// Decisions where the seed is silent: INACTIVO is "out of service" (the asset exists but does not run),
// BAJA is "retired"; criticality 1/2/3 and Alta/Media/Baja read as A/B/C; priorities 1..4 count from
// the most urgent. test/value-synonyms.test.ts checks each list against VOCABULARIES and that no
// spelling means two things in the same column.
import type { VOCABULARIES } from '../vocabularies.js';

type Vocabularies = typeof VOCABULARIES;
type SynonymsOf<Codes extends readonly string[]> = { [Code in Codes[number]]: readonly string[] };
export type ValueSynonyms = { [Model in keyof Vocabularies]: { [Field in keyof Vocabularies[Model]]: SynonymsOf<Vocabularies[Model][Field] & readonly string[]> } };

const PRIORITY = {
  LOW: ['BAJA', '4'],
  MEDIUM: ['MEDIA', 'NORMAL', '3'],
  HIGH: ['ALTA', '2'],
  URGENT: ['URGENTE', 'EMERGENCIA', '1'],
} as const;

export const VALUE_SYNONYMS: ValueSynonyms = {
  Asset: {
    status: {
      IN_SERVICE: ['ACTIVO', 'ACTIVE', 'EN_OPERACION'],
      STANDBY: ['RESERVA', 'RESPALDO', 'STAND_BY'],
      OUT_OF_SERVICE: ['INACTIVO', 'INACTIVE', 'FUERA_SERVICIO', 'AVERIADO', 'EN_REPARACION'],
      RETIRED: ['BAJA', 'DE_BAJA', 'RETIRADO', 'DESINCORPORADO'],
    },
    criticality: { A: ['ALTA', 'CRITICA', '1', 'HIGH'], B: ['MEDIA', '2', 'MEDIUM'], C: ['BAJA', '3', 'LOW'] },
  },
  Reading: {
    source: { MANUAL: ['OPERADOR', 'RONDA'], IMPORT: ['IMPORTACION', 'EXCEL'], SCADA: ['AUTOMATICA', 'SENSOR'], WORK_ORDER: ['OT', 'ORDEN'] },
  },
  ImportRun: {
    mode: { ALL_OR_NOTHING: ['TODO_O_NADA'], VALID_ROWS: ['SOLO_VALIDAS'] },
    state: { QUEUED: ['PENDIENTE'], RUNNING: ['EN_PROCESO', 'PROGRESS'], SUCCEEDED: ['COMPLETADO', 'SUCCESS'], PARTIAL: ['PARCIAL'], FAILED: ['ERROR', 'FAILURE'] },
  },
  Frequency: {
    calendarUnit: { DAY: ['DIA', 'DIAS', 'D', 'DAYS'], WEEK: ['SEMANA', 'SEMANAS', 'S', 'W', 'WEEKS'], MONTH: ['MES', 'MESES', 'M', 'MONTHS'] },
  },
  ProcedureStep: {
    valueType: { NUMBER: ['NUMERO', 'NUMERICO', 'MEDICION'], BOOLEAN: ['SI_NO', 'CHECK', 'VERIFICACION'], TEXT: ['TEXTO', 'OBSERVACION'] },
  },
  WorkRequest: {
    source: { PERSON: ['PERSONA', 'USUARIO'], CONDITION: ['CONDICION', 'ALARMA'], PORTAL: ['PORTAL', 'QR'], TREND: ['TENDENCIA', 'PREDICCION'] },
    priority: PRIORITY,
    state: { OPEN: ['ABIERTO', 'PENDIENTE'], IN_REVIEW: ['EN_REVISION'], CONVERTED: ['CONVERTIDO', 'CON_OT'], REJECTED: ['RECHAZADO', 'ANULADO'] },
  },
  WorkOrder: {
    kind: { PREVENTIVE: ['PREVENTIVO', 'PM'], CORRECTIVE: ['CORRECTIVO', 'CM'] },
    state: {
      PENDING: ['PENDIENTE'],
      ASSIGNED: ['ASIGNADO'],
      IN_PROGRESS: ['EN_PROCESO', 'EN_EJECUCION'],
      ON_HOLD: ['EN_ESPERA', 'PAUSADO'],
      COMPLETED: ['COMPLETADO', 'TERMINADO'],
      CLOSED: ['CERRADO'],
      CANCELLED: ['CANCELADO', 'ANULADO'],
    },
    priority: PRIORITY,
  },
  FailureCode: { kind: { PROBLEM: ['PROBLEMA', 'SINTOMA', 'FALLA'], CAUSE: ['CAUSA'], REMEDY: ['SOLUCION', 'REMEDIO', 'ACCION'] } },
  Requisition: {
    state: { DRAFT: ['BORRADOR'], SUBMITTED: ['ENVIADA', 'PENDIENTE'], APPROVED: ['APROBADA'], REJECTED: ['RECHAZADA'] },
    erpSyncState: { NOT_SENT: ['NO_ENVIADA'], PENDING: ['PENDIENTE'], SENT: ['ENVIADA', 'SINCRONIZADA'], FAILED: ['ERROR'] },
    // goods receipts (issue 20)
    receiptState: { NONE: ['SIN_RECIBIR', 'PENDIENTE'], PARTIAL: ['PARCIAL', 'RECIBIDA_PARCIALMENTE'], RECEIVED: ['RECIBIDA', 'COMPLETA'] },
  },
  // The ERP sync's own records, never imported; listed so every vocabulary answers the same question.
  ErpSyncRun: { outcome: { RUNNING: ['EN_CURSO'], SUCCEEDED: ['CORRECTA'], FAILED: ['FALLIDA'], ABANDONED: ['ABANDONADA'] } },
  ErpSyncConflict: { field: { title: ['TITULO', 'NOMBRE'] } },
  BudgetLine: { account: { LABOUR: ['MANO_DE_OBRA', 'MO'], MATERIALS: ['MATERIALES', 'REPUESTOS'], SERVICES: ['SERVICIOS'], CAPITAL: ['INVERSION', 'CAPEX'], OTHER: ['OTROS'] } },
  BudgetActual: { source: { WORK_ORDER_LABOUR: ['MANO_DE_OBRA'], WORK_ORDER_MATERIALS: ['MATERIALES'], GOODS_RECEIPT: ['RECEPCION', 'ENTRADA'], OTHER: ['OTRO'] } },
  Ticket: {
    type: { FAILURE: ['FALLA', 'AVERIA'], SERVICE: ['SERVICIO'], COMPLAINT: ['RECLAMO', 'QUEJA'], INFORMATION: ['INFORMACION', 'CONSULTA'] },
    state: { OPEN: ['ABIERTO', 'NUEVO'], IN_PROGRESS: ['EN_PROCESO', 'EN_ATENCION'], RESOLVED: ['RESUELTO', 'ATENDIDO'], CLOSED: ['CERRADO'] },
    source: { MANUAL: ['LOCAL'], SIG: ['LEGADO'] },
    priority: PRIORITY,
  },
  TicketSla: { type: { FAILURE: ['FALLA', 'AVERIA'], SERVICE: ['SERVICIO'], COMPLAINT: ['RECLAMO', 'QUEJA'], INFORMATION: ['INFORMACION', 'CONSULTA'] } },
  SigSyncRun: { state: { RUNNING: ['EN_CURSO'], SUCCEEDED: ['CORRECTA'], FAILED: ['FALLIDA', 'ERROR'] } },
  // Derived figures, never imported; listed so every vocabulary answers the same question.
  KpiSnapshot: {
    scope: { PLANT: ['PLANTA'], SITE: ['SITIO', 'SEDE'], CATEGORY: ['CATEGORIA'] },
    metric: { MTBF_HOURS: ['MTBF'], MTTR_HOURS: ['MTTR'], PM_COMPLIANCE_PCT: ['CUMPLIMIENTO_PM'], BACKLOG: ['PENDIENTES'], OVERDUE: ['VENCIDAS'] },
  },
  Document: {
    kind: { PROCEDURE: ['PROCEDIMIENTO'], DRAWING: ['PLANO'], MANUAL: ['MANUAL_TECNICO'], CERTIFICATE: ['CERTIFICADO'], REPORT: ['INFORME', 'REPORTE'], PHOTO: ['FOTO', 'IMAGEN'], OTHER: ['OTRO'] },
    state: { DRAFT: ['BORRADOR'], IN_REVIEW: ['EN_REVISION'], APPROVED: ['APROBADO', 'VIGENTE'], OBSOLETE: ['OBSOLETO'] },
    language: { es: ['ESPANOL', 'SPANISH', 'ES_HN'], en: ['INGLES', 'ENGLISH', 'EN_US'] },
  },
  // inventory
  StockMovement: {
    kind: {
      RECEIPT: ['INGRESO', 'RECEPCION'], ISSUE: ['SALIDA', 'DESPACHO'], RETURN: ['DEVOLUCION'], TRANSFER_OUT: ['SALIDA_TRASLADO'],
      TRANSFER_IN: ['ENTRADA_TRASLADO'], ADJUSTMENT: ['AJUSTE_INVENTARIO'], COUNT: ['CONTEO', 'INVENTARIO_FISICO'],
    },
  },
  Reservation: { state: { OPEN: ['PENDIENTE'], ISSUED: ['DESPACHADA', 'SURTIDA'], RELEASED: ['CANCELADA', 'ANULADA'] } },
  DocumentRevision: { textState: { PENDING: ['PENDIENTE'], EXTRACTED: ['EXTRAIDO', 'LEIDO'], NO_TEXT: ['SIN_TEXTO'], OCR_PENDING: ['ESPERANDO_OCR', 'OCR'], UNSUPPORTED: ['NO_SOPORTADO'], FAILED: ['FALLIDO', 'ERROR'] } },
  User: { locale: { es: ['ESPANOL', 'SPANISH', 'ES_HN'], en: ['INGLES', 'ENGLISH', 'EN_US'] } },
  Group: { code: { ADMINISTRATORS: ['ADMINISTRADORES', 'ADMIN'], SUPERVISORS: ['SUPERVISORES'], TECHNICIANS: ['TECNICOS'], CONSULTANTS: ['CONSULTORES'], OPERATORS: ['OPERADORES'] } },
  // jobs monitor (never imported; the type asks every vocabulary for its synonyms)
  JobIntervention: { action: { RETRY: ['REINTENTAR'], CANCEL: ['CANCELAR'], RUN_NOW: ['EJECUTAR_AHORA'] } },
  // safety (issue 23): isolation points may come from a LOTO register; permits are never imported
  IsolationPoint: {
    type: { BREAKER: ['BREAKER', 'DISYUNTOR'], DISCONNECT: ['CUCHILLA'], VALVE: ['LLAVE'], BLIND_FLANGE: ['BRIDA', 'CIEGA'], PLUG: ['CLAVIJA'], OTHER: ['OTRA'] },
    energyType: { ELECTRICAL: ['ELECTRICA'], HYDRAULIC: ['HIDRAULICA'], PNEUMATIC: ['NEUMATICA'], MECHANICAL: ['MECANICA'], THERMAL: ['TERMICA'], CHEMICAL: ['QUIMICA'], GRAVITATIONAL: ['GRAVEDAD'] },
  },
  PermitRequirement: { criticality: { A: ['ALTA', '1'], B: ['MEDIA', '2'], C: ['BAJA', '3'] } },
  WorkPermit: {
    state: { DRAFT: ['BORRADOR'], REQUESTED: ['SOLICITADO'], APPROVED: ['APROBADO'], ACTIVE: ['ACTIVO', 'VIGENTE'], SUSPENDED: ['SUSPENDIDO'], CLOSED: ['CERRADO'], CANCELLED: ['CANCELADO', 'ANULADO'] },
    suspensionReason: { EXPIRED: ['VENCIDO'], MANUAL: ['PERSONA'] },
  },
  PermitSignature: { purpose: { APPROVAL: ['APROBACION'], CLOSING: ['CIERRE'] } },
  // health (issue 25): never imported; stops may come from an operations log one day
  DowntimeEvent: { reason: { FAILURE: ['AVERIA', 'FALLO'], PREVENTIVE: ['PM', 'MANTENIMIENTO'], OPERATIONAL: ['OPERACION', 'MANIOBRA'], EXTERNAL: ['EXTERNA', 'SUMINISTRO'], OTHER: ['OTRA'] } },
  CategoryReliability: { state: { FITTED: ['AJUSTADO'], TOO_LITTLE_DATA: ['POCOS_DATOS'] } },
  AssetHealth: { riskState: { ESTIMATED: ['ESTIMADO'], TOO_LITTLE_DATA: ['POCOS_DATOS'] } },
  PointTrend: {
    state: { CROSSING: ['CRUZARA'], LATER: ['MAS_ADELANTE'], STEADY: ['ESTABLE'], OUTSIDE: ['FUERA'], TOO_LITTLE_DATA: ['POCOS_DATOS'] },
    limitSide: { MAX: ['MAXIMO'], MIN: ['MINIMO'] },
  },
  // safety and audits (issue 23): the usual abbreviations of incident registers and audit reports
  SafetyIncident: { kind: { NEAR_MISS: ['CUASI_ACCIDENTE', 'INCIDENTE_SIN_LESION'], FIRST_AID: ['FAI'], LOST_TIME: ['LTI', 'CON_BAJA'], ENVIRONMENTAL: ['MEDIOAMBIENTAL'], PROPERTY_DAMAGE: ['DANO_MATERIAL'] } },
  Audit: { kind: { INTERNAL: ['AUDITORIA_INTERNA'], EXTERNAL: ['AUDITORIA_EXTERNA', 'CERTIFICACION'], REGULATORY: ['LEGAL', 'INSPECCION'] }, state: { PLANNED: ['PROGRAMADA'], IN_PROGRESS: ['EN_PROCESO'], CLOSED: ['FINALIZADA'] } },
  AuditFinding: { severity: { MAJOR: ['NC_MAYOR'], MINOR: ['NC_MENOR'], OBSERVATION: ['OBS', 'OPORTUNIDAD_DE_MEJORA'] } },
  CorrectiveAction: { state: { OPEN: ['PENDIENTE'], IN_PROGRESS: ['EN_PROCESO'], DONE: ['HECHA', 'TERMINADA'], VERIFIED: ['EFICAZ'], CANCELLED: ['ANULADA'] } },
  // energy (issue 25)
  MeasurementPoint: {
    energyCarrier: { ELECTRICITY: ['ENERGIA_ELECTRICA', 'ELECTRICA', 'KWH'], WATER: ['H2O'], NATURAL_GAS: ['GAS'], STEAM: ['VAPOR_DE_AGUA'], FUEL: ['DIESEL', 'BUNKER'], COMPRESSED_AIR: ['AIRE'] },
  },
  IntegrationToken: { scope: { readings: ['LECTURAS'], 'points:read': ['PUNTOS'] } },
  // projects (issue 24)
  Project: { state: { PLANNED: ['PLANIFICADO', 'PLANEADO'], IN_PROGRESS: ['EN_CURSO', 'EN_EJECUCION'], ON_HOLD: ['EN_ESPERA', 'PAUSADO'], COMPLETED: ['COMPLETADO', 'TERMINADO'], CANCELLED: ['CANCELADO', 'ANULADO'] } },
  // templates (issue 24)
  Template: {
    kind: { WORK_ORDER: ['ORDEN_DE_TRABAJO', 'OT'], TRANSMITTAL_COVER: ['CARATULA_DE_TRANSMISION'], NOTIFICATION_EMAIL: ['CORREO'], LABEL_SHEET: ['ETIQUETAS'] },
    language: { es: ['ESPANOL', 'SPANISH'], en: ['INGLES', 'ENGLISH'] },
  },
  // transmittals (issue 24)
  Transmittal: {
    purpose: { INFORMATION: ['INFORMACION', 'PARA INFORMACION', 'FI'], APPROVAL: ['APROBACION', 'PARA APROBACION', 'FA'], CONSTRUCTION: ['CONSTRUCCION', 'PARA CONSTRUCCION', 'FC'] },
    state: { DRAFT: ['BORRADOR'], SENT: ['ENVIADO'], PARTIALLY_ACKNOWLEDGED: ['RECIBIDO EN PARTE', 'PARCIAL'], ACKNOWLEDGED: ['RECIBIDO'], CANCELLED: ['CANCELADO', 'ANULADO'] },
  },
};

/** Built-in synonyms of a closed column, by code (empty for a column of no vocabulary). */
export function synonymsOf(model: string, field: string): Record<string, readonly string[]> {
  return ((VALUE_SYNONYMS as unknown as Record<string, Record<string, Record<string, readonly string[]>>>)[model]?.[field]) ?? {};
}
