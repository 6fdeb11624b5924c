// The OCOP web form's own script: the file formats of the records, then Decap CMS started.
// The build copies it to admin/ with Decap's bundle; ocop-cms-init.js (made by the build from
// the settings, plugins/ocop/site/cms.py) has set window.CMS_MANUAL_INIT and window.OCOP_CMS.
//
// Records are YAML, as `make check` reads them: the form leaves out what an editor left empty
// (the schemas refuse empty strings and empty lists), keeps the schema comment on the first line,
// and tells product.yaml files from the other records that share the products folder.
// News keep Pelican's own header lines ("Title: …"), never YAML front matter.
import { YAML } from './yaml/index.js';

const settings = window.OCOP_CMS || { formats: {} };
const KIND_KEY = settings.kind_key || 'ocop_kind';

function isEmpty(value) {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length === 0;
  return false;
}

// A copy of `value` without empty strings, lists and objects (at any depth), strings trimmed.
function clean(value) {
  if (Array.isArray(value)) {
    return value.map(clean).filter(item => !isEmpty(item));
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      const cleaned = clean(item);
      if (!isEmpty(cleaned)) out[key] = cleaned;
    }
    return out;
  }
  return typeof value === 'string' ? value.trim() : value;
}

// `data` with its keys in the form's order (Decap passes it), the others after.
function ordered(data, sortedKeys) {
  const out = {};
  for (const key of sortedKeys || []) {
    if (key in data) out[key] = data[key];
  }
  for (const key of Object.keys(data)) {
    if (!(key in out)) out[key] = data[key];
  }
  return out;
}

function recordFormat(kind, comment) {
  return {
    fromFile(content) {
      const data = YAML.parse(content || '') || {};
      if (typeof data !== 'object' || Array.isArray(data)) return { [KIND_KEY]: 'other' };
      // every product.yaml has a certificate history; the other records never do
      data[KIND_KEY] = kind === 'product' && !('certificates' in data) ? 'other' : kind;
      for (const [key, value] of Object.entries(data)) {
        if (value instanceof Date) data[key] = value.toISOString().slice(0, 10);
      }
      return data;
    },
    toFile(data, sortedKeys) {
      const copy = { ...data };
      delete copy[KIND_KEY];
      const text = YAML.stringify(ordered(clean(copy), sortedKeys));
      return (comment ? `${comment}\n` : '') + text;
    },
  };
}

const HEADER = /^([A-Za-z0-9_-]+):\s*(.*)$/;

// News: Pelican's header lines then the Markdown body (a file with YAML front matter is read too).
const newsFormat = {
  fromFile(content) {
    const lines = (content || '').replace(/\r\n/g, '\n').split('\n');
    const data = {};
    let index = 0;
    const fenced = lines[0] === '---';
    if (fenced) index = 1;
    for (; index < lines.length; index += 1) {
      const line = lines[index];
      if (fenced && (line === '---' || line === '...')) { index += 1; break; }
      if (!line.trim()) { index += 1; break; }
      const match = HEADER.exec(line);
      if (!match) break;
      data[match[1].toLowerCase()] = match[2].trim();
    }
    data.body = lines.slice(index).join('\n').replace(/^\n+/, '');
    return data;
  },
  toFile(data, sortedKeys) {
    const cleaned = ordered(clean({ ...data }), sortedKeys);
    const body = cleaned.body || '';
    delete cleaned.body;
    const head = Object.entries(cleaned).map(([key, value]) => {
      const text = Array.isArray(value) ? value.join(', ') : String(value);
      return `${key.charAt(0).toUpperCase()}${key.slice(1)}: ${text.replace(/\s+/g, ' ')}`;
    });
    return `${head.join('\n')}\n\n${body.replace(/\s+$/, '')}\n`;
  },
};

for (const [name, format] of Object.entries(settings.formats || {})) {
  window.CMS.registerCustomFormat(name, 'yaml', recordFormat(format.kind, format.comment));
}
window.CMS.registerCustomFormat(settings.news_format || 'ocop-news', 'md', newsFormat);
window.CMS.init();
