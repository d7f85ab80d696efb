// "Migración: orden de importación": the import kinds this person may run, in the order a first
// migration imports them, each with what it must follow, its template, its import page and its last run.
import { Box, Text } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';

interface MigrationStep {
  kind: string;
  model: string;
  dependsOn: string[];
  lastRun: { id: number; state: string; rowsNew: number; rowsChanged: number; rowsUnchanged: number; rowsRejected: number } | null;
}

const adminRoot = () => window.location.pathname.split('/resources/')[0];
const cell: React.CSSProperties = { border: '1px solid #ddd', padding: '6px 10px', textAlign: 'left', verticalAlign: 'top' };

const ImportMigration: React.FC<ActionProps> = ({ resource, action }) => {
  const { translateMessage, translateLabel } = useTranslation();
  const [plan, setPlan] = useState<MigrationStep[] | null>(null);

  useEffect(() => {
    void fetch(`${adminRoot()}/api/resources/${resource.id}/actions/${action.name}`, { credentials: 'same-origin' })
      .then((response) => response.json())
      .then((body: { plan?: MigrationStep[] }) => setPlan(body.plan ?? []));
  }, [resource.id, action.name]);

  if (!plan) return <Text>…</Text>;
  return (
    <Box variant="white" p="xl" data-testid="import-migration">
      <Text mb="lg">{translateMessage('migrationHelp')}</Text>
      {plan.length === 0 ? (
        <Text>{translateMessage('migrationNothing')}</Text>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th style={cell}>{translateMessage('migrationStep')}</th>
              <th style={cell}>{translateMessage('migrationKind')}</th>
              <th style={cell}>{translateMessage('migrationDependsOn')}</th>
              <th style={cell}>{translateMessage('migrationTemplate')}</th>
              <th style={cell}>{translateMessage('migrationLastRun')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.map((step, i) => (
              <tr key={step.kind} data-testid={`migration-${step.kind}`}>
                <td style={cell}>{i + 1}</td>
                <td style={cell}>
                  <a href={`${adminRoot()}/resources/${step.model}/actions/importXlsx`}>{translateLabel(step.model, step.model)}</a>
                </td>
                <td style={cell}>{step.dependsOn.map((model) => translateLabel(model, model)).join(', ')}</td>
                <td style={cell}>
                  <a href={`${adminRoot()}/imports/${step.kind}/template.xlsx`}>{translateMessage('migrationTemplate')}</a>
                </td>
                <td style={cell}>
                  {step.lastRun ? (
                    <a href={`${adminRoot()}/resources/ImportRun/records/${step.lastRun.id}/show`}>
                      {translateMessage('migrationRunSummary', undefined, {
                        id: step.lastRun.id,
                        state: translateLabel(`importState_${step.lastRun.state}`),
                        new: step.lastRun.rowsNew,
                        changed: step.lastRun.rowsChanged,
                        unchanged: step.lastRun.rowsUnchanged,
                        rejected: step.lastRun.rowsRejected,
                      })}
                    </a>
                  ) : (
                    translateMessage('migrationNever')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Box>
  );
};

export default ImportMigration;
