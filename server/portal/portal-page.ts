// The portal's pages: plain HTML for a phone, no script, every value escaped. They show the asset's name
// and location and the form, and nothing else of the plant (no codes, ids, people, or other assets).
import { renderMessage, type Language } from '../../admin/locales/render.js';

const escape = (value: string) =>
  value.replace(/[&<>"'`=/]/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.3rem;margin:.2rem 0}p.where{color:#555;margin:.2rem 0 1rem}label{display:block;font-weight:600;margin:.9rem 0 .3rem}
textarea,input{width:100%;box-sizing:border-box;font:inherit;padding:.6rem;border:1px solid #aab;border-radius:.4rem;background:#fff}
textarea{min-height:7rem}button{margin-top:1.2rem;width:100%;padding:.8rem;font:inherit;font-weight:600;color:#fff;background:#1f5fa8;border:0;border-radius:.4rem}
.error{color:#a40000;margin:.3rem 0 0}.notice{background:#fff;border-radius:.4rem;padding:1rem}.hint{color:#555;font-size:.9rem}`;

function page(language: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface PortalFormView {
  language: Language;
  asset: { name: string; location: string };
  action: string;
  csrf: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  notice?: string;
}

export function portalFormPage(view: PortalFormView): string {
  const t = (key: string, params: Record<string, string | number> = {}) => escape(renderMessage(view.language, key, params));
  const value = (name: string) => escape(view.values?.[name] ?? '');
  const error = (name: string) => (view.errors?.[name] ? `<p class="error" id="${name}-error" data-testid="error-${name}">${escape(view.errors[name]!)}</p>` : '');
  return page(
    view.language,
    renderMessage(view.language, 'portalTitle'),
    `<p class="hint">${t('portalTitle')}</p><h1 data-testid="portal-asset">${escape(view.asset.name)}</h1><p class="where">${escape(view.asset.location)}</p>
${view.notice ? `<p class="error" data-testid="portal-notice">${escape(view.notice)}</p>` : ''}
<form method="post" action="${escape(view.action)}" enctype="multipart/form-data" data-testid="portal-form">
<input type="hidden" name="_csrf" value="${escape(view.csrf)}">
<label for="description">${t('portalDescription')}</label><textarea id="description" name="description" required maxlength="2000">${value('description')}</textarea>${error('description')}
<label for="photo">${t('portalPhoto')}</label><input id="photo" name="photo" type="file" accept="image/jpeg,image/png" capture="environment">${error('photo')}
<label for="name">${t('portalName')}</label><input id="name" name="name" required maxlength="120" autocomplete="name" value="${value('name')}">${error('name')}
<label for="contact">${t('portalContact')}</label><input id="contact" name="contact" required maxlength="160" autocomplete="tel" value="${value('contact')}">${error('contact')}
<button type="submit">${t('portalSubmit')}</button></form>`,
  );
}

export function portalMessagePage(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const text = renderMessage(language, key, params);
  return page(language, renderMessage(language, 'portalTitle'), `<div class="notice" data-testid="portal-message"><p>${escape(text)}</p></div>`);
}
