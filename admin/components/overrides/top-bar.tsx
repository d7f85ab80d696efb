// AdminJS's top bar, whose language menu now also stores the choice on the user's account.
import { useTranslation } from 'adminjs';
import React, { useEffect } from 'react';
import { adminRoot, csrfHeader } from '../document-client.js';

type Props = { toggleSidebar(): void; OriginalComponent: React.ComponentType<{ toggleSidebar(): void }> };

const TopBar: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { i18n } = useTranslation();
  useEffect(() => {
    const store = (language: string) => {
      document.documentElement.lang = language;
      void fetch(`${adminRoot()}/language`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...csrfHeader() },
        body: JSON.stringify({ language }),
      });
    };
    i18n.on('languageChanged', store);
    return () => i18n.off('languageChanged', store);
  }, [i18n]);
  return <OriginalComponent {...props} />;
};

export default TopBar;
