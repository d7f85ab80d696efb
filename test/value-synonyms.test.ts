// The old system's codes each import accepts (domain/imports/value-synonyms.ts): one list per closed
// vocabulary, naming only real codes, and no spelling that means two things in the same column.
import { describe, expect, it } from 'vitest';
import { resourceTranslationsEN } from '../domain/labels/resources.en.js';
import { resourceTranslationsES } from '../domain/labels/resources.es.js';
import { choiceParser, headerKey } from '../domain/imports/cell-values.js';
import { VALUE_SYNONYMS } from '../domain/imports/value-synonyms.js';
import { VOCABULARIES } from '../domain/vocabularies.js';

type Labels = Record<string, { labels?: Record<string, Record<string, string>> }>;
const vocabularies = Object.entries(VOCABULARIES).flatMap(([model, fields]) => Object.entries(fields).map(([field, codes]) => ({ model, field, codes: codes as readonly string[] })));

describe('built-in synonyms', () => {
  it.each(vocabularies)('$model.$field has synonyms for every code and no other', ({ model, field, codes }) => {
    const synonyms = (VALUE_SYNONYMS as unknown as Record<string, Record<string, Record<string, readonly string[]>>>)[model]![field]!;
    expect(Object.keys(synonyms).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(synonyms[code]!.length).toBeGreaterThan(0);
  });

  it.each(vocabularies)('$model.$field: no spelling means two codes, and none hides a code or label', ({ model, field, codes }) => {
    const synonyms = (VALUE_SYNONYMS as unknown as Record<string, Record<string, Record<string, readonly string[]>>>)[model]![field]!;
    const own = new Map<string, string>();
    for (const code of codes) {
      own.set(headerKey(code), code);
      for (const labels of [resourceTranslationsES, resourceTranslationsEN] as unknown as Labels[]) {
        const label = labels[model]?.labels?.[field]?.[code];
        if (label) own.set(headerKey(label), code);
      }
    }
    const meaning = new Map<string, string>();
    for (const [code, spellings] of Object.entries(synonyms))
      for (const spelling of spellings) {
        const key = headerKey(spelling);
        expect(meaning.get(key) ?? code, `"${spelling}" means two codes`).toBe(code);
        expect(own.get(key) ?? code, `"${spelling}" is another code's own name`).toBe(code);
        meaning.set(key, code);
      }
  });

  it('a parser reads the legacy code, and a clerk mapping comes before a synonym but after our own labels', () => {
    const parse = choiceParser(
      [{ code: 'IN_SERVICE', labels: ['En servicio'], synonyms: ['ACTIVO'] }, { code: 'RETIRED', labels: ['Dado de baja'], synonyms: ['BAJA'] }],
      new Map([[headerKey('baja'), 'IN_SERVICE'], [headerKey('En servicio'), 'RETIRED'], [headerKey('roto'), 'NOT_A_CODE']]),
    );
    expect(parse('activo')).toEqual({ ok: true, value: 'IN_SERVICE' });
    expect(parse('BAJA')).toEqual({ ok: true, value: 'IN_SERVICE' });
    expect(parse('en servicio')).toEqual({ ok: true, value: 'IN_SERVICE' });
    expect(parse('roto').ok).toBe(false);
  });
});
