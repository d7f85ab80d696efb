// Says, on the ERP module's pages, that Dynamics 365 is not configured (the module is off); nothing when it is.
import { MessageBox } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React from 'react';

const ErpModuleNotice: React.FC<ShowPropertyProps> = ({ property }) => {
  const { translateMessage } = useTranslation();
  if ((property.custom as { configured?: boolean }).configured) return null;
  return <MessageBox mb="xl" variant="info" data-testid="erp-module-off" message={translateMessage('erpModuleOff')} />;
};

export default ErpModuleNotice;
