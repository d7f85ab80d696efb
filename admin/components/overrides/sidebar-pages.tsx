// AdminJS lists every page in the sidebar for everyone; the jobs monitor is for administrators only (the
// server refuses its data and actions to anyone else), so only they see its link.
import { useCurrentAdmin } from 'adminjs';
import React from 'react';

type Page = { name: string };
type Props = { pages?: Page[]; OriginalComponent: React.ComponentType<{ pages?: Page[] }> };
const ADMINISTRATORS_ONLY = ['jobsMonitor'];
// energy (issue 25): the energy page is for the groups that read measurement points (the server refuses
// its figures to anyone else); operators, who read none, are not offered it.
const METER_READERS = ['ADMINISTRATORS', 'SUPERVISORS', 'TECHNICIANS', 'CONSULTANTS'];

const SidebarPages: React.FC<Props> = ({ OriginalComponent, pages = [] }) => {
  const [admin] = useCurrentAdmin();
  const groups = (admin as { groups?: string[] } | null)?.groups ?? [];
  const isAdministrator = groups.includes('ADMINISTRATORS');
  const readsMeters = groups.some((group) => METER_READERS.includes(group));
  const shown = pages.filter((page) => (isAdministrator || !ADMINISTRATORS_ONLY.includes(page.name)) && (readsMeters || page.name !== 'energy'));
  return <OriginalComponent pages={shown} />;
};

export default SidebarPages;
