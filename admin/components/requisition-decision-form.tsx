// "Enviar", "Aprobar" and "Rechazar" on a requisition: before the button, its budget line's figures (what
// the line has left, what the requisition asks, what would be left) and a warning in words when it
// overspends: within the tolerance, or needing "aprobar sobregiro". Approving and rejecting ask for the
// password (the step is signed). Posting, refusals beside their field and the redirect are the shared
// record-action form's (record-action-form.tsx).
import { Box, Button, FormGroup, Input, Label, MessageBox, Table, TableBody, TableCell, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { FieldError, useRecordActionForm } from './record-action-form.js';

type Verdict = 'none' | 'fits' | 'tolerated' | 'needsRight';
type Figures = { line: string; available: string; requested: string; after: string; shortfall: string; tolerance: string; tolerated: string };
interface DecisionForm {
  decision: 'submit' | 'approve' | 'reject';
  signed: boolean;
  check: { number: string; title: string; verdict: Verdict; mayOverdraw: boolean; figures: Figures | null } | null;
}

const WARNING: Record<Verdict, 'info' | 'warning' | 'danger' | null> = { none: null, fits: 'info', tolerated: 'warning', needsRight: 'danger' };

const RequisitionDecisionForm: React.FC<ActionProps> = (props) => {
  const { translateMessage } = useTranslation();
  const { form, errors, submitting, submit } = useRecordActionForm<DecisionForm>(props);
  const [password, setPassword] = useState('');
  const t = (key: string, options?: Record<string, string>) => translateMessage(key, props.resource.id, options);

  if (!form || !form.check) return <Box variant="white" p="xl" />;
  const { check } = form;
  const figures = check.figures;
  // needsRight reads differently to one who holds the right: he may approve it, as an overdraft.
  const verdictKey = check.verdict === 'needsRight' && check.mayOverdraw ? 'requisitionCheck_needsRightHeld' : `requisitionCheck_${check.verdict}`;
  const general = Object.entries(errors).filter(([field]) => field !== 'password');

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit(form.signed ? { password } : {})} data-testid="requisition-decision-form">
      <MessageBox mb="lg" message={t(`requisitionDecisionIntro_${form.decision}`, { number: check.number, title: check.title })} />
      {figures && (
        <Table mb="lg" data-testid="requisition-line-figures">
          <TableBody>
            {(
              [
                ['requisitionCheckLine', figures.line],
                ['requisitionCheckAvailable', figures.available],
                ['requisitionCheckRequested', figures.requested],
                ['requisitionCheckAfter', figures.after],
              ] as const
            ).map(([key, value]) => (
              <TableRow key={key}>
                <TableCell><Text>{t(key)}</Text></TableCell>
                <TableCell><Text fontWeight={key === 'requisitionCheckAfter' && value.startsWith('-') ? 'bold' : 'normal'}>{value}</Text></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <MessageBox
        mb="lg"
        variant={WARNING[check.verdict] ?? 'info'}
        message={t(verdictKey, figures ?? {})}
        data-testid="requisition-budget-warning"
      />
      {form.signed && (
        <FormGroup>
          <Label required htmlFor="requisition-password">{t('requisitionField_password')}</Label>
          <Input
            id="requisition-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            width={1}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPassword(e.target.value)}
          />
          <FieldError errors={errors} name="password" />
        </FormGroup>
      )}
      {general.map(([field, error]) => <MessageBox key={field} mb="lg" variant="danger" message={error.message} data-testid={`error-${field}`} />)}
      <Button type="submit" variant="contained" disabled={submitting} data-testid="submit-requisition-decision">{t(`requisitionDecisionSubmit_${form.decision}`)}</Button>
    </Box>
  );
};

export default RequisitionDecisionForm;
