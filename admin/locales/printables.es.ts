// Templates, printables and the QR request portal (issue 24), in Spanish.
export const printablesActionsES = {
  printWorkOrder: 'Imprimir',
  printTechnicianDay: 'Imprimir el día de un técnico',
  printLabels: 'Imprimir etiquetas QR',
  previewTemplate: 'Vista previa',
  regeneratePortalLink: 'Generar nuevo enlace QR',
  revokePortalLink: 'Revocar enlace QR',
};

export const printablesMessagesES = {
  templateTooLong: 'La plantilla es demasiado larga: como máximo {{max}} caracteres.',
  templateSyntax: 'La plantilla no se puede leer: {{detail}}. Revise que cada sección abierta con # se cierre con /.',
  templateRawOutput: '{{tag}} mostraría el valor sin escapar: escriba el dato entre dos llaves, no tres; los valores siempre se escapan.',
  templatePartial: '{{tag}}: las plantillas no pueden incluir otras plantillas.',
  templateDelimiters: '{{tag}}: las plantillas no pueden cambiar sus delimitadores (las llaves dobles).',
  templateBuiltInName: '{{tag}} no es un dato de la plantilla: use los nombres de la lista de datos disponibles.',
};
