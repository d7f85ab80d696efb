// The storeroom's catalogue from Excel: vendors, materials (with their preferred vendor), warehouses (in a
// location) and bins (in a warehouse), through the same import pipeline as every catalogue; a row naming
// what does not exist is refused with its reason and the rest is imported.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { useImportTestPlant } from './support/imports.js';

const plant = useImportTestPlant('Berta Bodeguera');
const { importSheet } = plant;
let prisma: Db;
beforeAll(() => void ({ prisma } = plant));

describe('the storeroom catalogue from Excel', () => {
  it('vendors, materials, warehouses and bins, by code, in Spanish headers', async () => {
    await prisma.location.create({ data: { code: 'PLT', name: 'Planta' } });
    const vendors = await importSheet('vendors', [['Código', 'Nombre', 'Teléfono'], ['PROV-001', 'Rodamientos del Norte', '+504 2550-0000']]);
    expect([vendors.run.state, vendors.errors]).toEqual(['SUCCEEDED', []]);
    const materials = await importSheet('materials', [
      ['Código', 'Descripción', 'Unidad de medida', 'Punto de pedido', 'Cantidad a pedir', 'Proveedor preferido'],
      ['ROD-6205', 'Rodamiento 6205-2RS', 'u', '4', '10', 'PROV-001'],
      ['GRASA-EP2', 'Grasa EP2', 'kg', '2,5', '', ''],
      ['SELLO-40', 'Sello mecánico', 'u', '1', '2', 'PROV-999'],
    ]);
    expect(materials.run.state).toBe('PARTIAL');
    expect(materials.errors).toHaveLength(1);
    expect(materials.errors[0]).toMatch(/^4 /);
    const rod = await prisma.material.findUniqueOrThrow({ where: { code: 'ROD-6205' }, include: { preferredVendor: true } });
    expect([rod.description, rod.unit, rod.reorderPoint.toString(), rod.reorderQuantity.toString(), rod.preferredVendor?.name]).toEqual(['Rodamiento 6205-2RS', 'u', '4', '10', 'Rodamientos del Norte']);
    expect((await prisma.material.findUniqueOrThrow({ where: { code: 'GRASA-EP2' } })).reorderPoint.toString()).toBe('2.5');
    expect(await prisma.material.count({ where: { code: 'SELLO-40' } })).toBe(0);

    const warehouses = await importSheet('warehouses', [['Código', 'Nombre', 'Ubicación'], ['ALM-CEN', 'Bodega central', 'PLT']]);
    expect([warehouses.run.state, warehouses.errors]).toEqual(['SUCCEEDED', []]);
    const bins = await importSheet('bins', [['Almacén', 'Código', 'Descripción'], ['ALM-CEN', 'A-01-03', 'Pasillo A'], ['Bodega central', 'A-01-04', '']]);
    expect([bins.run.state, bins.errors]).toEqual(['SUCCEEDED', []]);
    expect((await prisma.bin.findMany({ where: { warehouse: { code: 'ALM-CEN' } }, orderBy: { code: 'asc' } })).map((b) => b.code)).toEqual(['A-01-03', 'A-01-04']);
    // Importing again updates by code: nothing is duplicated.
    await importSheet('materials', [['Código', 'Descripción', 'Unidad de medida'], ['ROD-6205', 'Rodamiento 6205 sellado', 'u']]);
    expect((await prisma.material.findMany({ where: { code: 'ROD-6205' } })).map((m) => m.description)).toEqual(['Rodamiento 6205 sellado']);
  });
});
