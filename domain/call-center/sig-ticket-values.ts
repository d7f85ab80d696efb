// The SIG's words for a ticket's type and priority, in our closed values. The SIG writes them by hand
// ("Falla", "FALLA ELÉCTRICA", "Reclamo"...): what we do not recognise stays as the raw row shows it
// and takes the default an operator reviews when classifying.
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const TYPES: [RegExp, string][] = [
  [/falla|averia|sin (energia|luz|servicio)|corte/, 'FAILURE'],
  [/reclamo|queja|denuncia/, 'COMPLAINT'],
  [/informacion|consulta/, 'INFORMATION'],
  [/servicio|conexion|reconexion|instalacion|solicitud/, 'SERVICE'],
];

const PRIORITIES: [RegExp, string][] = [
  [/urgente|critica|emergencia/, 'URGENT'],
  [/alta/, 'HIGH'],
  [/baja/, 'LOW'],
  [/media|normal/, 'MEDIUM'],
];

export function ticketTypeOf(sigType: string): string {
  return TYPES.find(([pattern]) => pattern.test(fold(sigType)))?.[1] ?? 'FAILURE';
}

export function ticketPriorityOf(sigPriority: string): string {
  return PRIORITIES.find(([pattern]) => pattern.test(fold(sigPriority)))?.[1] ?? 'MEDIUM';
}
