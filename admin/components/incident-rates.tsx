// "Indicadores mensuales" on the incident list (issue 23): a year's incidents by month and kind, days lost,
// hours worked and the frequency and severity rates, for the plant or a site. The action's GET answers the
// figures under the viewer's rules (resources/safety/incident-rates-action.ts); numbers and months are
// written in the reader's language, and the page states how each rate is figured.
import { Box, H3, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';

type Figures = { byKind: Record<string, number>; incidents: number; recordable: number; daysLost: number; hours: number | null; frequencyRate: number | null; severityRate: number | null };
type Rates = { year: number; site: { id: number; name: string } | null; months: (Figures & { month: number })[]; total: Figures & { monthsWithoutHours: number[] } };
type Answer = { rates: Rates | null; sites: { id: number; name: string }[] };

const api = new ApiClient();
const KINDS = ['NEAR_MISS', 'FIRST_AID', 'LOST_TIME', 'ENVIRONMENTAL', 'PROPERTY_DAMAGE'];

const IncidentRates: React.FC<ActionProps> = ({ resource }) => {
  const { translateMessage, translateLabel, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'es';
  const params = new URLSearchParams(window.location.search);
  const [year, setYear] = useState(params.get('year') ?? '');
  const [site, setSite] = useState(params.get('site') ?? '');
  const [answer, setAnswer] = useState<Answer | null | undefined>(undefined);
  const t = (key: string, values?: Record<string, string | number>) => translateMessage(key, resource.id, values);
  const kindLabel = (kind: string) => translateLabel(`kind.${kind}`, resource.id, { defaultValue: kind }) as string;
  const number = (n: number | null, digits = 0) => (n === null ? '—' : n.toLocaleString(locale === 'en' ? 'en-GB' : 'es-ES', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true }));
  const monthName = (month: number) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'es-ES', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));

  useEffect(() => {
    const query: Record<string, string> = { language: i18n.language };
    if (year) query.year = year;
    if (site) query.site = site;
    // The view lives in the address, so a reload or a link shows the same year and site.
    const search = new URLSearchParams({ ...(year && { year }), ...(site && { site }) }).toString();
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
    api.resourceAction({ resourceId: resource.id, actionName: 'incidentRates', params: query }).then(
      (response) => setAnswer(response.data as Answer),
      () => setAnswer(null),
    );
  }, [year, site, i18n.language]);

  if (answer === undefined) return <Text>{t('formLoading')}</Text>;
  if (answer === null || !answer.rates) return <MessageBox variant="danger" message={t('incidentRatesUnavailable')} />;
  const { rates, sites } = answer;
  const row = (label: string, figures: Figures, key: string) => (
    <TableRow key={key} data-testid={`rates-${key}`}>
      <TableCell style={{ whiteSpace: 'nowrap' }}>{label}</TableCell>
      {KINDS.map((kind) => <TableCell key={kind}>{number(figures.byKind[kind] ?? 0)}</TableCell>)}
      <TableCell>{number(figures.daysLost)}</TableCell>
      <TableCell>{number(figures.hours, 1)}</TableCell>
      <TableCell data-testid={`rates-${key}-frequency`}>{number(figures.frequencyRate, 2)}</TableCell>
      <TableCell data-testid={`rates-${key}-severity`}>{number(figures.severityRate, 2)}</TableCell>
    </TableRow>
  );

  return (
    <Box variant="grey" data-testid="incident-rates">
      <Box variant="white" p="xl" mb="xl">
        <H3>{t('incidentRatesTitle', { year: String(rates.year), site: rates.site?.name ?? t('incidentRatesWholePlant') })}</H3>
        <Box flex flexDirection="row" style={{ gap: 16 }} mb="lg">
          <label>
            {t('incidentRatesYear')}{' '}
            <input type="number" min={2000} max={2100} value={year || rates.year} onChange={(e) => setYear(e.target.value)} data-testid="rates-year" style={{ width: 90 }} />
          </label>
          <label>
            {t('incidentRatesSite')}{' '}
            <select value={site} onChange={(e) => setSite(e.target.value)} data-testid="rates-site">
              <option value="">{t('incidentRatesWholePlant')}</option>
              {sites.map((s) => <option key={s.id} value={String(s.id)}>{s.name}</option>)}
            </select>
          </label>
        </Box>
        <Text mb="sm">{t('incidentRatesFrequencyRule')}</Text>
        <Text mb="sm">{t('incidentRatesSeverityRule')}</Text>
        <Text mb="sm">{t('incidentRatesHoursRule')}</Text>
        {rates.total.monthsWithoutHours.length > 0 && (
          <MessageBox variant="info" mt="lg" message={t('incidentRatesMissingHours', { months: rates.total.monthsWithoutHours.map(monthName).join(', ') })} data-testid="rates-missing-hours" />
        )}
      </Box>
      <Box variant="white" p="xl" style={{ overflowX: 'auto' }}>
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>{t('incidentRatesMonth')}</TableCell>
              {KINDS.map((kind) => <TableCell key={kind}>{kindLabel(kind)}</TableCell>)}
              <TableCell>{t('incidentRatesDaysLost')}</TableCell>
              <TableCell>{t('incidentRatesHours')}</TableCell>
              <TableCell>{t('incidentRatesFrequency')}</TableCell>
              <TableCell>{t('incidentRatesSeverity')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rates.months.map((month) => row(monthName(month.month), month, `month-${month.month}`))}
            {row(t('incidentRatesYearTotal'), rates.total, 'total')}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};

export default IncidentRates;
