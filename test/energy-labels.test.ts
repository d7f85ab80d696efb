// Energy and the readings intake (issue 25) read like the plant in both languages: every message, model,
// field and closed value has its Spanish and its English words, and the same keys in both.
import { describe, expect, it } from 'vitest';
import { energyActionsEN, energyMessagesEN, energyPagesEN } from '../admin/locales/energy.en.js';
import { energyActionsES, energyMessagesES, energyPagesES } from '../admin/locales/energy.es.js';
import { renderMessage } from '../admin/locales/render.js';
import { resourceLabelsEN, resourceTranslationsEN } from '../domain/labels/resources.en.js';
import { resourceLabelsES, resourceTranslationsES } from '../domain/labels/resources.es.js';
import { energyOutOfPattern } from '../domain/notifications/kinds/energy-out-of-pattern.kind.js';
import { VOCABULARIES } from '../domain/vocabularies.js';
import { getFullModel } from '../admin/dmmf.js';

type Translations = Record<string, { properties: Record<string, string>; labels?: Record<string, Record<string, string>> }>;

describe('energy in Spanish and English', () => {
  it('has the same message, action and page keys in both languages, none empty', () => {
    for (const [spanish, english] of [[energyMessagesES, energyMessagesEN], [energyActionsES, energyActionsEN], [energyPagesES, energyPagesEN]] as const) {
      expect(Object.keys(english).sort()).toEqual(Object.keys(spanish).sort());
      for (const text of [...Object.values(spanish), ...Object.values(english)]) expect(text.trim()).not.toBe('');
    }
  });

  it.each(['SiteProduction', 'IntegrationToken', 'MeasurementPoint'])('%s: the model, every field and every closed value are named in both', (model) => {
    for (const [labels, translations] of [[resourceLabelsES, resourceTranslationsES], [resourceLabelsEN, resourceTranslationsEN]] as const) {
      expect((labels as Record<string, string>)[model]).toBeTruthy();
      const own = (translations as unknown as Translations)[model]!;
      for (const field of getFullModel(model).fields.filter((f) => f.kind !== 'object' || f.isList === false)) {
        if (['id', 'tokenHash', 'createdById', 'locationId', 'assetId', 'excursionSince', 'lastEvaluatedAt', 'schedules', 'workRequests'].includes(field.name)) continue;
        if (field.relationFromFields?.length === 0 && field.kind === 'object') continue;
        expect(own.properties[field.name], `${model}.${field.name}`).toBeTruthy();
      }
      for (const [field, values] of Object.entries((VOCABULARIES as unknown as Record<string, Record<string, readonly string[]>>)[model] ?? {}))
        for (const value of values) expect(own.labels?.[field]?.[value], `${model}.${field}.${value}`).toBeTruthy();
    }
  });

  it('says an API refusal and a row error in the language asked for', () => {
    expect(renderMessage('en', 'readingRow_unknownPoint', { point: 'TR-9' })).toBe('No measurement point has the code "TR-9": correct the code or have the point created.');
    expect(renderMessage('es', 'apiTooManyRequests', { seconds: 12 })).toBe('Demasiadas solicitudes: espere 12 s y vuelva a enviar.');
    expect(energyOutOfPattern.message.en).toContain('{consumption}');
    expect(energyOutOfPattern.label.es).toBe('Un consumo de energía fuera de lo habitual');
  });
});
