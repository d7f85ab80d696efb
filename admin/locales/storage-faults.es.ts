// What a person reads when the file storage fails under a write (server/http-errors.ts): nothing was
// recorded, and what to do.
export const storageFaultsES = {
  storageUnreachable: 'El almacenamiento de archivos no responde en este momento. No se guardó nada: inténtelo de nuevo en unos minutos y, si sigue igual, avise al administrador.',
  storageFull: 'El almacenamiento de archivos está lleno. No se guardó nada: avise al administrador para que libere o amplíe el espacio.',
};
