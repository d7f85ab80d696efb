// Texts of the Excel exports (admin/exports), Spanish.
export const exportMessagesES = {
  exportYes: 'Sí',
  exportNo: 'No',
  // Excel number formats of the exported dates (shown in the user's language).
  exportDateFormat: 'dd/mm/yyyy',
  exportDateTimeFormat: 'dd/mm/yyyy hh:mm',
  exportRowLimitReached: 'Excel admite {{limit}} filas por hoja: se exportaron las primeras. Filtre la lista para exportar el resto.',
  exportUnknownFilter: 'La lista no tiene el filtro «{{filter}}». Quite ese filtro y vuelva a exportar.',
  exportBadFilterValue: 'El filtro «{{filter}}» no admite el valor «{{value}}». Corríjalo en la lista y vuelva a exportar.',
  exportBadQuery: 'La dirección de la exportación no es válida: vuelva a la lista y pulse «Exportar a Excel».',
};
