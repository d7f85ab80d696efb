// Texts of Excel imports and list exports (issue 7), Spanish.
export const importMessagesES = {
  importTitle: 'Importar desde Excel',
  importHelp:
    'Descargue la plantilla, complétela (los encabezados pueden estar en español o inglés, debajo de un título) y súbala. La importación sigue en segundo plano: puede recargar esta página.',
  importDownloadTemplate: 'Descargar plantilla',
  importFile: 'Archivo .xlsx',
  importMode_ALL_OR_NOTHING: 'Todo o nada: si alguna fila tiene un error, no se importa ninguna',
  importMode_VALID_ROWS: 'Importar las filas válidas y rechazar las demás',
  importSubmit: 'Importar',
  importKindUnknown: 'No hay importación de «{{kind}}».',
  importNotXlsx: 'El archivo no es un libro de Excel .xlsx (guárdelo como "Libro de Excel (.xlsx)").',
  importFileTooLarge: 'El archivo supera el tamaño máximo de {{max}} MB. Divídalo en varios archivos.',
  importFileMissing: 'No se recibió ningún archivo.',
  importRefused: 'No se pudo iniciar la importación.',
  importSeeRun: 'Ver el registro de importación n.º {{id}}',
  importCounters: 'Leídas {{read}} de {{total}} · válidas {{valid}} · rechazadas {{rejected}} · escritas {{written}}',
  importAttempts: 'reanudada tras un fallo (intento {{attempts}})',
  importDownloadErrors: 'Descargar informe de errores',
  importDownloadFile: 'Descargar archivo original',
  importStatusUnavailable: 'No se puede consultar el estado de esta importación.',
  listExportHelp: 'Descarga las filas que muestra la lista, con los filtros aplicados (en las listas importables, con las columnas de la plantilla de importación).',
};

export const importLabelsES = {
  importState_QUEUED: 'En cola',
  importState_RUNNING: 'En curso',
  importState_SUCCEEDED: 'Terminada: todas las filas importadas',
  importState_PARTIAL: 'Terminada con filas rechazadas',
  importState_FAILED: 'Fallida: no se importó el archivo',
};
