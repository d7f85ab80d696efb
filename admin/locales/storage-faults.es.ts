// What a person reads when a write fails for a reason outside his hands (server/http-errors.ts): the
// file storage, or a database too busy to finish it in time. Nothing was recorded; what to do.
export const storageFaultsES = {
  storageUnreachable: 'El almacenamiento de archivos no responde en este momento. No se guardó nada: inténtelo de nuevo en unos minutos y, si sigue igual, avise al administrador.',
  storageFull: 'El almacenamiento de archivos está lleno. No se guardó nada: avise al administrador para que libere o amplíe el espacio.',
  databaseBusy: 'La base de datos está muy ocupada y su cambio no se guardó. Vuelva a intentarlo en unos segundos; si se repite, avise al administrador.',
};
