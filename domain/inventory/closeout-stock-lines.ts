// The storeroom lines the closeout form starts from: every material the order holds (issued − returned)
// or has reserved, per warehouse, and the materials the technician reported on his phone card that are
// in the catalogue (by code, or by description ignoring case and accents). A line's "used" starts as what
// the technician reported, else as what the order holds and has reserved. Reported materials that name no
// catalogue material stay free text (WorkOrderMaterial), as before the storeroom existed.
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import { holdingsOf, type OrderHolding } from './closeout-materials.js';
import { shown } from './stock-input.js';

export interface ReportedMaterial {
  description: string;
  quantity: string;
  unit: string;
}

export interface CloseoutStockLine extends OrderHolding {
  /** What the form proposes as used, as people type it. */
  used: string;
  /** The proposal comes from the technician's report. */
  reported: boolean;
}

export async function closeoutStockLines(db: Db, ability: AppAbility, workOrderId: number, reported: ReportedMaterial[]): Promise<{ lines: CloseoutStockLine[]; freeText: ReportedMaterial[] }> {
  const lines: CloseoutStockLine[] = (await holdingsOf(db, workOrderId)).map((h) => ({ ...h, used: shown(new Prisma.Decimal(h.held).plus(h.reserved)), reported: false }));
  const freeText: ReportedMaterial[] = [];
  const matches = await catalogueMaterialsNamed(db, ability, reported.map((m) => m.description));
  const readableLevels = accessibleWhere(ability, 'read', 'StockLevel');
  for (const [index, material] of reported.entries()) {
    const materialId = matches.get(index);
    const quantity = /^\d+([.,]\d+)?$/.test(material.quantity.trim()) ? new Prisma.Decimal(material.quantity.trim().replace(',', '.')) : null;
    if (materialId === undefined || quantity === null || !readableLevels) {
      freeText.push(material);
      continue;
    }
    const line = lines.find((l) => l.materialId === materialId);
    if (line) {
      // Two reported lines of one material add up.
      line.used = shown(line.reported ? new Prisma.Decimal(line.used).plus(quantity) : quantity);
      line.reported = true;
      continue;
    }
    // Not held by the order: taken from the warehouse he may see that has most of it available.
    const level = await db.stockLevel.findFirst({
      where: { AND: [readableLevels, { materialId }] },
      orderBy: [{ available: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
      include: { material: true, warehouse: true, bin: true },
    });
    if (!level) {
      freeText.push(material);
      continue;
    }
    lines.push({
      materialId, warehouseId: level.warehouseId, material: `${level.material.code} · ${level.material.description}`, warehouse: level.warehouse.name,
      unit: level.material.unit, bin: level.bin?.code ?? null, held: '0', reserved: '0', used: shown(quantity), reported: true,
    });
  }
  return { lines, freeText };
}

/** For each description (by its position), the catalogue material it names, if any: its code as the first
 * word ("ROD-6205", "ROD-6205 · Rodamiento 6205"), or its description. Active materials the viewer may read. */
async function catalogueMaterialsNamed(db: Db, ability: AppAbility, descriptions: string[]): Promise<Map<number, number>> {
  const readable = accessibleWhere(ability, 'read', 'Material');
  const found = new Map<number, number>();
  if (!readable || !descriptions.length) return found;
  const rows = await db.$queryRaw<{ position: number; id: number }[]>`
    SELECT DISTINCT ON (d.position) d.position, m.id
      FROM unnest(${descriptions}::text[]) WITH ORDINALITY AS d(text, position)
      JOIN materials m ON m.is_active AND (upper(m.code) = upper(split_part(trim(d.text), ' ', 1)) OR cmms_normalize(m.description) = cmms_normalize(d.text))
     ORDER BY d.position, (upper(m.code) = upper(split_part(trim(d.text), ' ', 1))) DESC, m.id`;
  const allowed = new Set((await db.material.findMany({ where: { AND: [readable, { id: { in: rows.map((r) => r.id) } }] }, select: { id: true } })).map((m) => m.id));
  for (const row of rows) if (allowed.has(row.id)) found.set(Number(row.position) - 1, row.id);
  return found;
}
