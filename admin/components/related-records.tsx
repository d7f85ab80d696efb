// A show-page section listing records of another resource that point at this one (an asset's work
// orders, a location's sub-locations...). It reads through the same list API, so row rules apply.
// A join table (a user's groups) can be kept from here: `add` offers a picker of the other side and
// creates the row with this record filled in, `removable` a "Quitar" on each row; both through the
// join resource's own new and delete actions (POST, CSRF, rules, history, their triggers).
import { Box, Button, H5, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useResource, useTranslation, type RecordJSON, type ShowPropertyProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { formatValue } from './plant-format.js';
import { adminRoot } from './admin-root.js';

type Settings = {
  resource: string; filter: string; columns: string[]; sortBy?: string; direction?: 'asc' | 'desc'; titleKey: string; addable?: boolean;
  /** Pick `choose` among `chooseFrom`'s records and create the join row with `filter` set to this record;
   * several pickers where the join row may point at one of several things (a user, or an outside contact). */
  add?: AddSettings | AddSettings[];
  removable?: boolean;
};

type AddSettings = { choose: string; chooseFrom: string; buttonKey: string };

const api = new ApiClient();
const PAGE = 10;

const RelatedRecords: React.FC<ShowPropertyProps> = ({ property, record }) => {
  const settings = property.custom as Settings;
  const { translateMessage, translateProperty, tl, tm, i18n } = useTranslation();
  const related = useResource(settings.resource);
  const [rows, setRows] = useState<RecordJSON[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loads, setLoads] = useState(0);
  const adds = settings.add ? (Array.isArray(settings.add) ? settings.add : [settings.add]) : [];
  const [choices, setChoices] = useState<Record<string, { id: string; title: string }[]>>({});
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const mayCreate = related?.resourceActions.some((a) => a.name === 'new') ?? false;

  useEffect(() => {
    if (!mayCreate) return;
    for (const picker of adds)
      api
        .searchRecords({ resourceId: picker.chooseFrom, query: '' })
        .then((records) => setChoices((current) => ({ ...current, [picker.choose]: records.map((r) => ({ id: String(r.id), title: r.title })) })))
        .catch(() => setChoices((current) => ({ ...current, [picker.choose]: [] })));
  }, [adds.map((picker) => picker.chooseFrom).join(), mayCreate]);

  const answered = (data: { notice?: { message: string; type: string }; record?: { errors?: Record<string, { message: string }> } }) => {
    const errors = Object.values(data.record?.errors ?? {});
    if (errors.length || data.notice?.type === 'error') setProblem(errors[0]?.message ?? tm(data.notice!.message, settings.resource));
    else setProblem(null);
    setLoads((n) => n + 1);
  };
  const add = (picker: AddSettings) => async (event: React.FormEvent) => {
    event.preventDefault();
    if (!chosen[picker.choose]) return;
    const body = new FormData();
    body.set(settings.filter, String(record?.id));
    body.set(picker.choose, chosen[picker.choose]!);
    try {
      answered((await api.resourceAction({ resourceId: settings.resource, actionName: 'new', method: 'post', data: body })).data as never);
      setChosen((current) => ({ ...current, [picker.choose]: '' }));
    } catch {
      setProblem(translateMessage('forbiddenError'));
    }
  };
  const remove = async (row: RecordJSON) => {
    if (!window.confirm(translateMessage('relatedRemoveConfirm', undefined, { name: row.title }))) return;
    try {
      answered((await api.recordAction({ resourceId: settings.resource, recordId: String(row.id), actionName: 'delete', method: 'post' })).data as never);
    } catch {
      setProblem(translateMessage('forbiddenError'));
    }
  };

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
  }, [record?.id, loads]);

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
              {settings.removable && <TableCell />}
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
                {settings.removable && (
                  <TableCell style={{ textAlign: 'right' }}>
                    {row.recordActions.some((a) => a.name === 'delete') && (
                      <Button type="button" variant="text" size="sm" onClick={() => remove(row)} data-testid={`related-remove-${row.id}`}>
                        {translateMessage('relatedRemove')}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {problem && <Text color="error" mt="default" data-testid="related-problem">{problem}</Text>}
      {mayCreate && adds.map((picker, index) => (
        <Box key={picker.choose} as="form" mt="default" flex flexDirection="row" style={{ gap: 8, flexWrap: 'wrap', alignItems: 'center' }} onSubmit={add(picker)} data-testid={index ? `related-add-${picker.choose}` : 'related-add'}>
          <select
            name={picker.choose}
            aria-label={translateProperty(picker.choose, settings.resource)}
            value={chosen[picker.choose] ?? ''}
            onChange={(e) => setChosen((current) => ({ ...current, [picker.choose]: e.target.value }))}
            style={{ padding: 8, border: '1px solid #c0c0ca', borderRadius: 2, background: '#fff', minWidth: 220 }}
          >
            <option value="">{translateMessage('selectPlaceholder')}</option>
            {(choices[picker.choose] ?? [])
              .filter((choice) => !rows?.some((row) => String((row.populated?.[picker.choose] as RecordJSON | undefined)?.id) === choice.id))
              .map((choice) => (
                <option key={choice.id} value={choice.id}>{choice.title}</option>
              ))}
          </select>
          <Button type="submit" variant="outlined" size="sm" disabled={!chosen[picker.choose]}>{translateMessage(picker.buttonKey)}</Button>
        </Box>
      ))}
      {settings.addable && mayCreate && (
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
