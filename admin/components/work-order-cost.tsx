// A work order's cost on its page: labour (hours × the technician's hourly cost), materials from the
// storeroom (issued − returned at their cost) and the total, as the language writes amounts (1.234,50 in
// Spanish, 1,234.50 in English). The values come with the record (resources/inventory/work-order-cost-property.ts);
// without them (a viewer who may not read costs) nothing is drawn.
import { Box, H5, Table, TableBody, TableCell, TableRow } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import React from 'react';

const WorkOrderCost: React.FC<ShowPropertyProps> = ({ record }) => {
  const { translateMessage, i18n } = useTranslation();
  const params = record?.params ?? {};
  if (params['cost.total'] === undefined) return null;
  const language = i18n.language === 'en' ? 'en' : 'es';
  const amount = (value: unknown) =>
    new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' } as Intl.NumberFormatOptions).format(Number(value));
  const hours = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(Number(params['cost.laborHours']));
  const rows: [string, string, string][] = [
    ['labor', translateMessage('workOrderCostLabor', undefined, { hours }), amount(params['cost.labor'])],
    ['materials', translateMessage('workOrderCostMaterials'), amount(params['cost.materials'])],
    ['total', translateMessage('workOrderCostTotal'), amount(params['cost.total'])],
  ];
  return (
    <Box mb="xl" data-testid="work-order-cost">
      <H5>{translateMessage('workOrderCostTitle')}</H5>
      <Table>
        <TableBody>
          {rows.map(([key, label, value]) => (
            <TableRow key={key} data-testid={`work-order-cost-${key}`}>
              <TableCell style={key === 'total' ? { fontWeight: 'bold' } : undefined}>{label}</TableCell>
              <TableCell style={{ textAlign: 'right', fontWeight: key === 'total' ? 'bold' : undefined }}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export default WorkOrderCost;
