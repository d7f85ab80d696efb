// AdminJS lists every page in the sidebar for everyone; the jobs monitor is for administrators only (the
// server refuses its data and actions to anyone else), so only they see its link.
import { useCurrentAdmin } from 'adminjs';
import React from 'react';

type Page = { name: string };
type Props = { pages?: Page[]; OriginalComponent: React.ComponentType<{ pages?: Page[] }> };
const ADMINISTRATORS_ONLY = ['jobsMonitor'];

const SidebarPages: React.FC<Props> = ({ OriginalComponent, pages = [] }) => {
  const [admin] = useCurrentAdmin();
  const isAdministrator = ((admin as { groups?: string[] } | null)?.groups ?? []).includes('ADMINISTRATORS');
  return <OriginalComponent pages={isAdministrator ? pages : pages.filter((page) => !ADMINISTRATORS_ONLY.includes(page.name))} />;
};

export default SidebarPages;
