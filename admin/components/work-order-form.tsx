// The work-order forms that need more than a button: "Asignar" (technician picker, with each one's open
// work), "Registrar pasos" (a value per procedure step), "Completar" (the technician's report: hours,
// failure, materials) and "Cerrar orden" (the closeout, starting from that report). The action handler answers a GET with
// the form's data and a POST with the outcome; refusals come back per field and are shown beside it.
import { Box, Button, FormGroup, H4, Input, Label, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { FieldError, useRecordActionForm } from './record-action-form.js';

interface Step {
  id: number;
  position: number;
  instruction: string;
  valueType: 'NUMBER' | 'BOOLEAN' | 'TEXT';
  unit: string | null;
  minValue: string | null;
  maxValue: string | null;
  value: string;
  passed: boolean | null;
}
interface FailureCode { id: number; code: string; name: string; kind: 'PROBLEM' | 'CAUSE' | 'REMEDY'; parentId: number | null }
interface FormData {
  technicians?: { id: number; name: string; craft: string; openOrders: number; openHours: number }[];
  report?: { laborHours: string; problemId: string; causeId: string; remedyId: string; observations: string; materials: Material[] } | null;
  steps?: Step[];
  failureCodes?: FailureCode[];
  kind?: string;
  stock?: StockLine[];
}
interface Material { description: string; quantity: string; unit: string }
// A storeroom line of the closeout: one material from one warehouse, what the order holds and what was used.
interface StockLine { materialId: number; warehouseId: number; material: string; warehouse: string; bin: string | null; unit: string; held: string; reserved: string; used: string; reported: boolean }
interface LevelChoice { materialId: number; warehouseId: number; material: string; warehouse: string; bin: string | null; unit: string; available: string }

const api = new ApiClient();
const nativeSelect: React.CSSProperties = { width: '100%', padding: '8px', border: '1px solid #c0c0ca', borderRadius: 2, background: '#fff' };

const WorkOrderForm: React.FC<ActionProps> = ({ action, record, resource }) => {
  const { translateMessage, translateProperty, i18n } = useTranslation();
  const [technicianId, setTechnicianId] = useState('');
  const [values, setValues] = useState<Record<number, string>>({});
  const [laborHours, setLaborHours] = useState('');
  const [failure, setFailure] = useState({ problemId: '', causeId: '', remedyId: '' });
  const [observations, setObservations] = useState('');
  const [materials, setMaterials] = useState<Material[]>([]);
  const [stock, setStock] = useState<StockLine[]>([]);
  const [stockSearch, setStockSearch] = useState('');
  const [stockFound, setStockFound] = useState<{ id: string; title: string; unit: string }[]>([]);
  const [levels, setLevels] = useState<LevelChoice[] | null>(null);
  const t = (key: string, params?: Record<string, string | number>) => translateMessage(key, resource.id, params);
  const locale = i18n.language === 'en' ? 'en' : 'es';
  // The completion and the closeout ask for the same report; steps are recorded apart by the technician.
  const reports = action.name === 'complete' || action.name === 'close';

  const { form, errors, submitting, submit } = useRecordActionForm<FormData>({ action, record, resource }, (data) => {
    setValues(Object.fromEntries((data.steps ?? []).map((s) => [s.id, s.value])));
    setStock(data.stock ?? []);
    if (data.report) {
      setLaborHours(data.report.laborHours);
      setFailure({ problemId: data.report.problemId, causeId: data.report.causeId, remedyId: data.report.remedyId });
      setObservations(data.report.observations);
      setMaterials(data.report.materials);
    }
  });

  const payload = () => {
    const steps = Object.entries(values).map(([procedureStepId, value]) => ({ procedureStepId: Number(procedureStepId), value }));
    return action.name === 'assign'
      ? { technicianId }
      : action.name === 'recordSteps'
        ? { steps }
        : action.name === 'complete'
          ? { laborHours, ...failure, observations, materials }
          : { laborHours, ...failure, observations, steps, materials, stock: stock.map((l) => ({ materialId: l.materialId, warehouseId: l.warehouseId, used: l.used })) };
  };

  const error = (field: string) => <FieldError errors={errors} name={field} />;
  if (!form) return <Text>{t('formLoading')}</Text>;

  const codes = form.failureCodes ?? [];
  const optionsOf = (kind: FailureCode['kind'], parentId?: string) =>
    codes.filter((c) => c.kind === kind && (parentId === undefined || String(c.parentId) === parentId));
  const failureSelect = (field: 'problemId' | 'causeId' | 'remedyId', label: string, options: FailureCode[], reset: Partial<typeof failure>) => (
    <FormGroup>
      <Label required={form.kind === 'CORRECTIVE'}>{t(label)}</Label>
      <select style={nativeSelect} name={field} value={failure[field]} onChange={(e) => setFailure({ ...failure, ...reset, [field]: e.target.value })}>
        <option value="">{t('selectPlaceholder')}</option>
        {options.map((c) => (
          <option key={c.id} value={c.id}>{`${c.code} · ${c.name}`}</option>
        ))}
      </select>
      {error(field)}
    </FormGroup>
  );

  // A number outside its step's limits, judged as typed the way the server judges it (decimal comma read):
  // recorded as failed, not refused, so the form says so beside it in words and red, before saving.
  const outOfLimits = (step: Step): boolean => {
    if (step.valueType !== 'NUMBER') return false;
    const text = (values[step.id] ?? '').replace(/\s/g, '').replace(',', '.');
    if (!/^-?\d+(\.\d+)?$/.test(text)) return false;
    const n = Number(text);
    return (step.minValue !== null && n < Number(step.minValue)) || (step.maxValue !== null && n > Number(step.maxValue));
  };
  const limitsOf = (step: Step) => ({
    min: step.minValue === null ? '−∞' : Number(step.minValue).toLocaleString(locale),
    max: `${step.maxValue === null ? '∞' : Number(step.maxValue).toLocaleString(locale)}${step.unit ? ` ${step.unit}` : ''}`,
  });

  // Quantities as the language writes them (2,5 in Spanish); what is typed is sent as typed.
  const quantity = (value: string) => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value).toLocaleString(locale, { maximumFractionDigits: 3 }) : value);
  const searchMaterials = async (text: string) => {
    setStockSearch(text);
    setLevels(null);
    if (text.trim().length < 2) return setStockFound([]);
    const found = await api.searchRecords({ resourceId: 'Material', query: text.trim() });
    setStockFound(found.slice(0, 10).map((r) => ({ id: String(r.id), title: r.title, unit: String(r.params.unit ?? '') })));
  };
  // The material's stock levels the viewer may see (his sites' warehouses), through the list's own rules.
  const pickMaterial = async (materialId: string, unit: string) => {
    const response = await api.resourceAction({ resourceId: 'StockLevel', actionName: 'list', params: { 'filters.material': materialId, perPage: 50 } });
    const records = (response.data as unknown as { records: { params: Record<string, string>; populated: Record<string, { title: string } | null> }[] }).records;
    setStockFound([]);
    setLevels(
      records.map((r) => ({
        materialId: Number(r.params.material), warehouseId: Number(r.params.warehouse), material: r.populated.material?.title ?? '', warehouse: r.populated.warehouse?.title ?? '',
        bin: r.populated.bin?.title ?? null, unit, available: String(r.params.available ?? '0'),
      })),
    );
  };
  const addLevel = (level: LevelChoice) => {
    setStock([...stock, { ...level, held: '0', reserved: '0', used: '', reported: false }]);
    setLevels(null);
    setStockSearch('');
  };
  const stockSection = (
    <Box mb="xl" data-testid="closeout-stock">
      <H4>{t('closeoutStockTitle')}</H4>
      <Text mb="default">{t('closeoutStockIntro')}</Text>
      {stock.length === 0 ? (
        <Text mb="default">{t('closeoutStockNone')}</Text>
      ) : (
        <Box style={{ overflowX: 'auto' }} mb="default">
          <Table>
            <TableHead>
              <TableRow>
                <TableCell>{t('closeoutStockMaterial')}</TableCell>
                <TableCell>{t('closeoutStockWarehouse')}</TableCell>
                <TableCell>{t('closeoutStockHeld')}</TableCell>
                <TableCell>{t('closeoutStockReserved')}</TableCell>
                <TableCell>{t('closeoutStockUsed')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {stock.map((line, index) => (
                <TableRow key={`${line.materialId}-${line.warehouseId}-${index}`} data-testid={`stock-line-${index}`}>
                  <TableCell style={{ minWidth: 220 }}>
                    {line.material}
                    {line.reported && <Text variant="sm" color="grey60">{t('closeoutStockReported')}</Text>}
                  </TableCell>
                  <TableCell style={{ minWidth: 160 }}>{line.bin ? `${line.warehouse} · ${line.bin}` : line.warehouse}</TableCell>
                  <TableCell>{`${quantity(line.held)} ${line.unit}`}</TableCell>
                  <TableCell>{`${quantity(line.reserved)} ${line.unit}`}</TableCell>
                  <TableCell>
                    <Input
                      name={`stock-${index}-used`}
                      inputMode="decimal"
                      value={line.used}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => setStock(stock.map((l, i) => (i === index ? { ...l, used: e.target.value } : l)))}
                    />
                    {error(`stock.${index}.used`)}
                  </TableCell>
                  <TableCell>
                    {line.held === '0' && line.reserved === '0' && (
                      <Button type="button" variant="text" style={{ whiteSpace: 'nowrap' }} onClick={() => setStock(stock.filter((_, i) => i !== index))}>
                        {t('closeoutRemoveMaterial')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <FormGroup>
        <Label>{t('closeoutStockAdd')}</Label>
        <Input name="stock-search" width={1} placeholder={t('closeoutStockSearch')} value={stockSearch} onChange={(e: React.ChangeEvent<HTMLInputElement>) => void searchMaterials(e.target.value)} />
        {stockFound.map((m) => (
          <Button key={m.id} type="button" variant="text" display="block" onClick={() => void pickMaterial(m.id, m.unit)} data-testid="stock-search-result">
            {m.title}
          </Button>
        ))}
        {levels && levels.length === 0 && <Text mt="sm">{t('closeoutStockNoLevels')}</Text>}
        {levels && levels.length > 0 && (
          <Box mt="sm">
            <Label>{t('closeoutStockPickLevel')}</Label>
            {levels.map((level) => (
              <Button key={level.warehouseId} type="button" variant="outlined" mr="default" mb="sm" onClick={() => addLevel(level)} data-testid="stock-level-choice">
                {t('closeoutStockAvailable', { warehouse: level.bin ? `${level.warehouse} · ${level.bin}` : level.warehouse, available: quantity(level.available), unit: level.unit })}
              </Button>
            ))}
          </Box>
        )}
      </FormGroup>
    </Box>
  );

  const stepInput = (step: Step) => {
    const value = values[step.id] ?? '';
    const set = (v: string) => setValues({ ...values, [step.id]: v });
    if (step.valueType === 'BOOLEAN')
      return (
        <select style={nativeSelect} name={`step-${step.position}`} value={value} onChange={(e) => set(e.target.value)}>
          <option value="">{t('selectPlaceholder')}</option>
          <option value="true">{t('stepYes')}</option>
          <option value="false">{t('stepNo')}</option>
        </select>
      );
    const outside = outOfLimits(step);
    return (
      <>
        <Input
          name={`step-${step.position}`}
          value={value}
          inputMode={step.valueType === 'NUMBER' ? 'decimal' : undefined}
          aria-invalid={outside}
          style={outside ? { borderColor: '#C81E1E', borderWidth: 2, background: '#FDECEC' } : undefined}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(e.target.value)}
          width={1}
        />
        {outside && (
          <Text mt="sm" fontWeight="bold" style={{ color: '#C81E1E' }} data-testid={`out-of-limits-${step.position}`}>
            ⚠ {translateMessage('stepOutOfLimits', undefined, limitsOf(step))}
          </Text>
        )}
      </>
    );
  };

  const stepsTable = (form.steps ?? []).length === 0 ? (
    <Text mb="lg">{t('stepsNone')}</Text>
  ) : (
    // On a phone the table scrolls inside its box; the page itself never scrolls sideways.
    <Box style={{ overflowX: 'auto' }} mb="xl">
    <Table>
      <TableHead>
        <TableRow>
          <TableCell>#</TableCell>
          <TableCell>{translateProperty('instruction', 'ProcedureStep')}</TableCell>
          <TableCell>{t('stepLimits')}</TableCell>
          <TableCell>{translateProperty('value', 'WorkOrderStepValue')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {form.steps!.map((step) => (
          <TableRow key={step.id}>
            <TableCell>{step.position}</TableCell>
            <TableCell>{step.instruction}</TableCell>
            <TableCell>{step.valueType === 'NUMBER' ? `${step.minValue ?? '−∞'} … ${step.maxValue ?? '∞'} ${step.unit ?? ''}` : ''}</TableCell>
            <TableCell>
              {stepInput(step)}
              {error(`steps.${step.id}`)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    </Box>
  );

  return (
    <Box as="form" variant="white" p="xl" onSubmit={submit(payload())} data-testid={`work-order-${action.name}`}>
      {errors.state && <MessageBox mb="lg" variant="danger" message={errors.state.message} />}
      {action.name === 'assign' && (
        <FormGroup>
          <Label required>{t('assignTechnicianLabel')}</Label>
          <select style={nativeSelect} name="technicianId" value={technicianId} onChange={(e) => setTechnicianId(e.target.value)}>
            <option value="">{t('selectPlaceholder')}</option>
            {(form.technicians ?? []).map((tech) => (
              <option key={tech.id} value={tech.id}>
                {`${tech.name} · ${tech.craft} · ${t('assignWorkload', { orders: tech.openOrders.toLocaleString(locale), hours: tech.openHours.toLocaleString(locale) })}`}
              </option>
            ))}
          </select>
          {error('technicianId')}
        </FormGroup>
      )}
      {action.name === 'complete' && <MessageBox mb="lg" message={t('completeIntro')} />}
      {action.name === 'close' && form.report && <MessageBox mb="lg" variant="info" message={t('closeoutFromCompletion')} data-testid="closeout-from-completion" />}
      {reports && (
        <>
          <FormGroup>
            <Label required>{t('closeoutLaborHoursLabel')}</Label>
            <Input name="laborHours" value={laborHours} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setLaborHours(e.target.value)} />
            {error('laborHours')}
          </FormGroup>
          {failureSelect('problemId', 'closeoutProblem', optionsOf('PROBLEM'), { causeId: '', remedyId: '' })}
          {failureSelect('causeId', 'closeoutCause', optionsOf('CAUSE', failure.problemId), { remedyId: '' })}
          {failureSelect('remedyId', 'closeoutRemedy', optionsOf('REMEDY', failure.causeId), {})}
        </>
      )}
      {action.name !== 'assign' && action.name !== 'complete' && (
        <>
          <H4>{t('stepsTitle')}</H4>
          {stepsTable}
        </>
      )}
      {reports && (
        <>
          <FormGroup>
            <Label>{t('closeoutObservations')}</Label>
            <TextArea name="observations" width={1} rows={3} value={observations} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setObservations(e.target.value)} />
            {error('observations')}
          </FormGroup>
          {action.name === 'close' && stockSection}
          <H4>{t(action.name === 'close' ? 'closeoutOtherMaterials' : 'closeoutMaterials')}</H4>
          {materials.map((m, index) => (
            <Box key={index} flex flexDirection="row" mb="default" style={{ flexWrap: 'wrap', gap: 8 }} data-testid={`material-${index}`}>
              {(['description', 'quantity', 'unit'] as const).map((field) => (
                <Box key={field} mr="default" flexGrow={field === 'description' ? 1 : 0}>
                  <Label>{t(`closeoutMaterial${field[0]!.toUpperCase()}${field.slice(1)}Label`)}</Label>
                  <Input
                    width={1}
                    name={`material-${index}-${field}`}
                    value={m[field]}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => setMaterials(materials.map((x, i) => (i === index ? { ...x, [field]: e.target.value } : x)))}
                  />
                  {error(`materials.${index}.${field}`)}
                </Box>
              ))}
              <Button type="button" variant="text" mt="xl" onClick={() => setMaterials(materials.filter((_, i) => i !== index))}>
                {t('closeoutRemoveMaterial')}
              </Button>
            </Box>
          ))}
          <Button type="button" variant="outlined" mb="xl" onClick={() => setMaterials([...materials, { description: '', quantity: '', unit: '' }])} data-testid="add-material">
            {t('closeoutAddMaterial')}
          </Button>
        </>
      )}
      <Box mt="lg">
        <Button type="submit" variant="contained" disabled={submitting} data-testid="submit-work-order-form">
          {t({ assign: 'assignSubmit', recordSteps: 'stepsSave', complete: 'completeSubmit' }[action.name] ?? 'closeoutSubmit')}
        </Button>
      </Box>
    </Box>
  );
};

export default WorkOrderForm;
