// A show-page section listing records of another resource that point at this one (an asset's work
// orders, a location's sub-locations...). It reads through the same list API, so row rules apply.
import { Box, H5, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useResource, useTranslation, type RecordJSON, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { formatValue } from './plant-format.js';
import { adminRoot } from './admin-root.js';

type Settings = { resource: string; filter: string; columns: string[]; sortBy?: string; direction?: 'asc' | 'desc'; titleKey: string; addable?: boolean };

const api = new ApiClient();
const PAGE = 10;

const RelatedRecords: React.FC<ShowPropertyProps> = ({ property, record }) => {
  const settings = property.custom as Settings;
  const { translateMessage, translateProperty, tl, tm, i18n } = useTranslation();
  const related = useResource(settings.resource);
  const [rows, setRows] = useState<RecordJSON[] | null>(null);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    const params: Record<string, string> = { [`filters.${settings.filter}`]: String(record?.id), perPage: String(PAGE) };
    if (settings.sortBy) Object.assign(params, { sortBy: settings.sortBy, direction: settings.direction ?? 'desc' });
    api
      .resourceAction({ resourceId: settings.resource, actionName: 'list', params })
      .then((response) => {
        const data = response.data as { records: RecordJSON[]; meta: { total: number } };
        setRows(data.records);
        setTotal(data.meta.total);
      })
      .catch(() => setRows([]));
  }, [record?.id]);

  const listHref = `${adminRoot()}/resources/${settings.resource}?filters.${settings.filter}=${record?.id}`;
  return (
    <Box mb="xl" data-testid={`related-${property.name}`}>
      <H5>
        {translateMessage(settings.titleKey)} ({total})
      </H5>
      {rows === null ? (
        <Text>…</Text>
      ) : rows.length === 0 ? (
        <Text>{translateMessage('relatedNone')}</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              {settings.columns.map((column) => (
                <TableCell key={column}>{translateProperty(column, settings.resource)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                {settings.columns.map((column, index) => {
                  // A reference by its name, a closed value by its label, dates and numbers as the language writes them.
                  const populated = row.populated?.[column] as RecordJSON | undefined;
                  const property = related?.properties[column];
                  const value = populated
                    ? populated.title
                    : formatValue(row.params[column], property && { ...property, resourceId: settings.resource }, { language: i18n.language, tl, tm });
                  return (
                    <TableCell key={column} style={index === 0 ? { whiteSpace: 'nowrap' } : undefined}>
                      {index === 0 ? <Link href={`${listHref.split('?')[0]}/records/${row.id}/show`}>{value}</Link> : value}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {settings.addable && related?.resourceActions.some((a) => a.name === 'new') && (
        <Box mt="default">
          <Link href={`${listHref.split('?')[0]}/actions/new`}>{translateMessage('relatedAdd')}</Link>
        </Box>
      )}
      {total > PAGE && (
        <Box mt="default">
          <Link href={listHref}>{translateMessage('relatedSeeAll')}</Link>
        </Box>
      )}
    </Box>
  );
};

export default RelatedRecords;
