// "Imprimir el día de un técnico": choose the technician and the day; one PDF of his orders.
import { Box, Button, Input, Label, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { adminRoot } from '../components/admin-root.js';

const PrintTechnicianDay: React.FC<ActionProps> = () => {
  const { translateMessage, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const [technicians, setTechnicians] = useState<{ id: string; title: string }[]>([]);
  const [technicianId, setTechnicianId] = useState('');
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10));
  useEffect(() => {
    new ApiClient().searchRecords({ resourceId: 'Technician', query: '' }).then((records) => {
      setTechnicians(records.map((r) => ({ id: String(r.id), title: r.title })));
      if (records[0]) setTechnicianId(String(records[0].id));
    }).catch(() => setTechnicians([]));
  }, []);
  const href = `${adminRoot()}/printables/technician-day.pdf?technicianId=${encodeURIComponent(technicianId)}&day=${encodeURIComponent(day)}&lang=${lang}`;
  return (
    <Box variant="white" p="xl">
      <Text mb="lg">{translateMessage('printDayIntro')}</Text>
      <Label htmlFor="print-day-technician">{translateMessage('printDayTechnician')}</Label>
      <select id="print-day-technician" value={technicianId} onChange={(e) => setTechnicianId(e.target.value)} style={{ display: 'block', marginBottom: 16, padding: 8, minWidth: 260 }}>
        {technicians.map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}
      </select>
      <Label htmlFor="print-day-date">{translateMessage('printDayDate')}</Label>
      <Input id="print-day-date" type="date" value={day} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDay(e.target.value)} mb="lg" />
      <Box mt="lg">
        <Button as="a" href={href} variant="contained" data-testid="print-technician-day" download>{translateMessage('printDayButton')}</Button>
      </Box>
    </Box>
  );
};

export default PrintTechnicianDay;
