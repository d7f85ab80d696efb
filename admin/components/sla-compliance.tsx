// "Cumplimiento de SLA": per vendor, the contractors' orders handed over in the last days and the share of
// response and resolution clocks met among those already judged; a clock still running is not counted yet.
import { Box, H3, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';

type Tally = { met: number; judged: number; percent: number | null };
type Vendor = { vendorId: number; vendor: string; orders: number; response: Tally; resolution: Tally };
type Compliance = { days: number; vendors: Vendor[] };

const api = new ApiClient();

const SlaCompliance: React.FC<ActionProps> = ({ resource, action }) => {
  const { translateMessage, i18n } = useTranslation();
  const [compliance, setCompliance] = useState<Compliance | null>(null);
  const t = (key: string, values?: Record<string, string | number>) => translateMessage(key, resource.id, values);
  useEffect(() => {
    api.resourceAction({ resourceId: resource.id, actionName: action.name }).then((response) => setCompliance((response.data as unknown as { compliance: Compliance }).compliance));
  }, [resource.id]);
  if (!compliance) return <Text>…</Text>;
  const share = (tally: Tally) =>
    tally.percent === null ? t('slaNotJudged') : t('slaShare', { percent: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(tally.percent), met: tally.met, judged: tally.judged });

  return (
    <Box variant="white" p="xl" data-testid="sla-compliance">
      <H3>{t('slaComplianceTitle', { days: compliance.days })}</H3>
      {compliance.vendors.length === 0 ? (
        <Text>{t('slaComplianceNone')}</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              {['slaColumnVendor', 'slaColumnOrders', 'slaColumnResponse', 'slaColumnResolution'].map((key) => <TableCell key={key}>{t(key)}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {compliance.vendors.map((vendor) => (
              <TableRow key={vendor.vendorId} data-testid="sla-vendor">
                <TableCell>{vendor.vendor}</TableCell>
                <TableCell>{vendor.orders}</TableCell>
                <TableCell>{share(vendor.response)}</TableCell>
                <TableCell>{share(vendor.resolution)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default SlaCompliance;
