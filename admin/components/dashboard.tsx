// The home page: who is signed in, in which groups, and the state of the plant's back office.
import { Box, H2, H5, Text } from '@adminjs/design-system';
import { ApiClient, useCurrentAdmin, useTranslation } from 'adminjs';
import React, { useEffect, useState } from 'react';

type DashboardData = { counts: { label: string; value: number }[] };

const api = new ApiClient();

const Dashboard: React.FC = () => {
  const [currentAdmin] = useCurrentAdmin();
  const { translateMessage } = useTranslation();
  const [data, setData] = useState<DashboardData | null>(null);

  useEffect(() => {
    api.getDashboard<DashboardData>().then((response) => setData(response.data));
  }, []);

  const groups = ((currentAdmin as { groups?: string[] } | null)?.groups ?? []).map((g) => translateMessage(`group_${g}`));
  return (
    <Box variant="grey" data-testid="dashboard">
      <Box variant="white" p="xl">
        <H2>{translateMessage('dashboardWelcome', undefined, { name: currentAdmin?.title ?? '' })}</H2>
        <Text>{translateMessage('dashboardGroups', undefined, { groups: groups.join(', ') })}</Text>
      </Box>
      <Box flex flexDirection="row" mt="xl" style={{ gap: 16, flexWrap: 'wrap' }}>
        {(data?.counts ?? []).map((count) => (
          <Box key={count.label} variant="white" p="lg" style={{ minWidth: 200 }}>
            <H5>{translateMessage(count.label)}</H5>
            <Text fontSize="xl">{count.value.toLocaleString()}</Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

export default Dashboard;
