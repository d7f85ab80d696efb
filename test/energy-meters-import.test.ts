// Energy meters loaded from Excel (issue 25): the measurement points sheet takes the energy a counter
// measures and its rollover value, by label or code, and refuses them on a point that is no counter.
import { describe, expect, it } from 'vitest';
import * as make from './support/factories.js';
import { useImportTestPlant } from './support/imports.js';

const plant = useImportTestPlant('Elena Energía');

describe('energy meters in the measurement points sheet', () => {
  it('stores the carrier and the rollover of counters, and refuses them on a point that counts nothing', async () => {
    const asset = await make.anAsset(plant.prisma, { code: 'TR-IMP' });
    const outcome = await plant.importSheet('measurement-points', [
      ['Código', 'Activo', 'Variable', 'Unidad', 'Es contador', 'Energía que mide', 'Vuelve a cero al llegar a'],
      ['TR-IMP-EM', asset.code, 'Energía activa', 'kWh', 'Sí', 'Electricidad', '100000'],
      ['TR-IMP-AG', asset.code, 'Agua de enfriamiento', 'm³', 'Sí', 'WATER', ''],
      ['TR-IMP-T', asset.code, 'Temperatura', '°C', 'No', 'Electricidad', ''],
      ['TR-IMP-X', asset.code, 'Horas', 'h', 'Sí', '', '-5'],
    ]);
    expect(outcome.errors).toEqual([
      '4 Energía que mide: Solo un contador mide energía: marque «Es contador» o deje vacía la energía.',
      '5 Vuelve a cero al llegar a: La vuelta a cero es un número mayor que cero, y solo de un contador.',
    ]);
    const points = await plant.prisma.measurementPoint.findMany({ where: { assetId: asset.id }, orderBy: { code: 'asc' } });
    expect(points.map((p) => [p.code, p.energyCarrier, p.rolloverValue?.toString() ?? null])).toEqual([
      ['TR-IMP-AG', 'WATER', null],
      ['TR-IMP-EM', 'ELECTRICITY', '100000'],
    ]);
  });
});
