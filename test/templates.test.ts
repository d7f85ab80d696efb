// Templates: bodies administrators write are Mustache, checked and rendered so that a template can only
// place values (escaped) and repeat blocks, never run code, and a value can never become markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateBodyFor } from '../domain/templates/active-template.js';
import { DEFAULT_BODIES, headerAndFooter } from '../domain/templates/default-bodies.js';
import { checkTemplateBody, renderTemplate } from '../domain/templates/render-template.js';
import { TEMPLATE_KINDS, TEMPLATE_LANGUAGES } from '../domain/templates/template-kinds.js';
import { Refusal } from '../domain/refusal.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const refusalOf = (run: () => unknown): Refusal => {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('rendering a template', () => {
  it('places the values, repeats a list and skips an empty block', () => {
    const body = 'OT {{number}} · {{asset.code}}\n{{#steps}}[ ] {{position}}. {{instruction}}\n{{/steps}}{{^steps}}Sin pasos{{/steps}}';
    expect(renderTemplate(body, { number: 'OT-2026-00012', asset: { code: 'B-101' }, steps: [{ position: 1, instruction: 'Medir vibración' }, { position: 2, instruction: 'Revisar sello' }] }, 'text'))
      .toBe('OT OT-2026-00012 · B-101\n[ ] 1. Medir vibración\n[ ] 2. Revisar sello\n');
    expect(renderTemplate(body, { number: 'OT-1', asset: { code: 'X' }, steps: [] }, 'text')).toBe('OT OT-1 · X\nSin pasos');
  });

  it('escapes hostile values for HTML: a description cannot become a script, an attribute or a link', () => {
    const hostile = `<script>alert('x')</script><img src=x onerror="steal()"> & "quoted" \`tick\` a=b`;
    const html = renderTemplate('<p title="{{description}}">{{description}}</p>', { description: hostile });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"steal()"');
    expect(html).toBe(
      '<p title="&lt;script&gt;alert(&#39;x&#39;)&lt;&#x2F;script&gt;&lt;img src&#x3D;x onerror&#x3D;&quot;steal()&quot;&gt; &amp; &quot;quoted&quot; &#x60;tick&#x60; a&#x3D;b">' +
        '&lt;script&gt;alert(&#39;x&#39;)&lt;&#x2F;script&gt;&lt;img src&#x3D;x onerror&#x3D;&quot;steal()&quot;&gt; &amp; &quot;quoted&quot; &#x60;tick&#x60; a&#x3D;b</p>',
    );
  });

  it('a value that looks like a tag stays text: it is not rendered again', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'secreto' }, 'text')).toBe('{{b}}');
    expect(renderTemplate('{{a}}', { a: '{{#b}}x{{/b}}', b: true })).toBe('{{#b}}x{{&#x2F;b}}');
  });

  it('refuses raw output, partials and delimiter changes, so no value escapes the escape', () => {
    expect(refusalOf(() => checkTemplateBody('Hola {{{description}}}'))).toMatchObject({ key: 'templateRawOutput', params: { tag: '{{{description}}}' }, fields: [{ field: 'body' }] });
    expect(refusalOf(() => checkTemplateBody('{{#steps}}{{& instruction}}{{/steps}}'))).toMatchObject({ key: 'templateRawOutput', params: { tag: '{{& instruction}}' } });
    expect(refusalOf(() => checkTemplateBody('{{> footer}}'))).toMatchObject({ key: 'templatePartial' });
    expect(refusalOf(() => checkTemplateBody('{{=<% %>=}}<% x %>'))).toMatchObject({ key: 'templateDelimiters' });
    expect(() => renderTemplate('{{{x}}}', { x: '<b>' })).toThrow(Refusal);
  });

  it('no code runs: built-in properties are refused and values hold no functions to call', () => {
    for (const body of ['{{constructor}}', '{{#constructor.constructor}}return process.exit(1){{/constructor.constructor}}', '{{asset.__proto__}}', '{{name.toString}}']) {
      expect(refusalOf(() => checkTemplateBody(body)).key, body).toBe('templateBuiltInName');
    }
    // A list's and a text's methods are out of reach too: the values are copied without prototypes.
    expect(renderTemplate('[{{steps.map}}][{{#steps.filter}}x{{/steps.filter}}][{{steps.length}}][{{name.length}}]', { steps: [{ a: 1 }], name: 'Bomba' }, 'text')).toBe('[][][1][5]');
    let called = false;
    const lambda = () => {
      called = true;
      return 'ejecutado';
    };
    // A function slipped into the values is dropped, not called as a Mustache lambda.
    const rendered = renderTemplate('[{{#fn}}dentro{{/fn}}][{{fn}}]', { fn: lambda as unknown as string }, 'text');
    expect(called).toBe(false);
    expect(rendered).toBe('[][]');
  });

  it('a broken template is refused with what is wrong, before it is stored', () => {
    expect(refusalOf(() => checkTemplateBody('{{#steps}} sin cerrar'))).toMatchObject({ key: 'templateSyntax', fields: [{ field: 'body' }] });
    expect(refusalOf(() => checkTemplateBody('x'.repeat(20_001)))).toMatchObject({ key: 'templateTooLong', params: { max: 20_000 } });
  });

  it('the default bodies are valid templates, and the print-out splits into header and footer', () => {
    for (const kind of TEMPLATE_KINDS) for (const language of TEMPLATE_LANGUAGES) expect(() => checkTemplateBody(DEFAULT_BODIES[kind][language])).not.toThrow();
    expect(headerAndFooter('Cabecera\nlínea 2\n---\nPie')).toEqual({ header: 'Cabecera\nlínea 2', footer: 'Pie' });
    expect(headerAndFooter('Solo cabecera')).toEqual({ header: 'Solo cabecera', footer: '' });
  });
});

describe('which template a printable uses', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('the active template of the kind and language, else the default in code; one active per kind and language', async () => {
    expect(await templateBodyFor(db.prisma, 'LABEL_SHEET', 'es')).toBe(DEFAULT_BODIES.LABEL_SHEET.es);
    await db.prisma.template.create({ data: { kind: 'LABEL_SHEET', language: 'es', name: 'Etiqueta corta', body: '{{code}}' } });
    await db.prisma.template.create({ data: { kind: 'LABEL_SHEET', language: 'es', name: 'Borrador', body: '{{name}}', active: false } });
    expect(await templateBodyFor(db.prisma, 'LABEL_SHEET', 'es')).toBe('{{code}}');
    expect(await templateBodyFor(db.prisma, 'LABEL_SHEET', 'en')).toBe(DEFAULT_BODIES.LABEL_SHEET.en);
    await expect(db.prisma.template.create({ data: { kind: 'LABEL_SHEET', language: 'es', name: 'Otra activa', body: '{{code}}' } })).rejects.toThrow(/templates_one_active|Unique/);
    await expect(db.prisma.template.create({ data: { kind: 'INVOICE', language: 'es', name: 'x', body: 'x' } })).rejects.toThrow(/templates_kind_check/);
  });
});
