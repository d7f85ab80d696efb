// On a transmittal's page (issue 24): the cover sheet to download, and, while SMTP or PUBLIC_URL is not
// configured, that sending is off and which settings turn it on.
import { Box, Link, MessageBox } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React from 'react';
import { adminRoot } from './admin-root.js';

const TransmittalCover: React.FC<ShowPropertyProps> = ({ property, record }) => {
  const { translateMessage } = useTranslation();
  const mailOff = (property.custom as { mailOff?: string | null }).mailOff;
  const cover = `${adminRoot()}/transmittals/${record?.id}/cover`;
  return (
    <Box mb="xl" data-testid="transmittal-cover">
      {mailOff && <MessageBox mb="lg" variant="info" data-testid="transmittal-mail-off" message={translateMessage('transmittalMailOff', undefined, { missing: mailOff })} />}
      <Link href={`${cover}.pdf`} mr="lg" data-testid="transmittal-cover-pdf">{translateMessage('transmittalCoverPdf')}</Link>
      <Link href={`${cover}.html`} target="_blank" rel="noopener" data-testid="transmittal-cover-html">{translateMessage('transmittalCoverHtml')}</Link>
    </Box>
  );
};

export default TransmittalCover;
