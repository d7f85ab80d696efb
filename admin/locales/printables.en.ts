// Templates, printables and the QR request portal (issue 24), in English.
export const printablesActionsEN = {
  printWorkOrder: 'Print',
  printTechnicianDay: "Print a technician's day",
  printLabels: 'Print QR labels',
  previewTemplate: 'Preview',
  regeneratePortalLink: 'New QR link',
  revokePortalLink: 'Revoke QR link',
};

export const printablesMessagesEN = {
  templateTooLong: 'The template is too long: at most {{max}} characters.',
  templateSyntax: 'The template cannot be read: {{detail}}. Check that every section opened with # is closed with /.',
  templateRawOutput: '{{tag}} would show the value unescaped: write the name between two braces, not three; values are always escaped.',
  templatePartial: '{{tag}}: templates cannot include other templates.',
  templateDelimiters: '{{tag}}: templates cannot change their delimiters (the double braces).',
  templateBuiltInName: '{{tag}} is not a value of the template: use the names in the list of available values.',
};
