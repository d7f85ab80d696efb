// "Recibir" on an approved requisition (issue 20): each line with what was ordered, what has come and what
// is left, where it goes (a warehouse, or charged to the budget at once), and a box for what arrived now.
// Posting, refusals beside their line and the redirect are the shared record-action form's.
import { Box, Button, FormGroup, Input, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import type { ReceiptForm } from '../../domain/budgets/requisition-receipt-form.js';
import { FieldError, useRecordActionForm } from './record-action-form.js';


const nativeSelect: React.CSSProperties = { width: '100%', padding: '8px', border: '1px solid #c0c0ca', borderRadius: 2, background: '#fff' };
const COLUMNS = ['line', 'item', 'ordered', 'received', 'left', 'destination', 'quantity', 'bin'] as const;

const RequisitionReceiptForm: React.FC<ActionProps> = (props) => {
  const { translateMessage } = useTranslation();
  const { form, errors, submitting, submit } = useRecordActionForm<ReceiptForm | null>(props);
  const [values, setValues] = useState<Record<string, string>>({});
  const t = (key: string, options?: Record<string, string | number>) => translateMessage(key, props.resource.id, options);
  const set = (name: string, value: string) => setValues({ ...values, [name]: value });

  if (!form) return <Box variant="white" p="xl" />;
  const lineFields = new Set(form.lines.flatMap((line) => [`quantity_${line.itemId}`, `bin_${line.itemId}`]));
  const general = Object.entries(errors).filter(([field]) => !lineFields.has(field));

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit(values)} data-testid="requisition-receipt-form">
      <MessageBox mb="lg" message={t('receiptFormIntro', { number: form.number, title: form.title })} />
      <MessageBox mb="lg" variant="info" message={form.budgetLine ? t('receiptFormCharged', { line: form.budgetLine }) : t('receiptFormNoLine')} />
      <Table mb="lg" data-testid="receipt-lines">
        <TableHead>
          <TableRow>
            {COLUMNS.map((column) => <TableCell key={column}><Text fontWeight="bold">{t(`receiptColumn_${column}`)}</Text></TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {form.lines.map((line) => (
            <TableRow key={line.itemId} data-testid={`receipt-line-${line.position}`}>
              <TableCell><Text>{line.position}</Text></TableCell>
              <TableCell><Text>{line.description}</Text></TableCell>
              <TableCell><Text>{`${line.ordered} ${line.unit}`}</Text></TableCell>
              <TableCell><Text>{`${line.received} ${line.unit}`}</Text></TableCell>
              <TableCell><Text>{`${line.left} ${line.unit}`}</Text></TableCell>
              <TableCell><Text>{line.stock ? t('receiptDestination_stock', { warehouse: line.stock.warehouse, material: line.stock.material }) : t('receiptDestination_direct')}</Text></TableCell>
              <TableCell>
                <Input
                  id={`receipt-quantity-${line.position}`}
                  name={`quantity_${line.itemId}`}
                  aria-label={`${t('receiptColumn_quantity')} · ${t('receiptColumn_line')} ${line.position}`}
                  inputMode="decimal"
                  value={values[`quantity_${line.itemId}`] ?? ''}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(`quantity_${line.itemId}`, e.target.value)}
                />
                <FieldError errors={errors} name={`quantity_${line.itemId}`} />
              </TableCell>
              <TableCell>
                {line.stock && line.stock.bins.length > 0 && (
                  <select style={nativeSelect} name={`bin_${line.itemId}`} aria-label={`${t('receiptColumn_bin')} · ${t('receiptColumn_line')} ${line.position}`} value={values[`bin_${line.itemId}`] ?? ''} onChange={(e) => set(`bin_${line.itemId}`, e.target.value)}>
                    <option value="">{t('selectPlaceholder')}</option>
                    {line.stock.bins.map((bin) => <option key={bin.value} value={bin.value}>{bin.label}</option>)}
                  </select>
                )}
                <FieldError errors={errors} name={`bin_${line.itemId}`} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {(['deliveryNote', 'note'] as const).map((field) => (
        <FormGroup key={field}>
          <Label htmlFor={`receipt-${field}`}>{t(`receiptField_${field}`)}</Label>
          <Input id={`receipt-${field}`} name={field} width={1} value={values[field] ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(field, e.target.value)} />
        </FormGroup>
      ))}
      {general.map(([field, error]) => <MessageBox key={field} mb="lg" variant="danger" message={error.message} data-testid={`error-${field}`} />)}
      <Button type="submit" variant="contained" disabled={submitting} data-testid="submit-receipt">{t('receiptSubmit')}</Button>
    </Box>
  );
};

export default RequisitionReceiptForm;
